package org.anilexplorer.app.sim;

import java.util.List;
import org.anilexplorer.core.metrics.Snapshot;

/**
 * The recorded snapshots of one run (one method, one seed), in iteration order, and how the run stands.
 * Immutable once published: {@code snapshots} must be an unmodifiable list that never changes (the simulation's
 * published series shares its storage, so it is not copied here).
 */
public record SeedSeries(long seed, List<Snapshot> snapshots, RunStatus status, String reason) {

    public SeedSeries {
        snapshots = java.util.Objects.requireNonNull(snapshots, "snapshots");
        reason = reason == null ? "" : reason;
    }

    public long lastIteration() {
        return snapshots.isEmpty() ? 0 : snapshots.get(snapshots.size() - 1).iteration();
    }
}
