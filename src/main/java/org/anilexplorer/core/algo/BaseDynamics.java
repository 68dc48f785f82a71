package org.anilexplorer.core.algo;

import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.problem.GroundTruth;

/** What every {@link Dynamics} keeps alike: its parameters, ground truth, iteration count and magnitude. */
abstract class BaseDynamics implements Dynamics {

    protected final Params params;
    protected final GroundTruth truth;
    /** Completed iterations; advanced by {@link #step()}. */
    protected long iteration;
    /** ‖B‖_F² + ‖w‖² (and per-task heads), kept up to date by {@link #step()}. */
    protected double magnitude;

    BaseDynamics(Params params, GroundTruth truth) {
        this.params = params;
        this.truth = truth;
    }

    @Override
    public final Params params() {
        return params;
    }

    @Override
    public final GroundTruth truth() {
        return truth;
    }

    @Override
    public final long iteration() {
        return iteration;
    }

    @Override
    public final double magnitude() {
        return magnitude;
    }
}
