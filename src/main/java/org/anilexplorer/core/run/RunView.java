package org.anilexplorer.core.run;

import org.anilexplorer.core.algo.ModelState;
import org.anilexplorer.core.metrics.Snapshot;
import org.anilexplorer.core.problem.GroundTruth;

/**
 * An immutable picture of one run at one moment: what it is, where it is, and what it has recorded.
 *
 * @param label            the variant's label ("FO-ANIL")
 * @param seed             the run's seed
 * @param status           state and, for diverged or failed runs, the reason
 * @param iteration        completed iterations
 * @param targetIterations the iteration budget T
 * @param series           recorded snapshots, oldest first
 * @param activeNanos      wall time spent stepping and recording (pauses excluded)
 * @param finalModel       the learned (B̂, ŵ) once the run finished or converged, else null
 * @param truth            the run's ground truth once it finished or converged, else null
 * @param risk             the test risk recorded so far (see {@link RiskRecording})
 * @param startIteration   where this run started: 0, or the checkpoint it continues ({@link Run#continuing}); the
 *                         speed and the progress count only the iterations from there
 */
public record RunView(String label, long seed, RunStatus status, long iteration, long targetIterations,
                      SnapshotSeries series, long activeNanos, ModelState finalModel, GroundTruth truth,
                      RiskSeries risk, long startIteration) {

    public RunView {
        risk = risk == null ? RiskSeries.EMPTY : risk;
    }

    /** A view of a run that started at t = 0. */
    public RunView(String label, long seed, RunStatus status, long iteration, long targetIterations,
                   SnapshotSeries series, long activeNanos, ModelState finalModel, GroundTruth truth,
                   RiskSeries risk) {
        this(label, seed, status, iteration, targetIterations, series, activeNanos, finalModel, truth, risk, 0);
    }

    /** A view without a risk record. */
    public RunView(String label, long seed, RunStatus status, long iteration, long targetIterations,
                   SnapshotSeries series, long activeNanos, ModelState finalModel, GroundTruth truth) {
        this(label, seed, status, iteration, targetIterations, series, activeNanos, finalModel, truth,
                RiskSeries.EMPTY);
    }

    public RunState state() {
        return status.state();
    }

    public String reason() {
        return status.reason();
    }

    /** Iterations per second of wall time while active (0 before the first iteration). */
    public double iterationsPerSecond() {
        return activeNanos <= 0 ? 0 : (iteration - startIteration) * 1e9 / activeNanos;
    }

    public double fractionDone() {
        return targetIterations <= 0 ? 0 : Math.min(1.0, (double) iteration / targetIterations);
    }

    /**
     * This view with only what was recorded at or after iteration {@code t} (snapshots and test risk): the rows a
     * run continued from a checkpoint at t adds to the original's.
     */
    public RunView since(long t) {
        java.util.List<Snapshot> kept = new java.util.ArrayList<>();
        for (Snapshot s : series) {
            if (s.iteration() >= t) {
                kept.add(s);
            }
        }
        return new RunView(label, seed, status, iteration, targetIterations, SnapshotSeries.of(kept), activeNanos,
                finalModel, truth, risk.since(t), startIteration);
    }

    /** The newest recorded snapshot, or null. */
    public Snapshot last() {
        return series.last();
    }
}
