package org.anilexplorer.core.run;

import java.util.Objects;
import org.anilexplorer.core.metrics.RecordingSchedule;

/**
 * How runs record: the schedule, the bound on stored snapshots per run, and an optional convergence criterion
 * (null = run every iteration).
 */
public record RunOptions(RecordingSchedule schedule, int capacity, ConvergenceCriterion convergence) {

    public static final RunOptions DEFAULT = new RunOptions(RecordingSchedule.DEFAULT, 4096, null);

    public RunOptions {
        Objects.requireNonNull(schedule, "schedule");
        if (capacity < 4) {
            throw new IllegalArgumentException("capacity must be ≥ 4");
        }
    }

    public RunOptions withSchedule(RecordingSchedule s) {
        return new RunOptions(s, capacity, convergence);
    }

    public RunOptions withConvergence(ConvergenceCriterion c) {
        return new RunOptions(schedule, capacity, c);
    }

    public RunOptions withCapacity(int c) {
        return new RunOptions(schedule, c, convergence);
    }
}
