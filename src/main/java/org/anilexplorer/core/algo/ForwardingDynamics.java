package org.anilexplorer.core.algo;

/**
 * A dynamics that adds behaviour around another one (the app's gate, which waits before each step) and forwards
 * everything else. Measuring looks through it to the dynamics underneath, so a wrapped run is measured by the same
 * code, to the last bit, as an unwrapped one.
 */
public interface ForwardingDynamics extends Dynamics {

    /** The dynamics this one forwards to. */
    Dynamics delegate();

    /** The state of the dynamics underneath (a wrapper adds no state of its own). */
    @Override
    default DynamicsState saveState() {
        return delegate().saveState();
    }

    @Override
    default void restoreState(DynamicsState state) {
        delegate().restoreState(state);
    }
}
