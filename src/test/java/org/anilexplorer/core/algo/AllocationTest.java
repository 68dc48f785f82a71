package org.anilexplorer.core.algo;

import static org.anilexplorer.core.algo.Numerics.params;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.problem.GroundTruth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * step() preallocates everything: after warm-up (until the compiled code runs), 1000 steps allocate (almost) nothing
 * on the stepping thread. A real
 * per-step allocation would cost at least 16 bytes × 1000; the JVM itself occasionally charges a one-off few hundred
 * bytes to the thread (seen once in 20000 steps), hence the 4 KB allowance.
 */
class AllocationTest {

    @ParameterizedTest(name = "{0} m={1} k''={2}")
    @CsvSource({"fo-anil, 6, 16", "fo-anil, 6, 4", "fo-anil, inf, 16", "fo-maml, 6, 16", "anil, 6, 5", "maml, inf, 16",
        "burer-monteiro, 6, 16", "average-loss, 6, 16"})
    void stepAllocatesNothing(String algorithm, String m, int kp) {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "needs per-thread allocation counters");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        Params p = params("algorithm", algorithm, "d", "16", "k", "3", "k_prime", Integer.toString(kp), "m_in", m,
                "m_out", m.equals("inf") ? "inf" : "4", "tasks", "40", "w0_scale", "0.2");
        try (Dynamics dyn = FiniteTasks.create(p, GroundTruth.sample(p, 1), 1, 1)) {
            long id = Thread.currentThread().getId();
            threads.getThreadAllocatedBytes(id); // the first call may allocate itself
            // warm-up (class loading, JIT): until 200 steps allocate nothing, at most 10,000 steps. The Vector-API
            // kernels box their vectors until C2 has compiled them, which on a busy machine takes a while
            for (int block = 0; block < 50; block++) {
                long start = threads.getThreadAllocatedBytes(id);
                for (int t = 0; t < 200; t++) {
                    dyn.step();
                }
                if (threads.getThreadAllocatedBytes(id) - start < 1024) {
                    break;
                }
            }
            long before = threads.getThreadAllocatedBytes(id);
            for (int t = 0; t < 1000; t++) {
                dyn.step();
            }
            long allocated = threads.getThreadAllocatedBytes(id) - before;
            assertTrue(allocated < 4096, "bytes allocated by 1000 steps: " + allocated);
        }
    }
}
