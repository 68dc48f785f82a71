package org.anilexplorer.core.algo;

import static org.anilexplorer.core.algo.Numerics.centralDifferences;
import static org.anilexplorer.core.algo.Numerics.params;
import static org.anilexplorer.core.algo.Numerics.relativeError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.problem.GroundTruth;
import org.anilexplorer.core.problem.TaskPool;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Gradients of the meta-learning methods against independent oracles: central finite differences of the composed
 * per-task loss (I9), the first-order truncations (docs/math.md §3.3), and, for m_in = m_out = ∞, the per-head average of
 * population gradients (I11).
 */
class MetaGradientTest {

    private static final long SEED = 11;

    private static Params small(String algorithm, String mIn, String mOut, int kp) {
        return params("algorithm", algorithm, "d", "6", "k", "2", "k_prime", Integer.toString(kp), "m_in", mIn,
                "m_out", mOut, "tasks", "9", "alpha", "0.3", "beta", "0.1", "sigma2", "0.5", "task_mean", "0.4, -0.3",
                "w0_scale", "1.2", "init_scale", "1.4");
    }

    static Stream<Arguments> exactCases() {
        List<Arguments> list = new ArrayList<>();
        for (String a : new String[] {"anil", "maml"}) {
            for (String m : new String[] {"finite", "inf"}) {
                for (int kp : new int[] {3, 6}) {
                    for (boolean lowRank : new boolean[] {false, true}) {
                        list.add(Arguments.of(a, m, kp, lowRank));
                    }
                }
            }
        }
        return list.stream();
    }

    /** I9: the exact ANIL/MAML gradient (docs/math.md §3.3) is the derivative of (1/N) Σ L̂_out(φ_i(B, w)). */
    @ParameterizedTest(name = "{0} samples={1} k''={2} lowRank={3}")
    @MethodSource("exactCases")
    void exactGradientMatchesFiniteDifferencesOfTheComposedLoss(String algorithm, String samples, int kp,
            boolean lowRank) {
        boolean finite = samples.equals("finite");
        Params p = small(algorithm, finite ? "5" : "inf", finite ? "4" : "inf", kp);
        GroundTruth truth = GroundTruth.sample(p, SEED);
        TaskPool pool = TaskPool.fixed(p, truth, SEED);
        try (FiniteMetaLearning dyn = new FiniteMetaLearning(p, truth, SEED, 1, lowRank)) {
            dyn.step(); // any generic point will do; move off the initialisation
            dyn.computeGradient();
            DMatrixRMaj b = dyn.state().b();
            DMatrixRMaj w = new DMatrixRMaj(kp, 1, true, dyn.state().w());
            double[] fdB = centralDifferences(b.data, x -> PerTaskReference.metaLoss(p, pool, b, w), 1e-6);
            double[] fdW = centralDifferences(w.data, x -> PerTaskReference.metaLoss(p, pool, b, w), 1e-6);
            double errB = relativeError(dyn.gradB().data, fdB);
            double errW = relativeError(dyn.gradW(), fdW);
            assertTrue(errB <= 1e-8, "∇_B vs finite differences: " + errB);
            assertTrue(errW <= 1e-8, "∇_w vs finite differences: " + errW);
        }
    }

    /** The first-order methods are not the derivative of the composed loss (they drop the Jacobian of φ_i)… */
    @Test
    void firstOrderGradientsAreNotTheDerivative() {
        Params p = small("fo-anil", "5", "4", 6);
        GroundTruth truth = GroundTruth.sample(p, SEED);
        TaskPool pool = TaskPool.fixed(p, truth, SEED);
        try (FiniteMetaLearning dyn = new FiniteMetaLearning(p, truth, SEED, 1)) {
            dyn.computeGradient();
            DMatrixRMaj b = dyn.state().b();
            DMatrixRMaj w = new DMatrixRMaj(6, 1, true, dyn.state().w());
            double[] fdB = centralDifferences(b.data, x -> PerTaskReference.metaLoss(p, pool, b, w), 1e-6);
            assertTrue(relativeError(dyn.gradB().data, fdB) > 1e-3);
        }
    }

    /**
     * …but exactly its stated truncation (docs/math.md §3.3): exact − first-order equals, per task, −α u gᵀ − α Σ̂_in B g wᵀ and
     * −α BᵀΣ̂_in B g for ANIL; −α u G_wᵀ − α Σ̂_in h wᵀ and −α G_Bᵀu − α BᵀΣ̂_in h for MAML.
     */
    @ParameterizedTest
    @MethodSource("truncationCases")
    void firstOrderGradientIsTheExactOneWithoutTheJacobianTerms(String exact, String firstOrder, String samples) {
        boolean finite = samples.equals("finite");
        Params pe = small(exact, finite ? "5" : "inf", finite ? "4" : "inf", 6);
        Params pf = pe.with("algorithm", firstOrder);
        GroundTruth truth = GroundTruth.sample(pe, SEED);
        TaskPool pool = TaskPool.fixed(pe, truth, SEED);
        try (FiniteMetaLearning e = new FiniteMetaLearning(pe, truth, SEED, 1);
                FiniteMetaLearning f = new FiniteMetaLearning(pf, truth, SEED, 1)) {
            e.computeGradient();
            f.computeGradient();
            DMatrixRMaj b = e.state().b();
            DMatrixRMaj w = new DMatrixRMaj(6, 1, true, e.state().w());
            DMatrixRMaj extraB = new DMatrixRMaj(6, 6);
            DMatrixRMaj extraW = new DMatrixRMaj(6, 1);
            double alpha = pe.alpha();
            for (int i = 0; i < pool.size(); i++) {
                PerTaskReference.Data in = PerTaskReference.inner(pool, i);
                PerTaskReference.Data out = PerTaskReference.outer(pool, i);
                DMatrixRMaj[] phi = PerTaskReference.innerStep(pe.algorithm(), alpha, in, b, w);
                DMatrixRMaj gTheta = mult(out.cov(), mult(phi[0], phi[1]));
                CommonOps_DDRM.subtractEquals(gTheta, out.rhs());
                DMatrixRMaj u = phi[2];
                // G (the head gradient the second-order terms act on): Bᵀ g_θ for ANIL, B_iᵀ g_θ for MAML
                DMatrixRMaj g = multTransA(exact.equals("anil") ? b : phi[0], gTheta);
                DMatrixRMaj h;
                if (exact.equals("anil")) {
                    h = mult(b, g);
                } else {
                    h = mult(b, g);
                    CommonOps_DDRM.addEquals(h, CommonOps_DDRM.dot(phi[1], w), gTheta);
                    // −α G_Bᵀ u = −α w_i (g_θ·u)
                    CommonOps_DDRM.addEquals(extraW, -alpha * CommonOps_DDRM.dot(gTheta, u), phi[1]);
                }
                DMatrixRMaj sh = mult(in.cov(), h);
                CommonOps_DDRM.multAddTransB(-alpha, u, g, extraB);
                CommonOps_DDRM.multAddTransB(-alpha, sh, w, extraB);
                CommonOps_DDRM.multAddTransA(-alpha, b, sh, extraW);
            }
            CommonOps_DDRM.divide(extraB, pool.size());
            CommonOps_DDRM.divide(extraW, pool.size());
            DMatrixRMaj diffB = e.gradB().copy();
            CommonOps_DDRM.subtractEquals(diffB, f.gradB());
            double[] diffW = e.gradW().clone();
            for (int j = 0; j < 6; j++) {
                diffW[j] -= f.gradW()[j];
            }
            // the dropped terms are a sizeable part of the gradient here, and match to rounding of the gradient
            double scale = NormOps_DDRM.normF(e.gradB()) + norm(e.gradW());
            assertTrue(NormOps_DDRM.normF(extraB) > 0.05 * scale, "the dropped terms are not negligible here");
            assertTrue(relativeError(diffB, extraB) * NormOps_DDRM.normF(extraB) <= 1e-13 * scale, "∇_B truncation");
            assertTrue(relativeError(diffW, extraW.data) * NormOps_DDRM.normF(extraW) <= 1e-13 * scale,
                    "∇_w truncation");
        }
    }

    static Stream<Arguments> truncationCases() {
        return Stream.of(Arguments.of("anil", "fo-anil", "finite"), Arguments.of("anil", "fo-anil", "inf"),
                Arguments.of("maml", "fo-maml", "finite"), Arguments.of("maml", "fo-maml", "inf"));
    }

    /**
     * I11: FO-ANIL with m_in = m_out = ∞ on N heads, computed from the empirical moments w̄ and S, equals the
     * per-head average of the population gradients of docs/math.md §3.5, to machine precision; so do the loss and the iterates.
     */
    @ParameterizedTest
    @MethodSource("momentCases")
    void momentFormEqualsPerHeadAverage(String init, String mean, int kp) {
        Params p = params("algorithm", "fo-anil", "d", "10", "k", "3", "k_prime", Integer.toString(kp), "m_in", "inf",
                "m_out", "inf", "tasks", "57", "alpha", "0.2", "beta", "0.3", "sigma2", "0.7", "task_cov", "linear",
                "task_mean", mean, "init", init, "init_scale", "0.9", "w0_scale", "0.8");
        GroundTruth truth = GroundTruth.sample(p, SEED);
        TaskPool pool = TaskPool.fixed(p, truth, SEED);
        try (FoAnilInfiniteSamples moments = new FoAnilInfiniteSamples(p, truth, SEED);
                FiniteMetaLearning perTask = new FiniteMetaLearning(p, truth, SEED, 2)) {
            for (int t = 0; t < 4; t++) {
                DMatrixRMaj b = moments.state().b();
                DMatrixRMaj w = new DMatrixRMaj(kp, 1, true, moments.state().w());
                PerTaskReference.Gradient ref = PerTaskReference.metaGradient(p, pool, b, w);
                moments.computeGradient();
                assertTrue(relativeError(moments.gradB(), ref.b()) <= 1e-13, "∇_B at t = " + t);
                assertTrue(relativeError(moments.gradW(), ref.w()) <= 1e-13, "∇_w at t = " + t);
                double loss = PerTaskReference.metaLoss(p, pool, b, w);
                assertEquals(loss, moments.trainingLoss(), 1e-13 * loss);
                moments.step();
                perTask.step();
                assertTrue(relativeError(moments.state().b(), perTask.state().b()) <= 1e-13);
                assertTrue(relativeError(moments.state().w(), perTask.state().w()) <= 1e-13);
            }
            double magnitude = CommonOps_DDRM.elementSum(FiniteMetaLearningTest.elementSquares(moments.state().b()))
                    + FiniteMetaLearningTest.norm2(moments.state().w());
            assertEquals(magnitude, moments.magnitude(), 1e-13 * magnitude);
        }
    }

    static Stream<Arguments> momentCases() {
        return Stream.of(Arguments.of("gaussian", "", 10), Arguments.of("gaussian", "0.5, -1, 0.3", 4),
                Arguments.of("orthonormal", "1, 0.2, -0.4", 10));
    }

    /** FiniteTasks picks the moment form for FO-ANIL with both sample counts infinite. */
    @Test
    void factoryUsesMomentsForInfiniteSamples() {
        Params p = small("fo-anil", "inf", "inf", 4);
        try (Dynamics dyn = FiniteTasks.create(p, GroundTruth.sample(p, SEED), SEED, 2)) {
            assertTrue(dyn instanceof FoAnilInfiniteSamples);
        }
    }

    private static double norm(double[] x) {
        return Math.sqrt(FiniteMetaLearningTest.norm2(x));
    }

    private static DMatrixRMaj mult(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj c = new DMatrixRMaj(a.numRows, b.numCols);
        CommonOps_DDRM.mult(a, b, c);
        return c;
    }

    private static DMatrixRMaj multTransA(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj c = new DMatrixRMaj(a.numCols, b.numCols);
        CommonOps_DDRM.multTransA(a, b, c);
        return c;
    }
}
