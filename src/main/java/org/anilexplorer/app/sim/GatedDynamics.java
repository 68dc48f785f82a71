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
    private volatile RiskSeries risk;

    /**
     * @param schedule the iterations at which the run records; the 1-GD test risk is computed at the same ones
     *                 (null: no risk series, e.g. for the non-meta-learning baselines)
     */
    GatedDynamics(Dynamics inner, IterationGate gate, RecordingSchedule schedule) {
        this.inner = inner;
        this.pass = gate.newPass();
        this.schedule = schedule;
        this.mTest = inner.params().mTest().get(0);
        this.risk = new RiskSeries(mTest, new long[0], new double[0]);
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
        inner.step();
        recordRisk();
    }

    /** The test risk recorded so far (published: safe to read from any thread). */
    RiskSeries risk() {
        return risk;
    }

    /** At record times: the exact expected 1-GD risk of the current (B, w) on a fresh task (math spec §5.5). */
    private void recordRisk() {
        long t = inner.iteration();
        if (schedule == null || !(schedule.records(t) || t == inner.params().iterations())) {
            return;
        }
        ModelState s = inner.state();
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

    @Override
    public void close() {
        pass.release();
        inner.close();
    }
}
