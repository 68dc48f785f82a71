package org.anilexplorer.core.algo;

import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.problem.GroundTruth;
import org.anilexplorer.core.problem.Initialization;

/** Entry point for FO-ANIL with infinitely many tasks (the expected update, eqs. (5)–(7)). */
public final class InfiniteTasks {

    private InfiniteTasks() {
    }

    /** Starts from the shared initialisation of run {@code seed} (the same B₀, w₀ as the finite-task methods). */
    public static Dynamics create(Params p, GroundTruth truth, long seed) {
        Initialization init = Initialization.sample(p, seed);
        return new InfiniteTaskDynamics(p, truth, init.b0(), init.w0());
    }
}
