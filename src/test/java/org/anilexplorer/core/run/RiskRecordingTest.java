package org.anilexplorer.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.anilexplorer.core.algo.Dynamics;
import org.anilexplorer.core.algo.DynamicsFactory;
import org.anilexplorer.core.algo.ModelState;
import org.anilexplorer.core.eval.Estimator;
import org.anilexplorer.core.eval.Evaluation;
import org.anilexplorer.core.metrics.RecordingSchedule;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.theory.OneStepRisk;
import org.junit.jupiter.api.Test;

/** The test risk over iterations is recorded by the run itself, on a fixed schedule, from its states. */
class RiskRecordingTest {

    private static final Params SMALL = Params.defaults().withAll(Map.of("d", "10", "k", "2", "k_prime", "10",
            "tasks", "inf", "m_in", "10", "m_out", "10", "alpha", "0.2", "beta", "0.2", "iterations", "300",
            "m_test", "20"));

    private static RunView run(Params p, RunOptions options) {
        return new Run(Variant.of(p), p.seed(), 1, DynamicsSource.FACTORY, options).execute(new RunControl());
    }

    @Test
    void pointsFollowTheRiskScheduleWhateverTheSnapshotSchedule() {
        RunView coarse = run(SMALL, RunOptions.DEFAULT.withSchedule(new RecordingSchedule(50, 60)));
        RunView fine = run(SMALL, RunOptions.DEFAULT);
        assertEquals(RunState.FINISHED, coarse.state());
        List<Long> expected = new ArrayList<>();
        RecordingSchedule s = RiskRecording.DEFAULT.schedule();
        for (long t = 0; t <= 300; t = s.next(t)) {
            expected.add(t);
        }
        if (expected.get(expected.size() - 1) != 300) {
            expected.add(300L);
        }
        List<Long> got = new ArrayList<>();
        for (long t : coarse.risk().iterations()) {
            got.add(t);
        }
        assertEquals(expected, got);
        assertEquals(coarse.risk(), fine.risk(), "a preset and a seed give one risk curve");
        assertEquals(run(SMALL, RunOptions.DEFAULT).risk(), fine.risk(), "and the same again");
    }

    @Test
    void valuesAreTheExactOneStepRiskAndRidgeOfTheStateAtThatIteration() {
        RunView v = run(SMALL, RunOptions.DEFAULT);
        RiskSeries r = v.risk();
        assertEquals(20, r.mTest());
        try (Dynamics d = DynamicsFactory.create(SMALL, SMALL.seed(), 1)) {
            for (int i = 0; i < r.size(); i++) {
                while (d.iteration() < r.iteration(i)) {
                    d.step();
                }
                ModelState s = d.state();
                double gd = OneStepRisk.expectedSquaredError(s.b(), s.w(), d.truth(), SMALL.alpha(), 20);
                assertEquals(gd, r.oneStepGd(i), 1e-12 * gd, "1-GD at t = " + r.iteration(i));
                if (i == r.size() - 1) {
                    double ridge = Evaluation.evaluate(s, d.truth(),
                            RiskRecording.DEFAULT.ridgeProtocol(SMALL), SMALL.seed(), 1)
                            .get(20, Estimator.RIDGE).meanSquaredError();
                    assertEquals(ridge, r.ridge(i), 1e-12 * ridge, "ridge at the last iteration");
                }
            }
        }
        assertTrue(r.oneStepGd(r.size() - 1) < r.oneStepGd(0), "learning lowers the 1-GD risk");
    }

    @Test
    void everyMTestIsRecordedAtTheSameIterationsAndEachColumnIsThatMTestsOwnRisk() {
        Params both = SMALL.with("m_test", "20,30");
        RiskSeries r = run(both, RunOptions.DEFAULT).risk();
        assertEquals(List.of(20, 30), java.util.Arrays.stream(r.mTests()).boxed().toList());
        RiskSeries only30 = run(SMALL.with("m_test", "30"), RunOptions.DEFAULT).risk();
        RiskSeries only20 = run(SMALL, RunOptions.DEFAULT).risk();
        assertEquals(only30.size(), r.size());
        for (int i = 0; i < r.size(); i++) {
            assertEquals(only30.iteration(i), r.iteration(i));
            // 1-GD is a closed form of the state: the same bits whichever other m_test is recorded beside it
            assertEquals(only20.oneStepGd(i), r.oneStepGd(0, i), 0.0);
            assertEquals(only30.oneStepGd(i), r.oneStepGd(1, i), 0.0);
            assertTrue(r.oneStepGd(1, i) < r.oneStepGd(0, i), "more test samples, lower risk at t = " + r.iteration(i));
            // ridge on the same test tasks (drawn once with max(m_test) rows): the largest m_test is unchanged
            assertEquals(Double.doubleToRawLongBits(only30.ridge(i)), Double.doubleToRawLongBits(r.ridge(1, i)));
            assertEquals(Double.isNaN(r.ridge(0, i)), Double.isNaN(r.ridge(1, i)), "ridge points together");
        }
        assertEquals(only30, r.forMTest(1));
    }

    @Test
    void methodsWithoutAHeadStepHaveRidgeOnly() {
        Params bm = SMALL.withAll(Map.of("algorithm", "burer-monteiro", "tasks", "40", "beta", "1",
                "iterations", "50"));
        RiskSeries r = run(bm, RunOptions.DEFAULT).risk();
        assertFalse(r.hasOneStepGd());
        assertTrue(r.hasRidge());
    }

    @Test
    void noneRecordsNothing() {
        assertEquals(0, run(SMALL, RunOptions.DEFAULT.withRisk(RiskRecording.NONE)).risk().size());
    }
}
