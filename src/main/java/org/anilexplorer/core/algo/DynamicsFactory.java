package org.anilexplorer.core.algo;

import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.problem.GroundTruth;

/** Creates the dynamics a parameter set asks for: the finite-N methods, or the infinite-tasks recursion. */
public final class DynamicsFactory {

    private DynamicsFactory() {
    }

    /** Validates {@code p} and builds run {@code seed} (ground truth, tasks and B₀ all derived from the seed). */
    public static Dynamics create(Params p, long seed) {
        return create(p, seed, Runtime.getRuntime().availableProcessors());
    }

    /** As {@link #create(Params, long)}, with at most {@code threads} worker threads inside one step. */
    public static Dynamics create(Params p, long seed, int threads) {
        p.validate();
        GroundTruth truth = GroundTruth.sample(p, seed);
        return create(p, truth, seed, threads);
    }

    public static Dynamics create(Params p, GroundTruth truth, long seed, int threads) {
        return p.tasks().infinite() ? InfiniteTasks.create(p, truth, seed) : FiniteTasks.create(p, truth, seed, threads);
    }
}
