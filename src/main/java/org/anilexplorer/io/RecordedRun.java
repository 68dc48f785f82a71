package org.anilexplorer.io;

import java.util.List;
import java.util.Objects;
import org.anilexplorer.core.metrics.Snapshot;
import org.anilexplorer.core.run.RiskSeries;
import org.anilexplorer.core.run.RunCheckpoint;
import org.anilexplorer.core.run.RunState;

/**
 * One run as stored in a session file: which method and seed, how it ended, everything it recorded (snapshots and
 * test risk) and, optionally, its states: {@code latest}, the state to resume from (a paused run's, or the state a
 * run ended in, so that it can be continued), and {@code checkpoints}, earlier states to branch from.
 *
 * @param latest      the run's newest state, or null when the session does not carry it
 * @param checkpoints earlier states, oldest first (empty when none are carried)
 */
public record RecordedRun(String label, long seed, RunState state, String reason, List<Snapshot> snapshots,
                          RiskSeries risk, RunCheckpoint latest, List<RunCheckpoint> checkpoints) {

    public RecordedRun {
        risk = risk == null ? RiskSeries.EMPTY : risk;
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(state, "state");
        reason = reason == null ? "" : reason;
        snapshots = List.copyOf(snapshots);
        checkpoints = checkpoints == null ? List.of() : List.copyOf(checkpoints);
    }

    /** A run without states (it can be shown, not resumed). */
    public RecordedRun(String label, long seed, RunState state, String reason, List<Snapshot> snapshots,
                       RiskSeries risk) {
        this(label, seed, state, reason, snapshots, risk, null, List.of());
    }

    /** This run carrying its states. */
    public RecordedRun withStates(RunCheckpoint newest, List<RunCheckpoint> earlier) {
        return new RecordedRun(label, seed, state, reason, snapshots, risk, newest, earlier);
    }
}
