package org.anilexplorer.core.algo;

import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.problem.GroundTruth;
import org.anilexplorer.core.problem.TaskPool;

/**
 * The parallel setup every chunked finite-task method shares: the N tasks cut into a fixed number of contiguous
 * chunks, the threads that run them, and the tasks themselves (fixed pool or fresh batches).
 *
 * <p>The chunk count depends only on the problem size (never on the thread count), and each chunk writes only its
 * own partial sums, which the method reduces in chunk order: so the iterates are bit-identical for any number of
 * threads. The executor is stopped by {@link #close()}, or once the owning method becomes unreachable.
 */
final class TaskChunks implements AutoCloseable {

    private static final int MAX_CHUNKS = 16;
    /** Doubles of per-chunk partial sums in all (64 MB): at d = 2000 still two chunks, one per core. */
    private static final long ACCUMULATOR_BUDGET = 1L << 23;

    private final int tasks;
    private final double bytesPerPass;
    private final int chunks;
    private final int chunkSize;
    private final ChunkExecutor executor;
    private final TaskSource source;

    /**
     * @param accumulatorDoubles doubles of partial sums each chunk keeps (bounds the chunk count for large d)
     * @param owner              the method; its executor stops when it becomes unreachable
     */
    TaskChunks(Params p, GroundTruth truth, long seed, int threads, String name, long accumulatorDoubles, Object owner) {
        this.tasks = p.tasks().get();
        int rows = (p.mIn().finite() ? p.mIn().get() : 0) + (p.mOut().finite() ? p.mOut().get() : 0);
        this.bytesPerPass = 8.0 * tasks * rows * (p.d() + 1.0);
        this.chunks = (int) Math.max(1, Math.min(Math.min(MAX_CHUNKS, tasks),
                ACCUMULATOR_BUDGET / Math.max(1, accumulatorDoubles)));
        this.chunkSize = (tasks + chunks - 1) / chunks;
        this.executor = new ChunkExecutor(Math.min(threads, chunks), name);
        try {
            this.source = new TaskSource(p, truth, seed, executor);
        } catch (RuntimeException e) {
            executor.close();
            throw e;
        }
        executor.closeWhenUnreachable(owner);
    }

    /** N, the number of tasks. */
    int tasks() {
        return tasks;
    }

    int chunks() {
        return chunks;
    }

    /** First task of chunk c. */
    int from(int c) {
        return c * chunkSize;
    }

    /** One past the last task of chunk c. */
    int to(int c) {
        return Math.min(tasks, (c + 1) * chunkSize);
    }

    /** Worker count (scratch space is kept per worker). */
    int workers() {
        return executor.workers();
    }

    /** Runs {@code body} on every chunk and returns when all are done. */
    void run(ChunkExecutor.ChunkTask body) {
        executor.run(chunks, body);
    }

    /** The tasks of iteration t. */
    TaskPool tasksAt(long iteration) {
        return source.tasksAt(iteration);
    }

    /** Bytes of samples and labels one pass over every task reads. */
    double bytesPerPass() {
        return bytesPerPass;
    }

    /** Σ of per-chunk partials in chunk order (the order fixes the rounding). */
    static double sum(double[] partials) {
        double s = 0;
        for (double x : partials) {
            s += x;
        }
        return s;
    }

    @Override
    public void close() {
        executor.close();
    }
}
