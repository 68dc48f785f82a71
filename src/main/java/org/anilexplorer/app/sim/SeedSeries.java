package org.anilexplorer.app.sim;

import java.util.List;
import org.anilexplorer.core.metrics.Snapshot;

/**
 * The recorded snapshots of one run (one method, one seed), in iteration order, its 1-GD test risk at the same
 * iterations (when the method is a meta-learning one), and how the run stands.
 * Immutable once published: {@code snapshots} must be an unmodifiable list that never changes (the simulation's
 * published series shares its storage, so it is not copied here).
 */
public record SeedSeries(long seed, List<Snapshot> snapshots, RunStatus status, String reason, RiskSeries risk) {

    public SeedSeries {
        snapshots = java.util.Objects.requireNonNull(snapshots, "snapshots");
        reason = reason == null ? "" : reason;
        risk = risk == null ? RiskSeries.EMPTY : risk;
    }

    /** A series without a test-risk record. */
    public SeedSeries(long seed, List<Snapshot> snapshots, RunStatus status, String reason) {
        this(seed, snapshots, status, reason, RiskSeries.EMPTY);
    }

    public long lastIteration() {
        return snapshots.isEmpty() ? 0 : snapshots.get(snapshots.size() - 1).iteration();
    }
}
