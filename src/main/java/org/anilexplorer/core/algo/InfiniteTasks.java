package org.anilexplorer.core.algo;

import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.problem.GroundTruth;

/** Entry point for FO-ANIL with infinitely many tasks (the expected update, eqs. (5)–(7)). */
public final class InfiniteTasks {

    private InfiniteTasks() {
    }

    public static Dynamics create(Params p, GroundTruth truth, long seed) {
        throw new UnsupportedOperationException("infinite-task dynamics not implemented yet");
    }
}
