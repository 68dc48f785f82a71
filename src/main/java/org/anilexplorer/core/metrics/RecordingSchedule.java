package org.anilexplorer.core.metrics;

/**
 * Which iterations are recorded: every iteration up to {@code dense}, then about {@code perDecade} log-spaced points
 * per decade, plus the last one. The number of records grows like log T, so memory stays bounded for any run length.
 */
public record RecordingSchedule(long dense, int perDecade) {

    public static final RecordingSchedule DEFAULT = new RecordingSchedule(100, 100);

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
        double ratio = Math.pow(10.0, 1.0 / perDecade);
        // recorded points beyond `dense` are ceil(dense·ratio^j); find the smallest one > t
        double j = Math.floor(Math.log((double) t / dense) / Math.log(ratio));
        long candidate;
        do {
            candidate = (long) Math.ceil(dense * Math.pow(ratio, j) - 1e-9);
            j++;
        } while (candidate <= t);
        return candidate;
    }
}
