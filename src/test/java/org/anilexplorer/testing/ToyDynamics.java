package org.anilexplorer.testing;

import java.util.SplittableRandom;
import org.anilexplorer.core.algo.Dynamics;
import org.anilexplorer.core.algo.ModelState;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.problem.GroundTruth;
import org.anilexplorer.core.problem.RandomStreams;
import org.ejml.data.DMatrixRMaj;

/**
 * A deterministic test-only dynamics: B_{t+1} = T + ρ (B_t − T) with target T = B⋆·[I_k 0] (so col(B_t) → col(B⋆)),
 * w ≡ 0, and ρ = 1 − β(1 − α·σ̃) — it converges when α·σ̃ &lt; 1 and explodes geometrically when α·σ̃ &gt; 1, like a
 * meta method whose inner step is too large. Variants inject a NaN or an infinite loss at a chosen iteration, or
 * scale B by a fixed factor per step (magnitude exactly g^{2t}·‖B₀‖²).
 */
public final class ToyDynamics implements Dynamics {

    private final Params params;
    private final GroundTruth truth;
    private final DMatrixRMaj b;
    private final DMatrixRMaj target;
    private final double[] w;
    private final double rho;
    private final double growth;
    private final long nanAt;
    private final long infiniteLossAt;
    private final long sleepNanosPerStep;
    private long iteration;
    private double magnitude;

    private ToyDynamics(Params p, long seed, double growth, long nanAt, long infiniteLossAt, long sleepNanosPerStep) {
        this.params = p;
        this.truth = GroundTruth.sample(p, seed);
        int d = p.d();
        int kp = p.kPrime();
        this.b = new DMatrixRMaj(d, kp);
        SplittableRandom rng = RandomStreams.stream(seed, RandomStreams.Purpose.INIT);
        RandomStreams.gaussian(rng, b.data, 0, d * kp, p.initScale() / Math.sqrt(d));
        this.target = new DMatrixRMaj(d, kp);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < Math.min(kp, p.k()); j++) {
                target.set(i, j, truth.bStar().get(i, j));
            }
        }
        this.w = new double[kp];
        this.rho = 1 - p.beta() * (1 - p.alpha() * Math.sqrt(p.tildeSigma2()));
        this.growth = growth;
        this.nanAt = nanAt;
        this.infiniteLossAt = infiniteLossAt;
        this.sleepNanosPerStep = sleepNanosPerStep;
        this.magnitude = normSquared(b);
    }

    /** A small problem (d = 8, k = 2, k' = 8, Σ⋆ = I, σ² = 1, α = β = 0.1, 1000 iterations) the toy contracts on. */
    public static Params smallParams() {
        return Params.defaults().withAll(java.util.Map.of("d", "8", "k", "2", "k_prime", "8", "task_cov", "identity",
                "sigma2", "1", "alpha", "0.1", "beta", "0.1", "iterations", "1000"));
    }

    /** The contracting (or, for α·σ̃ &gt; 1, exploding) recursion. */
    public static ToyDynamics create(Params p, long seed, int threads) {
        return new ToyDynamics(p, seed, 0, -1, -1, 0);
    }

    /** B_{t+1} = g·B_t exactly, so ‖B_t‖² = g^{2t}‖B₀‖². */
    public static ToyDynamics scaling(Params p, long seed, double g) {
        return new ToyDynamics(p, seed, g, -1, -1, 0);
    }

    /** The contracting recursion, but B becomes NaN at iteration {@code t}. */
    public static ToyDynamics nanAt(Params p, long seed, long t) {
        return new ToyDynamics(p, seed, 0, t, -1, 0);
    }

    /** The contracting recursion, with an infinite training loss from iteration {@code t} on. */
    public static ToyDynamics infiniteLossAt(Params p, long seed, long t) {
        return new ToyDynamics(p, seed, 0, -1, t, 0);
    }

    /** The contracting recursion, sleeping in each step (for pause/cancel tests). */
    public static ToyDynamics slow(Params p, long seed, long nanosPerStep) {
        return new ToyDynamics(p, seed, 0, -1, -1, nanosPerStep);
    }

    @Override
    public Params params() {
        return params;
    }

    @Override
    public GroundTruth truth() {
        return truth;
    }

    @Override
    public long iteration() {
        return iteration;
    }

    @Override
    public void step() {
        double[] bd = b.data;
        double[] td = target.data;
        if (growth > 0) {
            for (int i = 0; i < bd.length; i++) {
                bd[i] *= growth;
            }
        } else {
            for (int i = 0; i < bd.length; i++) {
                bd[i] = td[i] + rho * (bd[i] - td[i]);
            }
        }
        iteration++;
        if (iteration == nanAt) {
            bd[0] = Double.NaN;
        }
        magnitude = normSquared(b);
        if (sleepNanosPerStep > 0) {
            long until = System.nanoTime() + sleepNanosPerStep;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
        }
    }

    @Override
    public ModelState state() {
        return ModelState.of(iteration, truth, b, w);
    }

    /** B, w and t are the whole state (the target and rates follow from the parameters and seed). */
    @Override
    public org.anilexplorer.core.algo.DynamicsState saveState() {
        return new org.anilexplorer.core.algo.DynamicsState("toy", iteration, magnitude,
                java.util.Map.of(org.anilexplorer.core.algo.DynamicsState.B, b.data,
                        org.anilexplorer.core.algo.DynamicsState.W, w));
    }

    @Override
    public void restoreState(org.anilexplorer.core.algo.DynamicsState state) {
        double[] savedB = state.array(org.anilexplorer.core.algo.DynamicsState.B);
        if (savedB.length != b.data.length) {
            throw new IllegalArgumentException("a toy state of another size");
        }
        System.arraycopy(savedB, 0, b.data, 0, savedB.length);
        if (state.has(org.anilexplorer.core.algo.DynamicsState.W)) {
            System.arraycopy(state.array(org.anilexplorer.core.algo.DynamicsState.W), 0, w, 0, w.length);
        }
        iteration = state.iteration();
        magnitude = state.magnitude();
    }

    @Override
    public double trainingLoss() {
        if (infiniteLossAt >= 0 && iteration >= infiniteLossAt) {
            return Double.POSITIVE_INFINITY;
        }
        double s = 0;
        for (int i = 0; i < b.data.length; i++) {
            double r = b.data[i] - target.data[i];
            s += r * r;
        }
        return 0.5 * s;
    }

    @Override
    public double magnitude() {
        return magnitude;
    }

    @Override
    public double flopsPerIteration() {
        return 3.0 * b.data.length;
    }

    private static double normSquared(DMatrixRMaj m) {
        double s = 0;
        for (double v : m.data) {
            s += v * v;
        }
        return s;
    }
}
