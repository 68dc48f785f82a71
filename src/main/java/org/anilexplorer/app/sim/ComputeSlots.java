package org.anilexplorer.app.sim;

import java.util.concurrent.Semaphore;

/**
 * The iteration gate's compute slots: one per core, taken by a run for each thread of its step while it computes. One
 * slot at a time is withheld while the window's frames come late, and given back once they come on time again, so the
 * runs use every core the window does not need: the window asks for its frame's iterations once per frame
 * ({@link IterationGate#limitAhead}), which is how the gate sees its frame rate. Judged every
 * {@value #JUDGE_NANOS} ns from the mean frame interval; at least one slot always stays.
 */
final class ComputeSlots {

    /** Frames later than this on average (two frames at 60 Hz) withhold a slot. */
    static final long LATE_NANOS = 34_000_000L;
    /** Frames this prompt on average give a withheld slot back. */
    static final long ON_TIME_NANOS = 22_000_000L;
    /** How long the frame intervals are averaged before each judgement. */
    static final long JUDGE_NANOS = 500_000_000L;
    /** A longer gap between frames is a pause in the frames (paused, hidden), not a late frame: start over. */
    private static final long GAP_NANOS = 1_000_000_000L;

    /** A fair semaphore whose permits can also be taken away while held. */
    private static final class Permits extends Semaphore {
        Permits(int permits) {
            super(permits, true);
        }

        void withhold() {
            reducePermits(1);
        }
    }

    private final int count;
    private final Permits permits;
    /** Slots withheld for the window (guarded by this). */
    private int withheld;
    private long lastFrame = -1;
    private long judgedSince;
    private int frames;

    ComputeSlots(int count) {
        this.count = Math.max(1, count);
        this.permits = new Permits(this.count);
    }

    /** The slots a run stepping on {@code threads} threads takes now: its threads, at most the slots not withheld. */
    synchronized int weightOf(int threads) {
        return Math.max(1, Math.min(threads, count - withheld));
    }

    void acquire(int weight) throws InterruptedException {
        permits.acquire(weight);
    }

    void release(int weight) {
        permits.release(weight);
    }

    /** Lets everybody through from now on (the gate is opened for cancelling). */
    void releaseAll() {
        permits.release(Integer.MAX_VALUE / 2);
    }

    /** Slots not withheld. */
    synchronized int available() {
        return count - withheld;
    }

    /** The window drew a frame at {@code nowNanos}. */
    synchronized void frame(long nowNanos) {
        if (lastFrame < 0 || nowNanos - lastFrame > GAP_NANOS) {
            lastFrame = nowNanos;
            judgedSince = nowNanos;
            frames = 0;
            return;
        }
        lastFrame = nowNanos;
        frames++;
        long span = nowNanos - judgedSince;
        if (span < JUDGE_NANOS) {
            return;
        }
        long mean = span / frames;
        if (mean > LATE_NANOS && withheld < count - 1) {
            withheld++;
            permits.withhold();
        } else if (mean < ON_TIME_NANOS && withheld > 0) {
            withheld--;
            permits.release(1);
        }
        judgedSince = nowNanos;
        frames = 0;
    }
}
