package org.anilexplorer.core.algo;

import java.util.concurrent.CancellationException;

/**
 * How a step (or a dynamics being built) learns that its run is cancelled: the run's thread is interrupted, and the
 * long loops inside a step look at that flag every few milliseconds of work and give up with a
 * {@link CancellationException}. Without this a cancelled run of a big problem finished its current step first, which
 * at d = k' = 2000 takes many seconds. A check is one field read.
 *
 * <p>The worker threads of a {@link ChunkExecutor} are never interrupted themselves: they look at the thread that
 * drives the step (the run's thread), so one interrupt stops the whole step.
 */
final class Cancellation {

    private Cancellation() {
    }

    /**
     * Throws when the thread driving the current computation is interrupted; waits while its {@link StepHold} holds
     * it. Call between units of work.
     */
    static void check() {
        Thread self = Thread.currentThread();
        Thread driver = self instanceof ChunkExecutor.Helper h ? h.driver() : self;
        if (driver != null && driver.isInterrupted()) {
            throw cancelled();
        }
        if (driver != null) {
            StepHold.awaitFor(driver); // a paused window holds the step here (see StepHold)
            if (driver.isInterrupted()) {
                throw cancelled();
            }
        }
    }

    static CancellationException cancelled() {
        return new CancellationException("the run was cancelled");
    }
}
