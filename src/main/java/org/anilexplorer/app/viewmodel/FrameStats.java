package org.anilexplorer.app.viewmodel;

import java.util.Arrays;

/**
 * Intervals between animation frames, kept in a fixed ring so that long sessions use constant memory. The median
 * tells whether the UI thread keeps up (60 Hz is 16.7 ms); it is shown in Help ▸ Performance and read by the
 * frame-interval benchmark.
 */
public final class FrameStats {

    private final long[] intervals;
    private int count;
    private int next;
    private long lastFrame = -1;

    public FrameStats(int capacity) {
        intervals = new long[capacity];
    }

    /** Records a frame at {@code nanos} (the AnimationTimer's timestamp). */
    public synchronized void frame(long nanos) {
        if (lastFrame >= 0) {
            intervals[next] = nanos - lastFrame;
            next = (next + 1) % intervals.length;
            count = Math.min(count + 1, intervals.length);
        }
        lastFrame = nanos;
    }

    /** Forgets everything recorded so far (e.g. before a measurement). */
    public synchronized void clear() {
        count = 0;
        next = 0;
        lastFrame = -1;
    }

    public synchronized int count() {
        return count;
    }

    /** Median interval in milliseconds over the recorded frames, or NaN before two frames. */
    public double medianMillis() {
        return percentileMillis(50);
    }

    public synchronized double percentileMillis(double percent) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(intervals, count);
        Arrays.sort(sorted);
        int index = (int) Math.min(count - 1, Math.max(0, Math.ceil(percent / 100.0 * count) - 1));
        return sorted[index] / 1e6;
    }

    public synchronized double maxMillis() {
        return count == 0 ? Double.NaN : Arrays.stream(intervals, 0, count).max().getAsLong() / 1e6;
    }
}
