package org.anilexplorer.core.run;

import java.util.Objects;
import org.anilexplorer.core.metrics.RecordingSchedule;

/**
 * How runs record: the snapshot schedule, the bound on stored snapshots per run, an optional convergence criterion
 * (null = run every iteration), and the test risk's recording.
 */
public record RunOptions(RecordingSchedule schedule, int capacity, ConvergenceCriterion convergence,
                         RiskRecording risk) {

    public static final RunOptions DEFAULT = new RunOptions(RecordingSchedule.DEFAULT, 4096, null,
            RiskRecording.DEFAULT);

    public RunOptions(RecordingSchedule schedule, int capacity, ConvergenceCriterion convergence) {
        this(schedule, capacity, convergence, RiskRecording.DEFAULT);
    }

    public RunOptions {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(risk, "risk");
        if (capacity < 4) {
            throw new IllegalArgumentException("capacity must be ≥ 4");
        }
    }

    public RunOptions withSchedule(RecordingSchedule s) {
        return new RunOptions(s, capacity, convergence, risk);
    }

    public RunOptions withConvergence(ConvergenceCriterion c) {
        return new RunOptions(schedule, capacity, c, risk);
    }

    public RunOptions withRisk(RiskRecording r) {
        return new RunOptions(schedule, capacity, convergence, r);
    }

    public RunOptions withCapacity(int c) {
        return new RunOptions(schedule, c, convergence, risk);
    }
}
