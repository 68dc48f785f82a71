package org.anilexplorer.core.run;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.anilexplorer.core.algo.DynamicsState;
import org.anilexplorer.core.metrics.Snapshot;
import org.anilexplorer.core.params.Algorithm;
import org.anilexplorer.core.params.ParamException;
import org.anilexplorer.core.params.ParamSpec;
import org.anilexplorer.core.params.Params;

/**
 * The complete state of one run (one method, one seed) once iteration t is fully recorded: what the run is (label,
 * seed, parameters), the dynamics' state ({@link DynamicsState}: B, w and what the method keeps of its own), where
 * its recording schedules stand ({@link Cursor}), and everything it recorded up to and including t (snapshots and
 * test risk). A {@link Run} started from it ({@link Run#continuing}) continues bit for bit as the original did: the
 * ground truth, the task pool, every fresh batch and every test task are functions of the seed (and of the iteration,
 * for a fresh batch), drawn from counter-based streams, so nothing about the random streams needs saving beyond t.
 *
 * <p>A checkpoint may continue under other parameters (a branch: a lower α, finite tasks from t = 500 on, another
 * m_in…): {@link #refusal(Params)} says, in one line naming the field, when that cannot make sense. Immutable; the
 * series are shared with the run that recorded them, not copied.
 */
public final class RunCheckpoint {

    /**
     * Where the run's schedules stand after t.
     *
     * @param nextRecord       the next iteration the snapshot schedule records
     * @param nextRisk         the next iteration the test risk is recorded
     * @param nextRidge        the next iteration ridge is fitted (Long.MAX_VALUE: only at the last)
     * @param initialMagnitude ‖B₀‖² + ‖w₀‖² of the run's start, which divergence is measured against
     */
    public record Cursor(long nextRecord, long nextRisk, long nextRidge, double initialMagnitude) {
    }

    private final String label;
    private final long seed;
    private final Params params;
    private final DynamicsState dynamics;
    private final Cursor cursor;
    private final SnapshotSeries series;
    private final RiskSeries risk;

    /**
     * @param series the snapshots recorded up to and including t, in order
     * @param risk   the test risk recorded up to and including t
     */
    public RunCheckpoint(String label, long seed, Params params, DynamicsState dynamics, Cursor cursor,
                         List<Snapshot> series, RiskSeries risk) {
        this.label = Objects.requireNonNull(label, "label");
        this.seed = seed;
        this.params = Objects.requireNonNull(params, "params");
        this.dynamics = Objects.requireNonNull(dynamics, "dynamics");
        this.cursor = Objects.requireNonNull(cursor, "cursor");
        this.series = series instanceof SnapshotSeries s ? s : SnapshotSeries.of(series);
        this.risk = Objects.requireNonNull(risk, "risk");
        Snapshot last = this.series.last();
        if (last != null && last.iteration() > dynamics.iteration()) {
            throw new IllegalArgumentException("a checkpoint at iteration " + dynamics.iteration()
                    + " cannot hold a snapshot of iteration " + last.iteration());
        }
    }

    public String label() {
        return label;
    }

    public long seed() {
        return seed;
    }

    /** The parameters the run had when the state was taken. */
    public Params params() {
        return params;
    }

    /** The iteration t of the state. */
    public long iteration() {
        return dynamics.iteration();
    }

    public DynamicsState dynamics() {
        return dynamics;
    }

    public Cursor cursor() {
        return cursor;
    }

    /** The snapshots recorded up to and including t. */
    public SnapshotSeries series() {
        return series;
    }

    /** The test risk recorded up to and including t. */
    public RiskSeries risk() {
        return risk;
    }

    /**
     * Approximate heap bytes this checkpoint holds of its own: the dynamics' arrays and a little more. The series are
     * shared with the run (and with the run's other checkpoints), so they are not counted.
     */
    public long bytes() {
        return dynamics.bytes() + 256;
    }

    /**
     * Why a run cannot continue from this state under {@code next}, in one line naming the field; empty when it
     * can. Refused: another d, k or k' (the state's B and the ground truth would no longer fit), switching between
     * Burer–Monteiro and a method with one shared head, another first m_test (the risk series recorded so far is for
     * the old one), and an iteration budget below t. Everything else may change: a branch continues with the new
     * value from t on.
     */
    public Optional<String> refusal(Params next) {
        long t = iteration();
        for (ParamSpec fixed : List.of(ParamSpec.D, ParamSpec.K, ParamSpec.K_PRIME)) {
            if (!next.get(fixed).equals(params.get(fixed))) {
                return Optional.of(fixed.key() + ": cannot change at a branch (the state at iteration " + t
                        + " has " + fixed.key() + " = " + params.get(fixed) + "; B is d×k' and B⋆ is d×k for the "
                        + "whole run)");
            }
        }
        boolean wasBm = params.algorithm() == Algorithm.BURER_MONTEIRO;
        boolean isBm = next.algorithm() == Algorithm.BURER_MONTEIRO;
        if (wasBm != isBm) {
            return Optional.of(String.format(Locale.ROOT, "algorithm: cannot change from %s to %s at a branch "
                    + "(Burer–Monteiro keeps one head per task, the other methods one shared head)",
                    params.algorithm().key(), next.algorithm().key()));
        }
        if (!next.mTest().get(0).equals(params.mTest().get(0)) && risk.size() > 0) {
            return Optional.of("m_test: its first value cannot change at a branch (the test risk recorded up to "
                    + "iteration " + t + " is for m_test = " + params.mTest().get(0) + ")");
        }
        if (next.iterations() < t) {
            return Optional.of("iterations: must be at least " + t + " to continue from iteration " + t + ", got "
                    + next.iterations());
        }
        return Optional.empty();
    }

    /**
     * This state, to continue under {@code next} (labelled {@code label}).
     *
     * @throws ParamException with {@link #refusal(Params)}'s message when it cannot
     */
    public RunCheckpoint branch(String label, Params next) {
        Optional<String> why = refusal(next);
        if (why.isPresent()) {
            String m = why.get();
            int colon = m.indexOf(": ");
            throw new ParamException(m.substring(0, colon), m.substring(colon + 2));
        }
        return new RunCheckpoint(label, seed, next, dynamics, cursor, series, risk);
    }

    @Override
    public String toString() {
        return "RunCheckpoint[" + label + ", seed " + seed + ", t = " + iteration() + "]";
    }
}
