package org.anilexplorer.core.algo;

import org.anilexplorer.core.problem.Initialization;
import static org.anilexplorer.core.algo.Numerics.params;
import static org.anilexplorer.core.algo.Numerics.relativeError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.problem.GroundTruth;
import org.anilexplorer.core.problem.Initialization;
import org.anilexplorer.core.problem.TaskPool;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fused kernel of {@link FiniteMetaLearning} against the plain per-task reference (docs/math.md §3.1–§3.5), step
 * by step, for both algebraic paths (M g and B(Bᵀg)), k' &lt; d and k' = d, finite and infinite sample counts.
 */
class FiniteMetaLearningTest {

    private static final long SEED = 7;
    private static final int STEPS = 5;

    static Stream<Arguments> cases() {
        List<Arguments> list = new ArrayList<>();
        String[][] counts = {{"7", "5"}, {"inf", "inf"}, {"7", "inf"}, {"inf", "5"}};
        for (String algorithm : new String[] {"fo-anil", "fo-maml", "anil", "maml"}) {
            for (String[] m : counts) {
                boolean mixed = !m[0].equals("inf") != !m[1].equals("inf");
                if (mixed && !algorithm.equals("fo-anil")) {
                    continue; // Params.validate refuses mixed counts for the other methods
                }
                for (int kp : new int[] {5, 12}) {
                    for (boolean lowRank : new boolean[] {false, true}) {
                        list.add(Arguments.of(algorithm, m[0], m[1], kp, lowRank));
                    }
                }
            }
        }
        return list.stream();
    }

    private static Params base(String algorithm, String mIn, String mOut, int kp) {
        // N = 70: chunks of 5 tasks, so groups of 4 and a tail group of 1
        return params("algorithm", algorithm, "d", "12", "k", "3", "k_prime", Integer.toString(kp), "m_in", mIn,
                "m_out", mOut, "tasks", "70", "alpha", "0.15", "beta", "0.2", "sigma2", "0.5", "task_mean",
                "0.3, -0.2, 0.5", "w0_scale", "0.7", "init_scale", "1.5");
    }

    @ParameterizedTest(name = "{0} m_in={1} m_out={2} k''={3} lowRank={4}")
    @MethodSource("cases")
    void fusedKernelMatchesPerTaskReference(String algorithm, String mIn, String mOut, int kp, boolean lowRank) {
        Params p = base(algorithm, mIn, mOut, kp);
        GroundTruth truth = GroundTruth.sample(p, SEED);
        TaskPool pool = TaskPool.fixed(p, truth, SEED);
        Initialization init = Initialization.sample(p, SEED);
        DMatrixRMaj b = init.b0().copy();
        DMatrixRMaj w = new DMatrixRMaj(kp, 1, true, init.w0());
        try (FiniteMetaLearning dyn = new FiniteMetaLearning(p, truth, SEED, 2, lowRank)) {
            assertEquals(0, relativeError(dyn.state().b(), b));
            for (int t = 1; t <= STEPS; t++) {
                assertEquals(PerTaskReference.metaLoss(p, pool, b, w), dyn.trainingLoss(),
                        1e-12 * PerTaskReference.metaLoss(p, pool, b, w), "training loss at t = " + (t - 1));
                PerTaskReference.Gradient g = PerTaskReference.metaGradient(p, pool, b, w);
                CommonOps_DDRM.addEquals(b, -p.beta(), g.b());
                CommonOps_DDRM.addEquals(w, -p.beta(), g.w());
                dyn.step();
                ModelState s = dyn.state();
                assertEquals(t, s.iteration());
                double errB = relativeError(s.b(), b);
                double errW = relativeError(s.w(), w.data);
                assertTrue(errB <= 1e-12, "B relative error " + errB + " at t = " + t);
                assertTrue(errW <= 1e-12, "w relative error " + errW + " at t = " + t);
                double magnitude = CommonOps_DDRM.elementSum(elementSquares(s.b())) + norm2(s.w());
                assertEquals(magnitude, dyn.magnitude(), 1e-12 * magnitude);
            }
            assertTrue(dyn.flopsPerIteration() > 0);
        }
    }

    /** Pools smaller than a group, and an odd d (loop tails everywhere), against the reference. */
    @ParameterizedTest
    @CsvSource({"1, maml, true", "2, maml, false", "5, anil, true", "5, fo-maml, false"})
    void tinyPools(int tasks, String algorithm, boolean lowRank) {
        Params p = params("algorithm", algorithm, "d", "9", "k", "2", "k_prime", "5", "m_in", "6", "m_out", "3",
                "tasks", Integer.toString(tasks), "alpha", "0.2", "w0_scale", "0.5");
        GroundTruth truth = GroundTruth.sample(p, SEED);
        TaskPool pool = TaskPool.fixed(p, truth, SEED);
        Initialization init = Initialization.sample(p, SEED);
        DMatrixRMaj b = init.b0().copy();
        DMatrixRMaj w = new DMatrixRMaj(5, 1, true, init.w0());
        try (FiniteMetaLearning dyn = new FiniteMetaLearning(p, truth, SEED, 3, lowRank)) {
            for (int t = 0; t < 3; t++) {
                PerTaskReference.Gradient g = PerTaskReference.metaGradient(p, pool, b, w);
                CommonOps_DDRM.addEquals(b, -p.beta(), g.b());
                CommonOps_DDRM.addEquals(w, -p.beta(), g.w());
                dyn.step();
            }
            assertTrue(relativeError(dyn.state().b(), b) <= 1e-12);
            assertTrue(relativeError(dyn.state().w(), w.data) <= 1e-12);
        }
    }

    @Test
    void frozenHeadKeepsW0() {
        Params p = base("fo-anil", "7", "5", 12).with("update_head_outer", "false");
        GroundTruth truth = GroundTruth.sample(p, SEED);
        try (Dynamics dyn = FiniteTasks.create(p, truth, SEED, 1)) {
            double[] w0 = dyn.state().w();
            DMatrixRMaj b0 = dyn.state().b();
            dyn.step();
            dyn.step();
            assertArrayEquals(w0, dyn.state().w());
            assertTrue(relativeError(dyn.state().b(), b0) > 1e-6, "B still moves");
        }
    }

    /** Fresh tasks (Collins et al.): iteration t uses batch t of the FRESH_TASKS stream, a new one every step. */
    @ParameterizedTest
    @MethodSource("freshCases")
    void freshTasksUseBatchTOfTheFreshStream(String algorithm, String mIn, String mOut) {
        Params p = base(algorithm, mIn, mOut, 5).with("fresh_tasks", "true").with("tasks", "150");
        GroundTruth truth = GroundTruth.sample(p, SEED);
        Initialization init = Initialization.sample(p, SEED);
        DMatrixRMaj b = init.b0().copy();
        DMatrixRMaj w = new DMatrixRMaj(5, 1, true, init.w0());
        TaskPool batch = TaskPool.allocate(p, 150);
        double[] previousHeads = null;
        try (Dynamics dyn = FiniteTasks.create(p, truth, SEED, 2)) {
            for (int t = 0; t < 3; t++) {
                SplittableRandom[] streams = TaskPool.freshStreams(SEED, t, 150);
                for (int g = 0; g < streams.length; g++) {
                    batch.drawFreshGroup(g, truth, streams[g]);
                }
                if (previousHeads != null) {
                    assertFalse(java.util.Arrays.equals(previousHeads, batch.heads()), "a new batch each iteration");
                }
                previousHeads = batch.heads().clone();
                double loss = PerTaskReference.metaLoss(p, batch, b, w);
                assertEquals(loss, dyn.trainingLoss(), 1e-12 * loss);
                PerTaskReference.Gradient g = PerTaskReference.metaGradient(p, batch, b, w);
                CommonOps_DDRM.addEquals(b, -p.beta(), g.b());
                CommonOps_DDRM.addEquals(w, -p.beta(), g.w());
                dyn.step();
                assertTrue(relativeError(dyn.state().b(), b) <= 1e-12);
                assertTrue(relativeError(dyn.state().w(), w.data) <= 1e-12);
            }
        }
    }

    static Stream<Arguments> freshCases() {
        return Stream.of(Arguments.of("fo-anil", "7", "5"), Arguments.of("fo-anil", "inf", "inf"),
                Arguments.of("maml", "7", "5"), Arguments.of("anil", "inf", "inf"));
    }

    /** I8: with w_t = 0 the inner B-step of FO-MAML vanishes and FO-MAML makes exactly the FO-ANIL step. */
    @Test
    void foMamlEqualsFoAnilWhenHeadIsZero() {
        for (String m : new String[] {"7", "inf"}) {
            Params anil = base("fo-anil", m, m.equals("7") ? "5" : "inf", 12).with("w0_scale", "0");
            Params maml = anil.with("algorithm", "fo-maml");
            GroundTruth truth = GroundTruth.sample(anil, SEED);
            try (FiniteMetaLearning a = new FiniteMetaLearning(anil, truth, SEED, 1);
                    FiniteMetaLearning f = new FiniteMetaLearning(maml, truth, SEED, 1)) {
                assertEquals(0, norm2(a.state().w()));
                a.step();
                f.step();
                assertTrue(relativeError(f.state().b(), a.state().b()) <= 1e-15);
                assertTrue(relativeError(f.state().w(), a.state().w()) <= 1e-15);
                // and they differ once w ≠ 0
                a.step();
                f.step();
                assertTrue(relativeError(f.state().b(), a.state().b()) > 1e-10);
            }
        }
    }

    static DMatrixRMaj elementSquares(DMatrixRMaj m) {
        DMatrixRMaj s = m.copy();
        CommonOps_DDRM.elementMult(s, m);
        return s;
    }

    static double norm2(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return s;
    }
}
