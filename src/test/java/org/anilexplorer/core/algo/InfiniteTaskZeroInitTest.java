package org.anilexplorer.core.algo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.run.DynamicsSource;
import org.anilexplorer.core.run.Run;
import org.anilexplorer.core.run.RunControl;
import org.anilexplorer.core.run.RunOptions;
import org.anilexplorer.core.run.RunState;
import org.anilexplorer.core.run.RunView;
import org.anilexplorer.core.run.Variant;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * B₀ = 0 (init_scale = 0) is a stationary point of FO-ANIL when μ⋆ = 0: with B = 0 the inner step leaves w unchanged
 * and the meta-gradient on B vanishes. The infinite-task recursion must start there and stay there, as the finite-task
 * path does; with μ⋆ ≠ 0 it must still agree with a tiny non-zero start in the limit of that start going to 0.
 */
class InfiniteTaskZeroInitTest {

    private static Params base(String tasks) {
        return Params.defaults().withAll(Map.of("algorithm", "fo-anil", "d", "12", "k", "3", "k_prime", "6",
                "m_in", "7", "m_out", "5", "tasks", tasks, "init_scale", "0", "w0_scale", "0.5", "iterations", "40"));
    }

    @Test
    void zeroStartStaysZeroWithInfinitelyManyTasksAsWithFinitelyMany() {
        for (String tasks : new String[] {"inf", "200"}) {
            Params p = base(tasks).with("w0_scale", "0");
            try (Dynamics dyn = DynamicsFactory.create(p, 3, 1)) {
                for (int t = 0; t < 40; t++) {
                    dyn.step();
                }
                ModelState s = dyn.state();
                assertEquals(0.0, NormOps_DDRM.normF(s.b()), 0.0, tasks + ": B stays exactly 0");
                assertArrayEquals(new double[6], s.w(), 0.0, tasks + ": w stays exactly 0");
            }
        }
    }

    @Test
    void withInfinitelyManyZeroMeanTasksAnyHeadKeepsZeroRepresentationStationary() {
        // E[w⋆] = 0 exactly: the meta-gradient on B is −B⋆E[w⋆ w_iᵀ] = 0 at B = 0 whatever w is (a finite pool's
        // empirical mean is not 0, so this holds for tasks = inf only)
        try (Dynamics dyn = DynamicsFactory.create(base("inf"), 3, 1)) {
            double[] w0 = dyn.state().w();
            assertTrue(java.util.Arrays.stream(w0).anyMatch(x -> x != 0), "the head starts non-zero");
            for (int t = 0; t < 40; t++) {
                dyn.step();
            }
            assertEquals(0.0, NormOps_DDRM.normF(dyn.state().b()), 0.0);
            assertArrayEquals(w0, dyn.state().w(), 0.0, "w stays at w₀ (its gradient Bᵀ(…) is 0)");
        }
    }

    @Test
    void aRunFromZeroFinishesWithFiniteMetrics() {
        Params p = base("inf");
        RunView v = new Run(Variant.of(p), 1, 1, DynamicsSource.FACTORY, RunOptions.DEFAULT).execute(new RunControl());
        assertEquals(RunState.FINISHED, v.state(), v.reason());
        assertEquals(40, v.iteration());
        assertEquals(0.0, v.last().sv2StarMax(), 0.0);
        assertEquals(0.0, v.last().sv2PerpMax(), 0.0);
    }

    @Test
    void withATaskMeanTheZeroStartMatchesTheLimitOfSmallStarts() {
        Params zero = base("inf").with("task_mean", "0.6,-0.3,0.2");
        Params tiny = zero.with("init_scale", "1e-9");
        try (Dynamics a = DynamicsFactory.create(zero, 5, 1); Dynamics b = DynamicsFactory.create(tiny, 5, 1)) {
            for (int t = 0; t < 200; t++) {
                a.step();
                b.step();
            }
            DMatrixRMaj ba = a.state().b();
            DMatrixRMaj bb = b.state().b();
            assertTrue(NormOps_DDRM.normF(ba) > 1e-3, "with μ⋆ ≠ 0 the representation grows from 0 along col(B⋆)");
            DMatrixRMaj diff = ba.copy();
            org.ejml.dense.row.CommonOps_DDRM.subtractEquals(diff, bb);
            assertEquals(0.0, NormOps_DDRM.normF(diff), 1e-6 * NormOps_DDRM.normF(ba));
        }
    }
}
