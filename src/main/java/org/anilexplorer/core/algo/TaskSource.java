package org.anilexplorer.core.algo;

import java.util.SplittableRandom;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.problem.GroundTruth;
import org.anilexplorer.core.problem.TaskPool;

/**
 * The training tasks a finite-N method sees at iteration t (docs/math.md §2.4): either one fixed pool for the whole run
 * ({@code fresh_tasks = false}, Yüksel et al.), or a fresh batch of N tasks per iteration drawn from
 * {@code stream(seed, FRESH_TASKS, t)} (Collins et al.). Both are drawn in parallel and do not depend on the thread
 * count. A fresh batch is drawn once per iteration into the same storage, however often it is asked for.
 */
final class TaskSource {

    private final GroundTruth truth;
    private final long seed;
    private final boolean fresh;
    private final TaskPool pool;
    private final ChunkExecutor executor;
    private final ChunkExecutor.ChunkTask drawGroup = this::drawGroup;
    private SplittableRandom[] groupStreams;
    private long heldIteration = -1;

    TaskSource(Params p, GroundTruth truth, long seed, ChunkExecutor executor) {
        this.truth = truth;
        this.seed = seed;
        this.fresh = p.freshTasks();
        this.executor = executor;
        int n = p.tasks().get();
        this.pool = TaskPool.allocate(p, n);
        if (!fresh) {
            executor.run(TaskPool.groupCount(n), (g, worker) -> pool.drawFixed(truth, seed,
                    g * TaskPool.FRESH_GROUP, Math.min(n, (g + 1) * TaskPool.FRESH_GROUP)));
        }
    }

    boolean fresh() {
        return fresh;
    }

    /** The tasks of iteration t (the fixed pool, or batch t; redrawn only when t changes). */
    TaskPool tasksAt(long iteration) {
        if (fresh && heldIteration != iteration) {
            // one split stream per group of tasks (the only allocation of a fresh step)
            groupStreams = TaskPool.freshStreams(seed, iteration, pool.size());
            executor.run(groupStreams.length, drawGroup);
            groupStreams = null;
            heldIteration = iteration;
        }
        return pool;
    }

    private void drawGroup(int group, int worker) {
        pool.drawFreshGroup(group, truth, groupStreams[group]);
    }
}
