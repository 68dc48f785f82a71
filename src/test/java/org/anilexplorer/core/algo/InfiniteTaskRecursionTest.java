package org.anilexplorer.core.algo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.problem.GroundTruth;
import org.anilexplorer.core.problem.Initialization;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * I3 (docs/math.md §9, §3.7): the d-independent recursion in coordinates (P, R, w) reproduces the plain d×k' update (6)–(7)
 * to machine precision, over many steps, in every regime it supports.
 */
class InfiniteTaskRecursionTest {

    @ParameterizedTest(name = "d={0} k={1} k'={2} m_in={3} mean={4} head={5}")
    @CsvSource({
            "12, 3, 7, 7, '', true",          // r = k' < d − k
            "12, 3, 12, 7, '', true",         // r = d − k < k'
            "12, 3, 7, 7, '0.8,-0.5,0.3', true",
            "12, 3, 7, inf, '0.8,-0.5,0.3', true",
            "12, 3, 7, inf, '', true",
            "10, 2, 10, 5, '1,-1', false",    // frozen head
            "9, 4, 4, 3, '', true"})          // k' = k
    void fastRecursionMatchesDirectUpdate(int d, int k, int kp, String mIn, String mean, boolean head) {
        Params p = Params.defaults().with("tasks", "inf").with("d", "" + d).with("k", "" + k).with("k_prime", "" + kp)
                .with("m_in", mIn).with("task_mean", mean).with("update_head_outer", "" + head)
                .with("alpha", "0.3").with("beta", "0.2").with("sigma2", "0.7").with("task_cov", "linear")
                .with("init_scale", "1.2").with("w0_scale", "0.8");
        GroundTruth truth = GroundTruth.sample(p, 11);
        Initialization init = Initialization.sample(p, 11);
        InfiniteTaskDynamics fast = new InfiniteTaskDynamics(p, truth, init.b0(), init.w0());
        DirectExpectedUpdate direct = new DirectExpectedUpdate(truth, p.alpha(), p.beta(), p.mIn().reciprocal(),
                head, init.b0(), init.w0());

        assertClose(direct, fast, 1e-13);
        for (int t = 1; t <= 400; t++) {
            fast.step();
            direct.step();
            if (t == 1 || t == 10 || t == 400) {
                assertClose(direct, fast, 1e-11);
            }
        }
        assertEquals(400, fast.iteration());
        double mag = CommonOps_DDRM.elementSum(square(direct.b)) + dot(direct.w, direct.w);
        assertEquals(mag, fast.magnitude(), 1e-11 * mag);
        if (!head) {
            assertEquals(0.0, maxDiff(init.w0(), fast.head()), 0.0);
        }
    }

    @ParameterizedTest(name = "m_in = {0}")
    @ValueSource(strings = {"10", "inf"})
    void stepAllocatesNothing(String mIn) {
        java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "needs per-thread allocation counters");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        Params p = Params.defaults().with("tasks", "inf").with("d", "30").with("k", "3").with("k_prime", "12")
                .with("m_in", mIn).with("task_mean", "1,0,-1").with("w0_scale", "0.3");
        Dynamics dyn = InfiniteTasks.create(p, GroundTruth.sample(p, 1), 1);
        for (int t = 0; t < 500; t++) {
            dyn.step(); // warm-up (class loading, JIT)
        }
        long id = Thread.currentThread().getId();
        threads.getThreadAllocatedBytes(id);
        long before = threads.getThreadAllocatedBytes(id);
        for (int t = 0; t < 2000; t++) {
            dyn.step();
        }
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        assertTrue(allocated < 4096, "bytes allocated by 2000 steps: " + allocated);
    }

    private static void assertClose(DirectExpectedUpdate direct, InfiniteTaskDynamics fast, double tol) {
        ModelState s = fast.state();
        double scale = Math.max(1, CommonOps_DDRM.elementMaxAbs(direct.b));
        double errB = CommonOps_DDRM.elementMaxAbs(CommonOps_DDRM.subtract(s.b(), direct.b, null)) / scale;
        double errW = maxDiff(s.w(), direct.w) / Math.max(1, maxAbs(direct.w));
        assertTrue(errB < tol, "B differs by " + errB);
        assertTrue(errW < tol, "w differs by " + errW);
        // the moments used by the loss agree too
        DMatrixRMaj e = direct.e();
        double errE = CommonOps_DDRM.elementMaxAbs(CommonOps_DDRM.subtract(fast.headSecondMoment(), e, null))
                / Math.max(1, CommonOps_DDRM.elementMaxAbs(e));
        assertTrue(errE < tol, "E differs by " + errE);
        double loss = direct.loss();
        assertEquals(loss, fast.trainingLoss(), tol * Math.abs(loss), "ANIL objective");
    }

    private static DMatrixRMaj square(DMatrixRMaj m) {
        DMatrixRMaj o = m.copy();
        CommonOps_DDRM.elementMult(o, m);
        return o;
    }

    private static double dot(double[] x, double[] y) {
        double t = 0;
        for (int i = 0; i < x.length; i++) {
            t += x[i] * y[i];
        }
        return t;
    }

    private static double maxDiff(double[] x, double[] y) {
        double m = 0;
        for (int i = 0; i < x.length; i++) {
            m = Math.max(m, Math.abs(x[i] - y[i]));
        }
        return m;
    }

    private static double maxAbs(double[] x) {
        double m = 0;
        for (double v : x) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
