package org.anilexplorer.core.run;

import org.anilexplorer.core.algo.Dynamics;
import org.anilexplorer.core.algo.ModelState;
import org.anilexplorer.core.eval.Estimator;
import org.anilexplorer.core.eval.Evaluation;
import org.anilexplorer.core.eval.TestProtocol;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.theory.OneStepRisk;

/**
 * Records one run's {@link RiskSeries} from its states, on the run's thread: written by that thread only, read by
 * anyone through {@link #series()}. Deterministic: the points are fixed by {@link RiskRecording} and the ridge test
 * tasks by the run's seed.
 */
final class RiskRecorder {

    private final RiskRecording recording;
    private final long seed;
    private final long last;
    private final boolean oneStep;
    private final TestProtocol ridge;
    private long next;
    private long nextRidge;
    private volatile RiskSeries series;

    RiskRecorder(RiskRecording recording, Params p, long seed) {
        this.recording = recording;
        this.seed = seed;
        this.last = p.iterations();
        this.oneStep = p.algorithm().hasOneStepGdRisk();
        this.ridge = recording.ridgeTestTasks() > 0 ? recording.ridgeProtocol(p) : null;
        this.series = recording.enabled() ? empty(p) : RiskSeries.EMPTY;
        this.next = 0;
        this.nextRidge = recording.ridgeSchedule() == null ? Long.MAX_VALUE : 0;
    }

    /** Records the risk of the dynamics' current state if its iteration is due. */
    void offer(Dynamics dynamics) {
        long t = dynamics.iteration();
        if (!recording.enabled() || (t < next && t != last)) {
            return;
        }
        next = recording.schedule().next(t);
        boolean ridgeDue = ridge != null && (t >= nextRidge || t == last);
        if (ridgeDue && recording.ridgeSchedule() != null) {
            nextRidge = recording.ridgeSchedule().next(t);
        } else if (ridgeDue) {
            nextRidge = Long.MAX_VALUE;
        }
        ModelState s = dynamics.state();
        Params p = dynamics.params();
        RiskSeries current = series;
        int[] mTests = current.mTests();
        double[] gd = new double[mTests.length];
        double[] r = new double[mTests.length];
        // every m_test on the same test tasks, in one evaluation: the tasks are drawn once, the fits differ in size
        org.anilexplorer.core.eval.EvaluationReport report = ridgeDue
                ? Evaluation.evaluate(s, dynamics.truth(), ridge, seed, 1) : null;
        for (int j = 0; j < mTests.length; j++) {
            gd[j] = oneStep ? OneStepRisk.expectedSquaredError(s.b(), s.w(), dynamics.truth(), p.alpha(), mTests[j])
                    : Double.NaN;
            r[j] = report == null ? Double.NaN : report.get(mTests[j], Estimator.RIDGE).meanSquaredError();
        }
        series = current.plus(t, gd, r);
    }

    /** No points yet, for every m_test of {@code p}. */
    private static RiskSeries empty(Params p) {
        int[] mTests = p.mTest().stream().mapToInt(Integer::intValue).toArray();
        return new RiskSeries(mTests, new long[0], new double[mTests.length][0], new double[mTests.length][0]);
    }

    RiskSeries series() {
        return series;
    }

    /** Where the recorder stands: what it recorded and the next iterations it records at. */
    record Position(RiskSeries series, long next, long nextRidge) {
    }

    Position position() {
        return new Position(series, next, nextRidge);
    }

    /** Continues from a position taken by a recorder of the same recording (a {@link RunCheckpoint}). */
    void resume(RiskSeries recorded, long nextRisk, long nextRidgeRisk) {
        series = recording.enabled() ? recorded.withMTests(series.mTests()) : recorded;
        next = nextRisk;
        nextRidge = nextRidgeRisk;
    }
}
