package org.anilexplorer.core.algo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.anilexplorer.core.metrics.Metrics;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.problem.GroundTruth;
import org.anilexplorer.core.theory.LambdaStar;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** I2, I6, I7, I15 (docs/math.md §9): where the infinite-task recursion goes, against the closed form (8). */
class InfiniteTaskLimitTest {

    static final Params REF = Params.defaults().with("tasks", "inf").with("d", "50").with("k", "5")
            .with("k_prime", "50").with("m_in", "20").with("sigma2", "4").with("alpha", "0.1").with("beta", "0.1")
            .with("task_cov", "0.333333333333333333,0.666666666666666667,1,1.33333333333333333,1.66666666666666667")
            .with("init", "gaussian").with("init_scale", "0.1").with("w0_scale", Double.toString(0.01 * Math.sqrt(50)));

    /** B₀ = B⋆P₀ with P₀ (k×k') i.i.d. N(0, scale²/k'): D stays exactly 0, so Λ_t converges geometrically. */
    static InfiniteTaskDynamics insideStarSpan(Params p, GroundTruth truth, double scale, double[] w0, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        DMatrixRMaj p0 = new DMatrixRMaj(p.k(), p.kPrime());
        for (int i = 0; i < p0.data.length; i++) {
            p0.data[i] = scale / Math.sqrt(p.kPrime()) * rng.nextGaussian();
        }
        DMatrixRMaj b0 = new DMatrixRMaj(p.d(), p.kPrime());
        CommonOps_DDRM.mult(truth.bStar(), p0, b0);
        return new InfiniteTaskDynamics(p, truth, b0, w0);
    }

    /** Λ_t = P_tP_tᵀ in B⋆ coordinates. */
    static DMatrixRMaj lambda(InfiniteTaskDynamics dyn) {
        DMatrixRMaj p = dyn.starProjection();
        DMatrixRMaj l = new DMatrixRMaj(p.numRows, p.numRows);
        CommonOps_DDRM.multTransB(p, p, l);
        return l;
    }

    static double[] eigenvaluesDescending(DMatrixRMaj sym) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(sym.numRows, false, true);
        assertTrue(eig.decompose(sym.copy()));
        double[] v = new double[sym.numRows];
        for (int i = 0; i < v.length; i++) {
            v[i] = eig.getEigenvalue(i).real;
        }
        Arrays.sort(v);
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[v.length - 1 - i];
        }
        return out;
    }

    static double maxRelativeError(DMatrixRMaj actual, DMatrixRMaj expected) {
        return CommonOps_DDRM.elementMaxAbs(CommonOps_DDRM.subtract(actual, expected, null))
                / CommonOps_DDRM.elementMaxAbs(expected);
    }

    static void run(Dynamics dyn, long steps) {
        for (long t = 0; t < steps; t++) {
            dyn.step();
        }
    }

    @ParameterizedTest(name = "alpha = {0}, mean = ''{1}''")
    @CsvSource({"0.2, ''", "0.1, ''", "0.2, '1,-0.5,0.5'"})
    void lambdaConvergesToTheClosedFormFromInsideTheStarSpan(double alpha, String mean) {
        // I2 / I7 / I15 to 1e-9: Σ⋆ anisotropic, k < k' < d, head started away from 0; αΛ_t → αΛ⋆ whatever α is
        // (the start is scaled so that αB₀ᵀB₀ is the same), and B_tw_t → B⋆μ⋆
        Params p = REF.with("d", "12").with("k", "3").with("k_prime", "6").with("m_in", "10").with("sigma2", "1")
                .with("task_cov", "0.5,1,1.5").with("alpha", "" + alpha).with("beta", "" + alpha)
                .with("task_mean", mean);
        GroundTruth truth = GroundTruth.sample(p, 3);
        double[] w0 = {0.1, -0.2, 0.05, 0.3, 0.0, 0.1};
        InfiniteTaskDynamics dyn = insideStarSpan(p, truth, 0.3 * Math.sqrt(0.2 / alpha), w0, 5);
        run(dyn, Math.round(20_000 * 0.2 / alpha));
        DMatrixRMaj expected = LambdaStar.matrix(p);
        DMatrixRMaj scaledExpected = expected.copy();
        CommonOps_DDRM.scale(alpha, scaledExpected);
        double err = maxRelativeError(lambda(dyn), expected);
        assertTrue(err < 1e-9, "Λ_t − Λ⋆ relative error " + err);
        double[] eig = eigenvaluesDescending(lambda(dyn));
        double[] closed = LambdaStar.eigenvalues(p);
        for (int j = 0; j < 3; j++) {
            assertEquals(alpha * closed[j], alpha * eig[j], 1e-9);
            assertTrue(alpha * eig[j] < 1, "αΛ⋆ ≺ I for finite m_in");
        }
        // D₀ = B⋆,⊥ᵀB⋆P₀ is 0 up to rounding and R_{t+1} = R_t(I − βE_t) keeps it there
        assertTrue(CommonOps_DDRM.elementMaxAbs(dyn.perpFactor()) < 1e-15, "D must stay at rounding level");
        assertTrue(Metrics.measure(dyn).bwNorm() < 1e-9, "B_tw_t → B⋆μ⋆");
    }

    @Test
    void headStaysExactlyZeroWithZeroMeanAndZeroStart() {
        // I6: μ⋆ = 0, w₀ = 0 ⇒ a = −αBᵀBw = 0 and the head step vanishes: w_t ≡ 0 exactly
        Params p = REF.with("d", "12").with("k", "3").with("k_prime", "8").with("task_cov", "linear")
                .with("w0_scale", "0").with("init_scale", "1");
        InfiniteTaskDynamics dyn = (InfiniteTaskDynamics) InfiniteTasks.create(p, GroundTruth.sample(p, 2), 2);
        run(dyn, 3000);
        for (double v : dyn.head()) {
            assertEquals(0.0, v, 0.0);
        }
    }

    @Test
    void headProductVanishesFromANonZeroStart() {
        // I6: w₀ ≠ 0, μ⋆ = 0 ⇒ ‖B_tw_t‖ → 0 (generic start, D ≠ 0)
        Params p = REF.with("d", "12").with("k", "3").with("k_prime", "8").with("m_in", "10").with("sigma2", "1")
                .with("task_cov", "0.5,1,1.5").with("alpha", "0.2").with("beta", "0.2").with("init_scale", "0.5")
                .with("w0_scale", "0.8");
        Dynamics dyn = InfiniteTasks.create(p, GroundTruth.sample(p, 4), 4);
        double start = Metrics.measure(dyn).bwNorm();
        run(dyn, 20_000);
        double end = Metrics.measure(dyn).bwNorm();
        assertTrue(end < 1e-12 * start, "‖Bw‖ from " + start + " to " + end);
    }

    @Test
    void nonZeroMeanReachesTheCovarianceLimit() {
        // I7 (docs/math.md §9, d = 30, k = 3, m_in = 10, σ² = 1, s = (0.5, 1, 1.5), μ⋆ = (1, −0.5, 0.5)): generic start, so D ≠ 0
        // decays like 1/t and so does ‖B_tw_t − B⋆μ⋆‖; Λ_t still reaches Λ⋆ (Σ⋆ the covariance) to 4 decimals in αΛ
        Params p = REF.with("d", "30").with("k", "3").with("k_prime", "12").with("m_in", "10").with("sigma2", "1")
                .with("task_cov", "0.5,1,1.5").with("task_mean", "1,-0.5,0.5").with("init_scale", "0.3")
                .with("w0_scale", "0.1");
        Dynamics dyn = InfiniteTasks.create(p, GroundTruth.sample(p, 8), 8);
        double previous = Metrics.measure(dyn).bwNorm();
        for (long t : new long[] {1_000, 10_000, 100_000}) {
            run(dyn, t - dyn.iteration());
            double now = Metrics.measure(dyn).bwNorm();
            assertTrue(now < 0.5 * previous, "‖Bw − B⋆μ⋆‖ at " + t + ": " + now + " after " + previous);
            previous = now;
        }
        double[] actual = eigenvaluesDescending(lambda((InfiniteTaskDynamics) dyn));
        double[] expected = LambdaStar.eigenvalues(p);
        for (int j = 0; j < 3; j++) {
            assertEquals(0.1 * expected[j], 0.1 * actual[j], 1e-4, "αΛ eigenvalue " + j);
        }
        assertTrue(Metrics.measure(dyn).bwNorm() < 1e-4, "B_tw_t → B⋆μ⋆");
    }
}
