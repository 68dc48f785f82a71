package org.anilexplorer.core.algo;

import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.problem.GroundTruth;

/**
 * A finite-task method whose step is a parallel pass over its tasks in chunks ({@link TaskChunks}): average-loss,
 * Burer–Monteiro and the one-step meta-learning methods. Holds the chunks and what follows from them.
 */
abstract class ChunkedDynamics extends BaseDynamics {

    protected final TaskChunks tasks;

    /** @param accumulatorDoubles doubles of partial sums each chunk keeps (see {@link TaskChunks}) */
    ChunkedDynamics(Params p, GroundTruth truth, long seed, int threads, String name, long accumulatorDoubles) {
        super(p, truth);
        this.tasks = new TaskChunks(p, truth, seed, threads, name, accumulatorDoubles, this);
    }

    @Override
    public final double taskBytesPerIteration() {
        return tasks.bytesPerPass();
    }

    @Override
    public final void close() {
        tasks.close();
    }
}
