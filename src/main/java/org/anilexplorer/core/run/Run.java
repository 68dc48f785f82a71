package org.anilexplorer.core.run;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import org.anilexplorer.core.algo.Dynamics;
import org.anilexplorer.core.algo.ModelState;
import org.anilexplorer.core.metrics.Metrics;
import org.anilexplorer.core.metrics.RecordingSchedule;
import org.anilexplorer.core.metrics.Snapshot;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.problem.GroundTruth;

/**
 * One method, one seed: builds the dynamics, steps it up to {@code params.iterations()} times, and records a
 * {@link Snapshot} at every iteration the {@link RecordingSchedule} names (and at the last one), and its test risk at
 * the iterations {@link RiskRecording} names.
 *
 * <p>After every step it checks {@code Dynamics.magnitude()}; a non-finite or exploding value (see
 * {@link Divergence}) stops the run at once in state {@link RunState#DIVERGED} with a reason naming the iteration.
 * A snapshot with a non-finite number is never recorded.
 *
 * <p>A run may start from a {@link RunCheckpoint} ({@link #continuing}) instead of t = 0: it then picks up the
 * dynamics' state, the recorded series and the schedules' positions, and continues bit for bit as the run that took
 * the checkpoint did (under changed parameters, from the same state). With {@link RunOptions#checkpoints()} it hands
 * out its own checkpoints as it goes; without, checkpointing costs one null test per iteration.
 *
 * <p>One thread calls {@link #execute(RunControl)}; any thread may call {@link #view()} at any time. Interrupting
 * that thread cancels the run even in the middle of building its dynamics or of a step: the dynamics then throws a
 * {@link CancellationException}, and the run ends as {@link RunState#CANCELLED}.
 */
public final class Run {

    private final Variant variant;
    private final long seed;
    private final int threads;
    private final DynamicsSource source;
    private final RunOptions options;
    private final SeriesStore store;
    private final RiskRecorder risk;
    /** Where the run starts: null for t = 0. */
    private final RunCheckpoint start;

    // the loop's position, written by the run's thread between iterations (read by checkpoints)
    private long nextRecord;
    private double initialMagnitude;
    /** Even between iterations, odd while stepping and recording: {@link #checkpointNow()} reads only even states. */
    private volatile long phase;
    private volatile Dynamics live;
    private volatile RunCheckpoint lastCheckpoint;

    private volatile RunStatus status = RunStatus.PENDING;
    private volatile ModelState finalModel;
    private volatile GroundTruth truth;
    private volatile long iteration;
    private volatile long startNanos;
    private volatile long endNanos;
    private volatile long pausedNanos;
    private long pauseStartedAt;

    public Run(Variant variant, long seed, int threads, DynamicsSource source, RunOptions options) {
        this(variant, seed, threads, source, options, null);
    }

    private Run(Variant variant, long seed, int threads, DynamicsSource source, RunOptions options,
                RunCheckpoint start) {
        this.variant = Objects.requireNonNull(variant, "variant");
        this.seed = seed;
        this.threads = Math.max(1, threads);
        this.source = Objects.requireNonNull(source, "source");
        this.options = Objects.requireNonNull(options, "options");
        this.start = start;
        this.store = new SeriesStore(options.capacity());
        this.risk = new RiskRecorder(options.risk(), variant.params(), seed);
        if (start != null) {
            start.series().forEach(store::append);
            risk.resume(start.risk(), start.cursor().nextRisk(), start.cursor().nextRidge());
            this.iteration = start.iteration();
        }
    }

    /**
     * A run that continues {@code from} under {@code variant}'s parameters, to {@code variant.params().iterations()}.
     * With the checkpoint's own parameters it repeats, bit for bit, what the run that took it did after t (same
     * snapshots, same test risk, same final model); with others it is a branch from the state at t. Its series start
     * with the checkpoint's (up to and including t).
     *
     * @throws org.anilexplorer.core.params.ParamException when the parameters cannot continue from that state
     *                                                     ({@link RunCheckpoint#refusal})
     */
    public static Run continuing(Variant variant, RunCheckpoint from, int threads, DynamicsSource source,
                                 RunOptions options) {
        RunCheckpoint checked = from.branch(variant.label(), variant.params());
        return new Run(variant, from.seed(), threads, source, options, checked);
    }

    /** The checkpoint this run started from, or null for a run from t = 0. */
    public RunCheckpoint start() {
        return start;
    }

    /**
     * The run's state now, if it is between iterations: parked at a {@link RunControl} pause, or ended (the state it
     * ended in). Empty before it started, while it steps or records (a run waiting in a gate inside its dynamics'
     * {@code step()} is stepping, as far as the run can tell), or when its dynamics cannot save states. A copy of
     * the state; safe from any thread.
     */
    public java.util.Optional<RunCheckpoint> checkpointNow() {
        RunCheckpoint ended = lastCheckpoint;
        if (ended != null) {
            return java.util.Optional.of(ended);
        }
        Dynamics d = live;
        long before = phase;
        if (d == null || (before & 1) != 0) {
            return java.util.Optional.empty();
        }
        RunCheckpoint c;
        try {
            c = capture(d);
        } catch (UnsupportedOperationException e) {
            return java.util.Optional.empty();
        } catch (RuntimeException e) {
            // torn by a step that began meanwhile; the phase check below says so
            c = null;
        }
        return phase == before && live == d ? java.util.Optional.ofNullable(c) : java.util.Optional.empty();
    }

    /**
     * The run's state at its current iteration, for a run whose thread waits inside its dynamics' {@code step()}
     * <em>before</em> the step begins: a wrapping dynamics that parks there, such as the app's gate. The run has
     * recorded everything of its current iteration by then, and the dynamics underneath has not moved, so the state is
     * whole. The caller must know that the thread is parked and must have synchronised with the parking (for example by
     * holding or having taken the gate's monitor after the run began to wait); called while the run steps, it returns
     * a torn state. Empty when the run is not running or its dynamics cannot save states.
     */
    public java.util.Optional<RunCheckpoint> checkpointParked() {
        Dynamics d = live;
        if (d == null || d.iteration() != iteration) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(capture(d));
        } catch (UnsupportedOperationException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * The state the run ended in (finished, converged or cancelled), when it ran with
     * {@link RunOptions#checkpoints()}; else null. A run cancelled between iterations keeps the state of its last
     * completed iteration; one interrupted in the middle of a step ({@code Experiment.cancel()}) keeps none, since its
     * dynamics stopped half-way (take {@link #checkpointNow()} or {@link #checkpointParked()} before cancelling).
     */
    public RunCheckpoint lastCheckpoint() {
        return lastCheckpoint;
    }

    public Variant variant() {
        return variant;
    }

    public Params params() {
        return variant.params();
    }

    public long seed() {
        return seed;
    }

    /** The thread budget handed to the dynamics. */
    public int threads() {
        return threads;
    }

    /** The current picture of this run; cheap (no copying of the series). */
    public RunView view() {
        RunStatus s = status;
        long start = startNanos;
        long active;
        if (start == 0) {
            active = 0;
        } else {
            long end = s.state().isFinal() ? endNanos : System.nanoTime();
            active = Math.max(0, end - start - pausedNanos);
        }
        return new RunView(variant.label(), seed, s, iteration, variant.params().iterations(), store.view(), active,
                finalModel, truth, risk.series(), this.start == null ? 0 : this.start.iteration());
    }

    /** Marks a run that never started as cancelled. */
    void cancelBeforeStart() {
        if (status.state() == RunState.PENDING) {
            finish(new RunStatus(RunState.CANCELLED, ""));
        }
    }

    /** Runs to the end on the calling thread; returns the final picture. Never throws for a failing dynamics. */
    public RunView execute(RunControl control) {
        if (status.state() != RunState.PENDING) {
            throw new IllegalStateException("a run executes once; this one is " + status.state());
        }
        startNanos = System.nanoTime();
        status = RunStatus.RUNNING;
        Dynamics dynamics;
        try {
            if (!control.checkpoint(this::onPause, this::onResume)) {
                finish(new RunStatus(RunState.CANCELLED, ""));
                return view();
            }
            dynamics = start == null ? source.create(variant.params(), seed, threads)
                    : source.resume(variant.params(), seed, threads, start.dynamics());
        } catch (CancellationException e) {
            finish(new RunStatus(RunState.CANCELLED, ""));
            return view();
        } catch (RuntimeException e) {
            finish(new RunStatus(RunState.FAILED, describe(e)));
            return view();
        }
        try {
            RunStatus end = loop(dynamics, control);
            if (options.checkpoints() != null && (end.state().isSuccess() || end.state() == RunState.CANCELLED)
                    && (phase & 1) == 0) {
                lastCheckpoint = capture(dynamics);
            }
            if (end.state().isSuccess()) {
                // kept for test-time evaluation, which needs (B̂, ŵ) and the run's ground truth
                finalModel = dynamics.state();
                truth = dynamics.truth();
            }
            finish(end);
        } catch (CancellationException e) {
            finish(new RunStatus(RunState.CANCELLED, "")); // stopped inside a step: see Experiment#cancel
        } catch (RuntimeException e) {
            finish(new RunStatus(RunState.FAILED, "failed at iteration " + iteration + ": " + describe(e)));
        } finally {
            live = null;
            dynamics.close(); // releases the dynamics' worker threads
        }
        return view();
    }

    private RunStatus loop(Dynamics dynamics, RunControl control) {
        Params p = variant.params();
        RecordingSchedule schedule = options.schedule();
        ConvergenceCriterion convergence = options.convergence();
        Checkpointing checkpoints = options.checkpoints();
        long target = p.iterations();
        long t = dynamics.iteration();
        iteration = t;

        Snapshot previous = null;
        if (start == null) {
            initialMagnitude = dynamics.magnitude();
            if (Divergence.exceeded(initialMagnitude, Divergence.ABSOLUTE_LIMIT)) {
                return diverged(Divergence.explain(p, t, initialMagnitude, initialMagnitude));
            }
            risk.offer(dynamics);
            if (schedule.records(t)) {
                Snapshot s = Metrics.measure(dynamics);
                if (!s.isFinite()) {
                    return diverged(Divergence.explainMetric(p, t, nonFinitePart(s)));
                }
                store.append(s);
                previous = s;
            }
            nextRecord = schedule.next(t);
        } else {
            // everything of iteration t was recorded before the checkpoint was taken
            initialMagnitude = start.cursor().initialMagnitude();
            nextRecord = start.cursor().nextRecord();
            previous = start.series().last();
        }
        double limit = Divergence.limit(initialMagnitude);
        live = dynamics; // publishes the position above to checkpointNow()
        if (checkpoints != null && checkpoints.due(t)) {
            checkpoints.sink().accept(capture(dynamics));
        }
        while (t < target) {
            if (!control.checkpoint(this::onPause, this::onResume) || Thread.currentThread().isInterrupted()) {
                return new RunStatus(RunState.CANCELLED, "");
            }
            phase++;
            dynamics.step();
            t = dynamics.iteration();
            iteration = t;
            double magnitude = dynamics.magnitude();
            if (Divergence.exceeded(magnitude, limit)) {
                return diverged(Divergence.explain(p, t, magnitude, initialMagnitude));
            }
            risk.offer(dynamics);
            if (t >= nextRecord || t >= target) {
                Snapshot s = Metrics.measure(dynamics);
                if (!s.isFinite()) {
                    return diverged(Divergence.explainMetric(p, t, nonFinitePart(s)));
                }
                store.append(s);
                nextRecord = schedule.next(t);
                if (convergence != null && previous != null && convergence.converged(previous, s)) {
                    phase++;
                    return new RunStatus(RunState.CONVERGED, "converged at iteration " + t);
                }
                previous = s;
            }
            phase++;
            if (checkpoints != null && checkpoints.due(t)) {
                checkpoints.sink().accept(capture(dynamics));
            }
        }
        return RunStatus.of(RunState.FINISHED);
    }

    /** The run's complete state after its current iteration was recorded (see {@link RunCheckpoint}). */
    private RunCheckpoint capture(Dynamics dynamics) {
        RiskRecorder.Position r = risk.position();
        return new RunCheckpoint(variant.label(), seed, variant.params(), dynamics.saveState(),
                new RunCheckpoint.Cursor(nextRecord, r.next(), r.nextRidge(), initialMagnitude), store.view(),
                r.series());
    }

    private static RunStatus diverged(String reason) {
        return new RunStatus(RunState.DIVERGED, reason);
    }

    private static String nonFinitePart(Snapshot s) {
        if (!Double.isFinite(s.trainingLoss())) {
            return "the training loss";
        }
        if (!Double.isFinite(s.bwNorm())) {
            return "‖Bw − B⋆μ⋆‖";
        }
        if (!Double.isFinite(s.distance())) {
            return "the subspace distance";
        }
        return "a squared singular value of B⋆ᵀB or B⋆,⊥ᵀB";
    }

    private static String describe(RuntimeException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private void onPause() {
        pauseStartedAt = System.nanoTime();
        status = RunStatus.PAUSED;
    }

    private void onResume() {
        pausedNanos += System.nanoTime() - pauseStartedAt;
        pauseStartedAt = 0;
        status = RunStatus.RUNNING;
    }

    private void finish(RunStatus s) {
        long now = System.nanoTime();
        if (pauseStartedAt != 0) {
            pausedNanos += now - pauseStartedAt;
            pauseStartedAt = 0;
        }
        if (startNanos == 0) {
            startNanos = now;
        }
        endNanos = now;
        status = s;
    }
}
