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

    private volatile RunStatus status = RunStatus.PENDING;
    private volatile ModelState finalModel;
    private volatile GroundTruth truth;
    private volatile long iteration;
    private volatile long startNanos;
    private volatile long endNanos;
    private volatile long pausedNanos;
    private long pauseStartedAt;

    public Run(Variant variant, long seed, int threads, DynamicsSource source, RunOptions options) {
        this.variant = Objects.requireNonNull(variant, "variant");
        this.seed = seed;
        this.threads = Math.max(1, threads);
        this.source = Objects.requireNonNull(source, "source");
        this.options = Objects.requireNonNull(options, "options");
        this.store = new SeriesStore(options.capacity());
        this.risk = new RiskRecorder(options.risk(), variant.params(), seed);
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
                finalModel, truth, risk.series());
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
            dynamics = source.create(variant.params(), seed, threads);
        } catch (CancellationException e) {
            finish(new RunStatus(RunState.CANCELLED, ""));
            return view();
        } catch (RuntimeException e) {
            finish(new RunStatus(RunState.FAILED, describe(e)));
            return view();
        }
        try {
            RunStatus end = loop(dynamics, control);
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
            dynamics.close(); // releases the dynamics' worker threads
        }
        return view();
    }

    private RunStatus loop(Dynamics dynamics, RunControl control) {
        Params p = variant.params();
        RecordingSchedule schedule = options.schedule();
        ConvergenceCriterion convergence = options.convergence();
        long target = p.iterations();
        long t = dynamics.iteration();
        iteration = t;

        double initialMagnitude = dynamics.magnitude();
        if (Divergence.exceeded(initialMagnitude, Divergence.ABSOLUTE_LIMIT)) {
            return diverged(Divergence.explain(p, t, initialMagnitude, initialMagnitude));
        }
        double limit = Divergence.limit(initialMagnitude);

        Snapshot previous = null;
        risk.offer(dynamics);
        if (schedule.records(t)) {
            Snapshot s = Metrics.measure(dynamics);
            if (!s.isFinite()) {
                return diverged(Divergence.explainMetric(p, t, nonFinitePart(s)));
            }
            store.append(s);
            previous = s;
        }
        long nextRecord = schedule.next(t);
        while (t < target) {
            if (!control.checkpoint(this::onPause, this::onResume) || Thread.currentThread().isInterrupted()) {
                return new RunStatus(RunState.CANCELLED, "");
            }
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
                if (convergence != null && previous != null && convergence.converged(previous, s)) {
                    return new RunStatus(RunState.CONVERGED, "converged at iteration " + t);
                }
                previous = s;
                nextRecord = schedule.next(t);
            }
        }
        return RunStatus.of(RunState.FINISHED);
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
