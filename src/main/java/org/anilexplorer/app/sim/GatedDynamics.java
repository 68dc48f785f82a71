package org.anilexplorer.app.sim;

import org.anilexplorer.core.algo.Dynamics;
import org.anilexplorer.core.algo.ForwardingDynamics;
import org.anilexplorer.core.algo.StepHold;

/**
 * A dynamics that waits at an {@link IterationGate} before each step (as one of its method's
 * {@link IterationGate.Group}): how the app throttles, pauses and single-steps runs that {@code core.run} drives on
 * its own threads. Everything else is passed through unchanged by
 * {@link ForwardingDynamics}, closing included (finite-task dynamics own worker threads).
 */
final class GatedDynamics implements ForwardingDynamics {

    private final Dynamics inner;
    private final IterationGate.Pass pass;
    private final Runnable onClose;
    /** Made once: {@link #step()} runs at thousands of iterations per second on small problems. */
    private final StepHold.Hold hold;
    private final Runnable innerStep;

    /** A run of {@code group} on one thread: it joins the gate's clock with its group. */
    GatedDynamics(Dynamics inner, IterationGate.Group group) {
        this(inner, group, 1, () -> { });
    }

    /**
     * As above, for a dynamics whose step uses {@code threads} worker threads (it computes holding that many of the
     * gate's slots); {@code onClose} runs once the dynamics is closed (gives back the memory its task pool held).
     */
    GatedDynamics(Dynamics inner, IterationGate.Group group, int threads, Runnable onClose) {
        this.inner = inner;
        this.pass = group.newPass(threads);
        this.onClose = onClose;
        this.hold = pass::holdWhilePaused;
        this.innerStep = inner::step;
    }

    /** Whether the run waits in the gate before its next step (see {@link IterationGate.Pass#parked()}). */
    boolean parked() {
        return pass.parked();
    }

    @Override
    public Dynamics delegate() {
        return inner;
    }

    @Override
    public void step() {
        try {
            if (pass.await(inner.iteration())) {
                // its method was replaced: the run ends in the state it was parked in (the state undo brings
                // back), without a step nobody will see
                return;
            }
        } catch (InterruptedException e) {
            // the run is being cancelled (Experiment#cancel interrupts its threads): no further step
            Thread.currentThread().interrupt();
            if (pass.groupOpened()) {
                return; // replaced: end between iterations, in the state undo brings back
            }
            throw new java.util.concurrent.CancellationException("the run was cancelled");
        }
        // Pause also holds the step between its chunks of work: a long iteration stops at once, not at its end
        StepHold.during(hold, innerStep);
    }

    @Override
    public void close() {
        pass.end();
        try {
            inner.close();
        } finally {
            onClose.run();
        }
    }
}
