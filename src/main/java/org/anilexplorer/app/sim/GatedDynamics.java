package org.anilexplorer.app.sim;

import org.anilexplorer.core.algo.Dynamics;
import org.anilexplorer.core.algo.ModelState;
import org.anilexplorer.core.metrics.RecordingSchedule;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.problem.GroundTruth;
import org.anilexplorer.core.theory.OneStepRisk;

/**
 * A dynamics that waits at an {@link IterationGate} before each step: how the app throttles, pauses and single-steps
 * runs that the simulation package drives on its own threads. At the run's record times it also evaluates the exact
 * expected test risk of the 1-GD estimator (the state is only at hand here). Everything else is passed through
 * unchanged, closing included (finite-task dynamics own worker threads).
 */
final class GatedDynamics implements Dynamics {

    private final Dynamics inner;
    private final IterationGate.Pass pass;
    private final RecordingSchedule schedule;
    private final int mTest;
    private final boolean oneStepGd;
    private final RidgeRiskTracker ridge;
    private volatile RiskSeries risk;
    /** Time spent in the inner dynamics' steps (the ridge evaluations' budget is a share of it). */
    private long stepNanos;

    /**
     * @param schedule  the iterations at which the run records; the test risks are computed at (a thinned subset
     *                  of) the same ones
     * @param oneStepGd whether to record the 1-GD risk (the meta-learning methods' own test-time estimator)
     * @param seed      the run's seed: the ridge curve's test tasks are drawn from it
     * @param ridgeExecutor where the ridge evaluations run (null: no ridge series)
     * @param ridgeBudget   largest share of the run's step time the ridge evaluations may take
     */
    GatedDynamics(Dynamics inner, IterationGate gate, RecordingSchedule schedule, boolean oneStepGd, long seed,
                  java.util.concurrent.Executor ridgeExecutor, double ridgeBudget) {
        this.inner = inner;
        this.pass = gate.newPass();
        this.schedule = schedule;
        this.oneStepGd = oneStepGd;
        this.mTest = inner.params().mTest().get(0);
        this.risk = new RiskSeries(mTest, new long[0], new double[0]);
        this.ridge = ridgeExecutor == null ? null
                : new RidgeRiskTracker(inner.params(), inner.truth(), seed, ridgeExecutor, ridgeBudget);
        recordRisk();
    }

    @Override
    public void step() {
        try {
            pass.await(inner.iteration());
        } catch (InterruptedException e) {
            // the run is being torn down: keep the interrupt for its own checks, and still take the step it asked for
            Thread.currentThread().interrupt();
        }
        long start = System.nanoTime();
        inner.step();
        stepNanos += System.nanoTime() - start;
        recordRisk();
    }

    /** The test risk recorded so far (published: safe to read from any thread). */
    RiskSeries risk() {
        return risk;
    }

    /** Ridge on the learned features at (a thinned subset of) the record times, as far as evaluated. */
    RiskSeries ridgeRisk() {
        return ridge == null ? RiskSeries.EMPTY : ridge.series();
    }

    /** Time the ridge evaluations have taken so far. */
    long ridgeEvaluationNanos() {
        return ridge == null ? 0 : ridge.evaluationNanos();
    }

    /**
     * At record times: the exact expected 1-GD risk of the current (B, w) on a fresh task (docs/math.md §4.4), and, at
     * about ten of them per decade, ridge on the learned features (evaluated elsewhere).
     */
    private void recordRisk() {
        long t = inner.iteration();
        if (schedule == null || !(schedule.records(t) || t == inner.params().iterations())) {
            return;
        }
        boolean ridgeDue = ridge != null && ridge.due(t, stepNanos);
        if (!oneStepGd && !ridgeDue) {
            return;
        }
        ModelState s = inner.state();
        if (ridgeDue) {
            ridge.offer(s);
        }
        if (!oneStepGd) {
            return;
        }
        double r = OneStepRisk.expectedSquaredError(s.b(), s.w(), inner.truth(), inner.params().alpha(), mTest);
        if (Double.isFinite(r)) {
            risk = risk.plus(t, r);
        }
    }

    @Override
    public Params params() {
        return inner.params();
    }

    @Override
    public GroundTruth truth() {
        return inner.truth();
    }

    @Override
    public long iteration() {
        return inner.iteration();
    }

    @Override
    public ModelState state() {
        return inner.state();
    }

    @Override
    public double trainingLoss() {
        return inner.trainingLoss();
    }

    @Override
    public double magnitude() {
        return inner.magnitude();
    }

    @Override
    public double flopsPerIteration() {
        return inner.flopsPerIteration();
    }

    /** The run was cancelled (Reset, new parameters): its pending and final ridge evaluations are dropped. */
    void cancel() {
        if (ridge != null) {
            ridge.cancel();
        }
    }

    @Override
    public void close() {
        // a run that stopped early (converged) still gets its last state on the ridge curve; a cancelled one not
        if (ridge != null && !ridge.isCancelled() && ridge.lastOffered() < inner.iteration()) {
            try {
                ridge.offer(inner.state());
            } catch (RuntimeException e) {
                // nothing to add: the state is unreadable (e.g. the run failed)
            }
        }
        pass.release();
        inner.close();
    }
}
