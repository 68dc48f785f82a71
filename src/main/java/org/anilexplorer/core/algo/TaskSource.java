package org.anilexplorer.core.algo;

import java.util.SplittableRandom;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.problem.GroundTruth;
import org.anilexplorer.core.problem.TaskPool;

/**
 * The training tasks a finite-N method sees at iteration t (docs/math.md §2.4): either one fixed pool for the whole run
 * ({@code fresh_tasks = false}, Yüksel et al.), or a fresh batch of N tasks per iteration drawn from
 * {@code stream(seed, FRESH_TASKS, t)} (Collins et al.). Both are drawn in parallel and do not depend on the thread
 * count. A fresh batch is drawn once per iteration into the same storage, however often it is asked for; a fixed pool
 * is shared with the other live runs of the same ground truth and seed ({@link SharedTaskPools}).
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
        if (fresh) {
            this.pool = TaskPool.allocate(p, n);
        } else {
            // the methods of one seed train on the same pool: drawn once, held while any of them runs
            this.pool = SharedTaskPools.fixed(truth, seed, p.mIn(), p.mOut(), n, () -> draw(p, truth, seed, executor));
        }
    }

    /** A new fixed pool of N tasks, drawn in parallel (the same tasks whatever the thread count). */
    private static TaskPool draw(Params p, GroundTruth truth, long seed, ChunkExecutor executor) {
        int n = p.tasks().get();
        TaskPool drawn = TaskPool.allocate(p, n);
        executor.run(TaskPool.groupCount(n), (g, worker) -> drawn.drawFixed(truth, seed,
                g * TaskPool.FRESH_GROUP, Math.min(n, (g + 1) * TaskPool.FRESH_GROUP)));
        return drawn;
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
