package org.anilexplorer.core.algo;

import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.problem.GroundTruth;

/**
 * A dynamics that adds behaviour around another one (the app's gate, which waits before each step) and forwards
 * everything else: every method of {@link Dynamics} is forwarded here, so a wrapper overrides only what it changes
 * and cannot hide a capability of the dynamics underneath by forgetting to forward it (a default it did not
 * override would otherwise answer instead: no saved state, no task bytes). Measuring looks through it to the
 * dynamics underneath, so a wrapped run is measured by the same code, to the last bit, as an unwrapped one.
 */
public interface ForwardingDynamics extends Dynamics {

    /** The dynamics this one forwards to. */
    Dynamics delegate();

    @Override
    default Params params() {
        return delegate().params();
    }

    @Override
    default GroundTruth truth() {
        return delegate().truth();
    }

    @Override
    default long iteration() {
        return delegate().iteration();
    }

    @Override
    default void step() {
        delegate().step();
    }

    @Override
    default ModelState state() {
        return delegate().state();
    }

    @Override
    default double trainingLoss() {
        return delegate().trainingLoss();
    }

    @Override
    default double magnitude() {
        return delegate().magnitude();
    }

    @Override
    default double flopsPerIteration() {
        return delegate().flopsPerIteration();
    }

    @Override
    default double taskBytesPerIteration() {
        return delegate().taskBytesPerIteration();
    }

    /** The state of the dynamics underneath (a wrapper adds no state of its own). */
    @Override
    default DynamicsState saveState() {
        return delegate().saveState();
    }

    @Override
    default void restoreState(DynamicsState state) {
        delegate().restoreState(state);
    }

    @Override
    default void close() {
        delegate().close();
    }
}
