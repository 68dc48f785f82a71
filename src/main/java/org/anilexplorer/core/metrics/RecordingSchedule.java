package org.anilexplorer.core.metrics;

/**
 * Which iterations are recorded: every iteration up to {@code dense}, then about {@code perDecade} log-spaced points
 * per decade, plus the last one. The number of records grows like log T, so memory stays bounded for any run length.
 */
public record RecordingSchedule(long dense, int perDecade) {

    /**
     * 10 dense, then 50 per decade (every integer up to ~21, and every power of ten): smooth on a log axis, and measuring stays under ~10 % of even the cheapest run
     * (an infinite-task step costs ~40 µs, a record ~250 µs; see bench/MetricsOverheadBench).
     */
    public static final RecordingSchedule DEFAULT = new RecordingSchedule(10, 50);

    public RecordingSchedule {
        if (dense < 1 || perDecade < 1) {
            throw new IllegalArgumentException("dense and perDecade must be ≥ 1");
        }
    }

    /** Whether iteration t (t = 0 is the initialisation) is recorded. */
    public boolean records(long t) {
        if (t <= dense) {
            return true;
        }
        return next(t - 1) == t;
    }

    /** The first recorded iteration strictly after t. */
    public long next(long t) {
        if (t < dense) {
            return t + 1;
        }
        // recorded points beyond `dense` are ceil(dense·10^(j/perDecade)); find the smallest one > t. The relative
        // slack absorbs rounding in pow, so that exact powers of ten (for a power-of-ten `dense`) are hit.
        long j = Math.max(0, (long) Math.floor(perDecade * Math.log10((double) t / dense)) - 1);
        long candidate;
        do {
            candidate = (long) Math.ceil(dense * Math.pow(10.0, (double) j / perDecade) * (1 - 1e-12));
            j++;
        } while (candidate <= t);
        return candidate;
    }
}
