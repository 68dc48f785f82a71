package org.anilexplorer.core.algo;

import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.problem.GroundTruth;

/** Entry point for every method on N finite tasks (fixed pool or fresh batches). */
public final class FiniteTasks {

    private FiniteTasks() {
    }

    public static Dynamics create(Params p, GroundTruth truth, long seed, int threads) {
        throw new UnsupportedOperationException("finite-task dynamics not implemented yet");
    }
}
