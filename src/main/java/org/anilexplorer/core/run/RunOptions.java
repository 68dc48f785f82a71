package org.anilexplorer.core.run;

import java.util.Objects;
import org.anilexplorer.core.metrics.RecordingSchedule;

/**
 * How runs record: the snapshot schedule, the bound on stored snapshots per run, an optional convergence criterion
 * (null = run every iteration), the test risk's recording, and optional checkpoints of the runs' states (null = none,
 * which costs nothing).
 */
public record RunOptions(RecordingSchedule schedule, int capacity, ConvergenceCriterion convergence,
                         RiskRecording risk, Checkpointing checkpoints) {

    public static final RunOptions DEFAULT = new RunOptions(RecordingSchedule.DEFAULT, 4096, null,
            RiskRecording.DEFAULT);

    public RunOptions(RecordingSchedule schedule, int capacity, ConvergenceCriterion convergence) {
        this(schedule, capacity, convergence, RiskRecording.DEFAULT);
    }

    public RunOptions(RecordingSchedule schedule, int capacity, ConvergenceCriterion convergence,
                      RiskRecording risk) {
        this(schedule, capacity, convergence, risk, null);
    }

    public RunOptions {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(risk, "risk");
        if (capacity < 4) {
            throw new IllegalArgumentException("capacity must be ≥ 4");
        }
    }

    public RunOptions withSchedule(RecordingSchedule s) {
        return new RunOptions(s, capacity, convergence, risk, checkpoints);
    }

    public RunOptions withConvergence(ConvergenceCriterion c) {
        return new RunOptions(schedule, capacity, c, risk, checkpoints);
    }

    public RunOptions withRisk(RiskRecording r) {
        return new RunOptions(schedule, capacity, convergence, r, checkpoints);
    }

    public RunOptions withCapacity(int c) {
        return new RunOptions(schedule, c, convergence, risk, checkpoints);
    }

    /** With checkpoints (null: none). */
    public RunOptions withCheckpoints(Checkpointing c) {
        return new RunOptions(schedule, capacity, convergence, risk, c);
    }
}
