package org.anilexplorer.core.algo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.anilexplorer.core.params.Params;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * Cross-checks the two independent implementations of FO-ANIL: the fused finite-N kernel averages the per-task
 * first-order updates over a pool of N sampled tasks, and the infinite-task recursion (eqs. (5)–(7), general μ⋆) is
 * their expectation. From the same θ₀, one finite step must approach the infinite step with an error that shrinks
 * like 1/√N (law of large numbers over tasks), and over many steps the finite trajectory must approach the
 * infinite one as N grows (docs/math.md §9, I13).
 */
class FiniteToInfiniteTasksTest {

    private static Params base() {
        return Params.defaults().withAll(java.util.Map.ofEntries(
                java.util.Map.entry("algorithm", "fo-anil"), java.util.Map.entry("d", "12"),
                java.util.Map.entry("k", "3"), java.util.Map.entry("k_prime", "6"),
                java.util.Map.entry("m_in", "7"), java.util.Map.entry("m_out", "5"),
                java.util.Map.entry("sigma2", "1.5"), java.util.Map.entry("alpha", "0.2"),
                java.util.Map.entry("beta", "0.2"), java.util.Map.entry("task_cov", "0.5,1,1.5"),
                java.util.Map.entry("task_mean", "0.6,-0.3,0.2"), java.util.Map.entry("w0_scale", "0.8")));
    }

    /** ‖B₁(N) − B₁(∞)‖_F, root-mean-square over seeds, relative to the size of the expected update ‖B₁(∞) − B₀‖_F. */
    private static double oneStepError(int n, int seeds) {
        double sum = 0;
        for (int s = 0; s < seeds; s++) {
            long seed = 100 + s;
            Params finite = base().with("tasks", Integer.toString(n));
            Params infinite = base().with("tasks", "inf");
            try (Dynamics f = DynamicsFactory.create(finite, seed, 1);
                 Dynamics inf = DynamicsFactory.create(infinite, seed, 1)) {
                DMatrixRMaj b0 = inf.state().b();
                // the infinite-task state is stored as (P, R, w) and reconstructed, hence rounding-level differences
                assertEquals(0.0, NormOps_DDRM.normF(diff(f.state().b(), b0)), 1e-12 * NormOps_DDRM.normF(b0), "same B₀ for both regimes");
                f.step();
                inf.step();
                double e = NormOps_DDRM.normF(diff(f.state().b(), inf.state().b()))
                        / NormOps_DDRM.normF(diff(inf.state().b(), b0));
                sum += e * e;
            }
        }
        return Math.sqrt(sum / seeds);
    }

    @Test
    void averageFiniteUpdateApproachesTheExpectedUpdateLikeOneOverRootN() {
        double coarse = oneStepError(400, 6);
        double fine = oneStepError(6400, 6);
        // N × 16 ⇒ error ÷ 4 in expectation; the band allows for Monte-Carlo spread over 6 seeds
        double ratio = coarse / fine;
        assertTrue(ratio > 2.5 && ratio < 6.5, "error ratio for N × 16 was " + ratio + " (coarse " + coarse + ", fine " + fine + ")");
        assertTrue(fine < 0.1, "relative error at N = 6400 was " + fine);
    }

    @Test
    void finiteTrajectoryApproachesTheInfiniteTrajectoryAsNGrows() {
        // I13 (soft): after many steps, the finite-N and infinite-task trajectories get closer as N grows. Compared
        // through B_tB_tᵀ, which is invariant under B → BQ (Q orthogonal): the finite-N noise may drift along that
        // symmetry of the objective, which changes nothing the model computes.
        Params p = base().with("w0_scale", "0");
        double previous = Double.POSITIVE_INFINITY;
        for (int n : new int[] {250, 1000, 4000}) {
            double err;
            try (Dynamics f = DynamicsFactory.create(p.with("tasks", Integer.toString(n)), 7, 1);
                 Dynamics inf = DynamicsFactory.create(p.with("tasks", "inf"), 7, 1)) {
                for (int t = 0; t < 300; t++) {
                    f.step();
                    inf.step();
                }
                DMatrixRMaj gramFinite = outer(f.state().b());
                DMatrixRMaj gramInfinite = outer(inf.state().b());
                err = NormOps_DDRM.normF(diff(gramFinite, gramInfinite)) / NormOps_DDRM.normF(gramInfinite);
            }
            assertTrue(err < previous / 1.5, "N = " + n + ": error " + err + " did not shrink enough from " + previous);
            previous = err;
        }
    }

    private static DMatrixRMaj outer(DMatrixRMaj b) {
        DMatrixRMaj m = new DMatrixRMaj(b.numRows, b.numRows);
        CommonOps_DDRM.multTransB(b, b, m);
        return m;
    }

    private static DMatrixRMaj diff(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj c = new DMatrixRMaj(a.numRows, a.numCols);
        CommonOps_DDRM.subtract(a, b, c);
        return c;
    }
}
