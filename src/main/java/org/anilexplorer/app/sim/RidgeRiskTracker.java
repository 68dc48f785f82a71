package org.anilexplorer.app.sim;

import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.anilexplorer.core.algo.ModelState;
import org.anilexplorer.core.eval.Estimator;
import org.anilexplorer.core.eval.Evaluation;
import org.anilexplorer.core.eval.TestProtocol;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.problem.GroundTruth;

/**
 * The test risk of ridge on the learned features X B̂ (best λ of the grid, docs/math.md §6.4) of one run over its
 * iterations, in the same ‖θ̂ − θ⋆‖² convention as the 1-GD curve. Evaluated by {@code core.eval} on a small fixed
 * set of test tasks of the run's seed (the same tasks at every iteration, so the curve is smooth), at about
 * {@value #POINTS_PER_DECADE} iterations per decade and the last one.
 *
 * <p>The evaluation runs on {@code executor}, off the simulation thread; when the simulation is faster than the
 * evaluations, a state that has not been started yet is replaced by the newer one (stale requests are dropped).
 * The evaluations may take at most {@code budgetShare} (in CPU time) of the run's projected step time: a point that
 * would exceed it is skipped (the next record time tries again), except the last iteration's. On cheap dynamics
 * (small d, infinite tasks) a step costs less than a ridge fit on 200 tasks, so this, not the thinning, sets the
 * number of points there.
 */
public final class RidgeRiskTracker {

    /** Test tasks per evaluation: enough for a smooth curve, few enough to stay a small share of the run. */
    public static final int TEST_TASKS = 200;
    static final int POINTS_PER_DECADE = 10;

    /** One low-priority thread for every run's ridge evaluations. */
    static final ExecutorService SHARED = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "anil-ridge-risk");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });

    /** Evaluations queued on {@link #SHARED} and not started, of every tracker. */
    private static final java.util.concurrent.atomic.AtomicInteger QUEUED = new java.util.concurrent.atomic.AtomicInteger();

    private final GroundTruth truth;
    private final TestProtocol protocol;
    private final long seed;
    private final long lastIteration;
    private final Executor executor;
    private final double budgetShare;
    private final java.util.concurrent.atomic.AtomicLong evaluationNanos = new java.util.concurrent.atomic.AtomicLong();
    private final AtomicReference<ModelState> pending = new AtomicReference<>();
    private long lastBucket = Long.MIN_VALUE;
    private long lastOffered = -1;
    private volatile RiskSeries series;
    private volatile boolean cancelled;
    /** Whether this tracker has an evaluation in {@link #QUEUED} (whoever clears it takes it off the count). */
    private final java.util.concurrent.atomic.AtomicBoolean counted = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile long firstEvaluationNanos;

    /** Share of the run's computing time the evaluations may take. */
    static final double BUDGET_SHARE = 0.1;

    /** @param budgetShare largest share of the run's step time the evaluations may take (∞: no limit) */
    RidgeRiskTracker(Params params, GroundTruth truth, long seed, Executor executor, double budgetShare) {
        this.budgetShare = budgetShare;
        this.truth = truth;
        this.seed = seed;
        this.lastIteration = params.iterations();
        this.executor = executor;
        int mTest = params.mTest().get(0);
        this.protocol = protocol(params);
        this.series = new RiskSeries(mTest, new long[0], new double[0]);
    }

    /** Ridge only, at the first m_test, on {@link #TEST_TASKS} tasks. */
    static TestProtocol protocol(Params params) {
        return new TestProtocol(params.alpha(), List.of(params.mTest().get(0)), TEST_TASKS, params.gdSteps(),
                EnumSet.of(Estimator.RIDGE));
    }

    /**
     * Whether iteration t is one of the thinned evaluation times and the evaluations are within budget (call only
     * with increasing t). The budget is {@code budgetShare} of the run's projected step time (the time per step so
     * far times the iterations), spread evenly over the tenths of a decade, so early points are not starved.
     *
     * @param stepNanos time the run has spent computing its t steps so far
     */
    boolean due(long t, long stepNanos) {
        if (t == lastIteration) {
            return true;
        }
        if (bucket(t) <= lastBucket) {
            return false;
        }
        // the first evaluation (t = 0) runs on cold code and is not charged: it would starve the first decades
        if (evaluationNanos.get() == 0) {
            return true;
        }
        long spent = evaluationNanos.get() - firstEvaluationNanos;
        double projected = t == 0 ? 0 : (double) stepNanos / t * lastIteration;
        double slots = bucket(lastIteration) + 2; // the tenths of a decade up to the last iteration, and t = 0
        return spent < budgetShare * projected * (bucket(t) + 2) / slots;
    }

    /** Evaluates the state (now or later, on the executor) and marks its iteration's decade slot as taken. */
    void offer(ModelState state) {
        long t = state.iteration();
        if (t <= lastOffered || cancelled) {
            return;
        }
        lastOffered = t;
        lastBucket = Math.max(lastBucket, bucket(t));
        if (pending.getAndSet(state) == null) {
            if (counted.compareAndSet(false, true)) {
                QUEUED.incrementAndGet();
            }
            try {
                executor.execute(this::evaluatePending);
            } catch (RuntimeException e) {
                uncount();
                throw e;
            }
        }
    }

    /**
     * Drops the queued evaluation and refuses new ones: a cancelled run's curve is not worth a core (a ridge fit at
     * d = 2000 takes seconds). An evaluation already running finishes.
     */
    void cancel() {
        cancelled = true;
        pending.set(null);
        uncount(); // its queued task, when the thread gets to it, returns at once
    }

    boolean isCancelled() {
        return cancelled;
    }

    /** Evaluations waiting for the shared thread, not counting cancelled ones (tests: a cancelled run leaves none). */
    static int queued() {
        return QUEUED.get();
    }

    /** The iteration last offered (−1: none). */
    long lastOffered() {
        return lastOffered;
    }

    /** The ridge risk evaluated so far (published: safe to read from any thread). */
    RiskSeries series() {
        return series;
    }

    private void evaluatePending() {
        uncount();
        evaluate(pending.getAndSet(null));
    }

    private void uncount() {
        if (counted.compareAndSet(true, false)) {
            QUEUED.decrementAndGet();
        }
    }

    private void evaluate(ModelState s) {
        if (s == null || cancelled) {
            return;
        }
        double r;
        // CPU time, not wall time: the low-priority thread may wait for a core, which costs the run nothing
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = cpu.getCurrentThreadCpuTime();
        try {
            r = Evaluation.evaluate(s, truth, protocol, seed, 1)
                    .get(protocol.mTests().get(0), Estimator.RIDGE).meanSquaredError();
        } catch (RuntimeException e) {
            return; // e.g. a diverged model: the curve simply stops
        } finally {
            long used = Math.max(1, cpu.getCurrentThreadCpuTime() - start);
            if (evaluationNanos.getAndAdd(used) == 0) {
                firstEvaluationNanos = used;
            }
        }
        if (Double.isFinite(r)) {
            series = series.plus(s.iteration(), r);
        }
    }

    /** CPU time spent evaluating so far. */
    long evaluationNanos() {
        return evaluationNanos.get();
    }

    /** Which tenth of a decade t falls in; t = 0 has its own slot. */
    private static long bucket(long t) {
        return t <= 0 ? -1 : (long) Math.floor(POINTS_PER_DECADE * Math.log10(t) + 1e-9);
    }
}
