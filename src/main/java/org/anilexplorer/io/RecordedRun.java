package org.anilexplorer.io;

import java.util.List;
import java.util.Objects;
import org.anilexplorer.core.metrics.Snapshot;
import org.anilexplorer.core.run.RiskSeries;
import org.anilexplorer.core.run.RunState;

/**
 * One run as stored in a session file: which method and seed, how it ended, and everything it recorded (snapshots
 * and test risk).
 */
public record RecordedRun(String label, long seed, RunState state, String reason, List<Snapshot> snapshots,
                          RiskSeries risk) {

    public RecordedRun {
        risk = risk == null ? RiskSeries.EMPTY : risk;
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(state, "state");
        reason = reason == null ? "" : reason;
        snapshots = List.copyOf(snapshots);
    }
}
