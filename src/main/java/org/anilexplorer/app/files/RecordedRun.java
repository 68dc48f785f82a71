package org.anilexplorer.app.files;

import java.util.List;
import java.util.Objects;
import org.anilexplorer.app.sim.RiskSeries;
import org.anilexplorer.app.sim.RunStatus;
import org.anilexplorer.core.metrics.Snapshot;

/**
 * One run as stored in a session file: which method and seed, how it ended, and everything it recorded (snapshots
 * and, for meta-learning methods, the 1-GD test risk).
 */
public record RecordedRun(String label, long seed, RunStatus status, String reason, List<Snapshot> snapshots,
                          RiskSeries risk) {

    public RecordedRun {
        risk = risk == null ? RiskSeries.EMPTY : risk;
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(status, "status");
        reason = reason == null ? "" : reason;
        snapshots = List.copyOf(snapshots);
    }
}
