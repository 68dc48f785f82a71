package org.anilexplorer.core.eval;

import java.util.Map;
import java.util.SplittableRandom;
import org.anilexplorer.core.algo.ModelState;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.problem.GroundTruth;
import org.anilexplorer.core.theory.LambdaStar;
import org.ejml.data.DMatrixRMaj;

/** Problem settings and hand-built models shared by the evaluation tests. */
public final class EvalFixtures {

    private EvalFixtures() {
    }

    /**
     * The reference configuration REF of docs/math.md §9: d = 50, k = 5, k' = 50, m_in = 20, σ² = 4, Σ⋆ = diag(1..5)/3,
     * α = 0.1.
     */
    public static Params reference() {
        return Params.defaults().withAll(Map.of("d", "50", "k", "5", "k_prime", "50", "m_in", "20", "sigma2", "4",
                "task_cov", "0.333333333333333333,0.666666666666666667,1,1.333333333333333333,1.666666666666666667",
                "alpha", "0.1", "m_test", "20,30"));
    }

    /** The Table 1 setting of [Y] §5 with the calibration of docs/math.md §7.3: Σ⋆ = linear (‖Σ⋆‖_F = √k), μ⋆ = 0, σ² = 4. */
    public static Params table1() {
        return Params.defaults().withAll(Map.of("d", "50", "k", "5", "k_prime", "50", "m_in", "20", "m_out", "10",
                "sigma2", "4", "task_cov", "linear", "alpha", "0.1", "m_test", "20,30"));
    }

    /**
     * The idealised learned parameters (9) at the limit of Theorem 1: B̂ = B⋆P with P = [diag(√(a_j/α)) | 0] (k×k'),
     * so that αB⋆ᵀB̂B̂ᵀB⋆ = diag(a) = αΛ⋆, B⋆,⊥ᵀB̂ = 0 and ŵ = 0.
     */
    public static ModelState limitModel(GroundTruth truth, Params p) {
        double[] a = LambdaStar.scaledDiagonal(truth.sigmaDiag(), truth.sigma2(), p.mIn());
        int d = truth.d();
        int kp = p.kPrime();
        DMatrixRMaj b = new DMatrixRMaj(d, kp);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < truth.k(); j++) {
                b.set(i, j, truth.bStar().get(i, j) * Math.sqrt(a[j] / p.alpha()));
            }
        }
        return ModelState.of(0, truth, b, new double[kp]);
    }

    /** A random (B̂, ŵ): B̂ entries N(0, scale²/d), ŵ entries N(0, headScale²). */
    public static ModelState randomModel(GroundTruth truth, int kp, double scale, double headScale, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int d = truth.d();
        DMatrixRMaj b = new DMatrixRMaj(d, kp);
        for (int i = 0; i < b.data.length; i++) {
            b.data[i] = scale / Math.sqrt(d) * rng.nextGaussian();
        }
        double[] w = new double[kp];
        for (int i = 0; i < kp; i++) {
            w[i] = headScale * rng.nextGaussian();
        }
        return ModelState.of(0, truth, b, w);
    }
}
