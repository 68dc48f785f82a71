package org.anilexplorer.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.anilexplorer.core.run.Experiment;

/**
 * Ctrl-C and SIGTERM during an experiment: a JVM shutdown hook cancels the runs (they stop at their next iteration)
 * and then holds the JVM open until the command has written what was done and printed its line, so the process
 * ends with the set on disk and the usual status (130 for SIGINT, 143 for SIGTERM, set by the JVM).
 *
 * <p>Use: {@link #install()} before the work, {@link #attach(Experiment)} once the experiment exists,
 * {@link #fired()} after it ended to know whether to write a partial set, and {@link #close()} when the files are
 * written (also on failure), which releases the hook.
 */
final class InterruptGuard implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(InterruptGuard.class.getName());
    /** How long the hook waits for the command to write what it has (evaluation or drawing may still be running). */
    private static final long WRITE_WAIT_SECONDS = 600;

    private final CountDownLatch written = new CountDownLatch(1);
    private final Thread hook = new Thread(this::onSignal, "anil-interrupt");
    private volatile boolean fired;
    private volatile Experiment experiment;

    private InterruptGuard() {
    }

    static InterruptGuard install() {
        InterruptGuard g = new InterruptGuard();
        Runtime.getRuntime().addShutdownHook(g.hook);
        return g;
    }

    /** The experiment to cancel on a signal; cancelled at once if the signal came first. */
    void attach(Experiment e) {
        experiment = e;
        if (fired) {
            e.cancel();
        }
    }

    /** Whether a signal asked the command to stop. */
    boolean fired() {
        return fired;
    }

    private void onSignal() {
        fired = true;
        Experiment e = experiment;
        if (e != null) {
            e.cancel();
        }
        try {
            if (!written.await(WRITE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "the results were not written within " + WRITE_WAIT_SECONDS + " s of the signal; exiting");
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** The files are written (or writing failed): let a pending shutdown proceed, and drop the hook otherwise. */
    @Override
    public void close() {
        written.countDown();
        if (!fired) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down (a signal arrived just now): the hook returns at once
                LOG.log(System.Logger.Level.DEBUG, "shutdown in progress; hook left in place", e);
            }
        }
    }
}
