package org.anilexplorer.figure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.anilexplorer.core.metrics.RecordingSchedule;
import org.anilexplorer.core.metrics.Snapshot;

/**
 * Realistic-looking recorded runs for looking at figures, shaped after the paper's reported behaviours (docs/math.md
 * §5.7) in the REF configuration (d = 50, k = 5, k' = 50, m_in = 20, α = β = 0.1, σ̃² = 9): squared singular values of
 * B⋆ᵀB_t rise logistically to the eigenvalues of Λ⋆, those of B⋆,⊥ᵀB_t decay like 1/t (or not at all for infinite
 * samples, or first grow for Burer–Monteiro). Not a simulation; only for pictures and plumbing tests.
 */
final class SyntheticRuns {

    static final double ALPHA = 0.1;
    static final double BETA = 0.1;
    static final double SIGMA_TILDE2 = 9;
    static final int M_IN = 20;
    /** αΛ⋆ in REF (docs/math.md §9, I2), divided by α. */
    static final double[] LAMBDA_STAR = {0.7576 / ALPHA, 0.7207 / ALPHA, 0.6667 / ALPHA, 0.5797 / ALPHA, 0.4167 / ALPHA};
    static final int K = 5;
    static final int PERP = 45;
    static final double PERP0_MAX = 0.038;
    static final double PERP0_MEAN = 0.01;
    static final long T0 = 10;

    private SyntheticRuns() {
    }

    /** ‖D_t‖² ≈ 1 / (‖D_t0‖⁻² + 2α²βσ̃²(t − t0)/m_in) (docs/math.md §4.3). */
    static double unlearningRate(double t) {
        return 1 / (1 / PERP0_MAX + 2 * ALPHA * ALPHA * BETA * SIGMA_TILDE2 * Math.max(t - T0, 0) / M_IN);
    }

    /** The five methods of [Y] §5, 10 seeds each, to iteration {@code last}; one FO-MAML seed cancelled early. */
    static List<MethodRuns> paperMethods(long last, int seeds) {
        Map<String, List<List<Snapshot>>> runs = new LinkedHashMap<>();
        runs.put("FO-ANIL", runs(Kind.FINITE_TASKS, last, seeds, 11, -1));
        runs.put("FO-MAML", runs(Kind.FINITE_TASKS_MAML, last, seeds, 22, last / 3));
        runs.put("FO-ANIL (infinite tasks)", runs(Kind.INFINITE_TASKS, last, seeds, 33, -1));
        runs.put("FO-ANIL (infinite samples)", runs(Kind.INFINITE_SAMPLES, last, seeds, 44, -1));
        runs.put("Burer–Monteiro", runs(Kind.BURER_MONTEIRO, last, seeds, 55, -1));
        return MethodRuns.inOrder(runs);
    }

    enum Kind { FINITE_TASKS, FINITE_TASKS_MAML, INFINITE_TASKS, INFINITE_SAMPLES, BURER_MONTEIRO }

    static List<List<Snapshot>> runs(Kind kind, long last, int seeds, long seed, long cancelSecondSeedAt) {
        List<List<Snapshot>> out = new ArrayList<>();
        RecordingSchedule schedule = RecordingSchedule.DEFAULT;
        for (int s = 0; s < seeds; s++) {
            SplittableRandom rnd = new SplittableRandom(seed * 1000 + s);
            double seedScale = Math.exp(0.25 * rnd.nextGaussian());
            double seedRate = Math.exp(0.15 * rnd.nextGaussian());
            long end = (s == 1 && cancelSecondSeedAt > 0) ? cancelSecondSeedAt : last;
            List<Snapshot> seedRuns = new ArrayList<>();
            for (long t = 0; t <= end; t = schedule.next(t)) {
                seedRuns.add(snapshot(kind, t, seedScale, seedRate, rnd));
            }
            out.add(seedRuns);
        }
        return out;
    }

    private static Snapshot snapshot(Kind kind, long t, double seedScale, double seedRate, SplittableRandom rnd) {
        double[] star = new double[K];
        double init = 0.004 * seedScale;
        for (int i = 0; i < K; i++) {
            double target = kind == Kind.INFINITE_SAMPLES ? 1 / ALPHA : LAMBDA_STAR[i];
            if (kind == Kind.FINITE_TASKS || kind == Kind.FINITE_TASKS_MAML) {
                target *= 1 - 0.015 * (i + 1);
            }
            // logistic growth: fast for large eigen-directions, the smallest one lags (in REF the smallest αΛ is still 0.256 at 10³)
            double rate = (kind == Kind.BURER_MONTEIRO ? 0.02 : 0.006) * seedRate * (1 + 0.6 * (K - 1 - i));
            double z = Math.exp(-rate * t);
            star[i] = target / (1 + (target / init - 1) * z);
        }
        java.util.Arrays.sort(star);
        reverse(star);
        double[] perp = new double[PERP];
        for (int j = 0; j < PERP; j++) {
            double start = PERP0_MAX * seedScale * Math.pow(1 - (double) j / PERP, 2) + 1e-4;
            double v = switch (kind) {
                case INFINITE_TASKS -> 1 / (1 / start + 2 * ALPHA * ALPHA * BETA * SIGMA_TILDE2 * t / M_IN);
                case FINITE_TASKS, FINITE_TASKS_MAML -> 1 / (1 / start + 0.6 * 2 * ALPHA * ALPHA * BETA
                        * SIGMA_TILDE2 * t / M_IN) + 2e-3 * seedScale * Math.exp(-0.3 * j);
                case INFINITE_SAMPLES -> start;
                case BURER_MONTEIRO -> start * (1 + 4 * (1 - Math.exp(-t / 30.0)));
            };
            perp[j] = v * Math.exp(0.03 * rnd.nextGaussian());
        }
        java.util.Arrays.sort(perp);
        reverse(perp);
        double distance = kind == Kind.INFINITE_SAMPLES || kind == Kind.BURER_MONTEIRO
                ? 0.999 - 0.002 * rnd.nextDouble()
                : Math.max(Math.exp(-t * seedRate / 9000.0), 1e-12);
        double lossFloor = kind == Kind.INFINITE_SAMPLES ? 2.6 : 2.2;
        double loss = lossFloor + 2.4 * seedScale / (1 + t * seedRate / 200.0);
        double validation = kind == Kind.FINITE_TASKS ? loss * 1.08 + 0.05 : Double.NaN;
        double bw = 0.05 * seedScale / Math.sqrt(1 + t / 50.0);
        return new Snapshot(t, star, perp, bw, distance, loss, validation);
    }

    private static void reverse(double[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            double tmp = a[i];
            a[i] = a[j];
            a[j] = tmp;
        }
    }
}
