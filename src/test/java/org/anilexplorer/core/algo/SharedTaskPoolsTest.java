package org.anilexplorer.core.algo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.problem.GroundTruth;
import org.anilexplorer.core.problem.TaskPool;
import org.junit.jupiter.api.Test;

/**
 * Runs that would draw the same fixed pool share one: the same ground truth (sampled separately, equal by value) and
 * seed, whatever the method or the student's width; any difference in what the pool depends on gives its own pool,
 * and a shared pool holds exactly the tasks a run would have drawn alone.
 */
class SharedTaskPoolsTest {

    private static Params p(String... kv) {
        Params p = Params.defaults().withAll(Map.of("d", "12", "k", "3", "k_prime", "12", "m_in", "5", "m_out", "3",
                "tasks", "70", "sigma2", "0.8", "task_cov", "0.5, 1, 2", "task_mean", "1, -1, 0.5"));
        for (int i = 0; i < kv.length; i += 2) {
            p = p.with(kv[i], kv[i + 1]);
        }
        p.validate();
        return p;
    }

    private static TaskPool pool(Params p, long seed, ChunkExecutor executor) {
        return new TaskSource(p, GroundTruth.sample(p, seed), seed, executor).tasksAt(0);
    }

    @Test
    void theMethodsOfOneSeedShareOnePoolWithTheTasksTheyWouldDrawAlone() {
        try (ChunkExecutor executor = new ChunkExecutor(2, "test-pools")) {
            Params anil = p();
            TaskPool first = pool(anil, 7, executor);
            TaskPool maml = pool(anil.with("algorithm", "fo-maml"), 7, executor);
            TaskPool wide = pool(anil.with("k_prime", "40").with("algorithm", "burer-monteiro"), 7, executor);
            assertSame(first, maml);
            assertSame(first, wide);

            TaskPool alone = TaskPool.fixed(anil, GroundTruth.sample(anil, 7), 7);
            for (int i = 0; i < alone.size(); i++) {
                assertArrayEquals(alone.y(i), first.y(i));
                for (int r = 0; r < alone.rows(); r++) {
                    assertArrayEquals(alone.x(i)[r], first.x(i)[r]);
                }
            }
            assertArrayEquals(alone.thetas(), first.thetas());
        }
    }

    @Test
    void anythingThePoolDependsOnGivesItsOwnPool() {
        try (ChunkExecutor executor = new ChunkExecutor(1, "test-pools")) {
            Params base = p();
            TaskPool held = pool(base, 7, executor);
            assertNotSame(held, pool(base, 8, executor), "seed");
            assertNotSame(held, pool(base.with("m_out", "4"), 7, executor), "m_out");
            assertNotSame(held, pool(base.with("m_in", "inf"), 7, executor), "m_in");
            assertNotSame(held, pool(base.with("tasks", "71"), 7, executor), "tasks");
            assertNotSame(held, pool(base.with("sigma2", "0.9"), 7, executor), "noise");
            assertNotSame(held, pool(base.with("task_mean", "1, -1, 0.6"), 7, executor), "head mean");
            assertNotSame(held, pool(base.with("d", "13"), 7, executor), "d");
            assertSame(held, pool(base, 7, executor), "the same again");
        }
    }

    @Test
    void freshBatchesAreNeverShared() {
        try (ChunkExecutor executor = new ChunkExecutor(1, "test-pools")) {
            Params fresh = p("fresh_tasks", "true");
            assertNotSame(pool(fresh, 7, executor), pool(fresh, 7, executor));
        }
    }
}
