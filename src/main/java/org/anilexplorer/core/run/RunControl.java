package org.anilexplorer.core.run;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Pause, resume and cancel, shared by the runs of one experiment. Runs call {@link #checkpoint()} between
 * iterations: two volatile reads when nothing is asked, so it can be called every iteration.
 */
public final class RunControl {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition resumed = lock.newCondition();
    private volatile boolean paused;
    private volatile boolean cancelled;
    private long pausedSince;
    private long pausedNanos;

    public void pause() {
        lock.lock();
        try {
            if (!paused && !cancelled) {
                paused = true;
                pausedSince = System.nanoTime();
            }
        } finally {
            lock.unlock();
        }
    }

    public void resume() {
        wake(false);
    }

    /** Asks every run to stop at its next checkpoint; paused runs wake up and stop. Cannot be undone. */
    public void cancel() {
        wake(true);
    }

    /** Ends a pause (counting its time) and wakes the waiting runs; with {@code cancel}, for good. */
    private void wake(boolean cancel) {
        lock.lock();
        try {
            cancelled |= cancel;
            if (paused) {
                paused = false;
                pausedNanos += System.nanoTime() - pausedSince;
            }
            resumed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public boolean isPaused() {
        return paused;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Total time spent paused so far (including a pause in progress), so rates leave it out. */
    public long pausedNanos() {
        lock.lock();
        try {
            return pausedNanos + (paused ? System.nanoTime() - pausedSince : 0);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Returns at once unless paused; while paused, calls {@code onPause} once and blocks until resumed or cancelled.
     *
     * @return false when the run must stop (cancelled, or the waiting thread was interrupted)
     */
    boolean checkpoint(Runnable onPause, Runnable onResume) {
        if (cancelled) {
            return false;
        }
        if (!paused) {
            return true;
        }
        lock.lock();
        try {
            if (paused && !cancelled) {
                onPause.run();
                while (paused && !cancelled) {
                    try {
                        resumed.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt(); // an interrupted worker stops like a cancelled one
                        return false;
                    }
                }
                if (!cancelled) {
                    onResume.run();
                }
            }
            return !cancelled;
        } finally {
            lock.unlock();
        }
    }
}
