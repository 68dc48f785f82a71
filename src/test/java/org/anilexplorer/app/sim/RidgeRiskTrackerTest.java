package org.anilexplorer.app.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.anilexplorer.core.algo.DynamicsFactory;
import org.anilexplorer.core.algo.ModelState;
import org.anilexplorer.core.eval.Estimator;
import org.anilexplorer.core.eval.Evaluation;
import org.anilexplorer.core.metrics.RecordingSchedule;
import org.anilexplorer.core.params.Params;
import org.junit.jupiter.api.Test;

/** The ridge-on-learned-features curve of the test-risk chart, without a toolkit and without threads. */
class RidgeRiskTrackerTest {

    private static final Params SMALL = Params.defaults().withAll(Map.of(
            "d", "8", "k", "2", "k_prime", "4", "tasks", "inf", "iterations", "600", "m_test", "10"));

    /** Runs the dynamics to the end with evaluations on the calling thread; returns the states offered, in order. */
    private static List<ModelState> run(GatedDynamics g) {
        List<ModelState> states = new ArrayList<>();
        states.add(g.state());
        while (g.iteration() < SMALL.iterations()) {
            g.step();
            states.add(g.state());
        }
        return states;
    }

    private static GatedDynamics gated(Params p, long seed) {
        IterationGate gate = new IterationGate();
        gate.open();
        return new GatedDynamics(DynamicsFactory.create(p, seed, 1), gate, RecordingSchedule.DEFAULT, true, seed,
                Runnable::run, Double.POSITIVE_INFINITY);
    }

    @Test
    void ridgeRiskIsFiniteFallsWithTrainingAndIsCoreEvalOnTheSameStateAndTasks() {
        long seed = SMALL.seedOf(0);
        try (GatedDynamics g = gated(SMALL, seed)) {
            List<ModelState> states = run(g);
            RiskSeries ridge = g.ridgeRisk();
            assertTrue(ridge.size() >= 10, "about ten points per decade over 600 iterations, got " + ridge.size());
            assertTrue(ridge.size() <= 40, "thinned, got " + ridge.size());
            assertEquals(0, ridge.iteration(0), "the initial model is on the curve");
            assertEquals(SMALL.iterations(), ridge.iteration(ridge.size() - 1), "so is the trained one");
            for (int i = 0; i < ridge.size(); i++) {
                assertTrue(Double.isFinite(ridge.risk(i)) && ridge.risk(i) > 0);
                if (i > 0) {
                    assertTrue(ridge.iteration(i) > ridge.iteration(i - 1));
                }
            }
            assertTrue(ridge.risk(ridge.size() - 1) < 0.5 * ridge.risk(0),
                    "training improves ridge on the learned features: " + ridge.risk(0) + " → "
                            + ridge.risk(ridge.size() - 1));
            // every point is core.eval's ridge, run independently on the same state and the same 200 tasks
            for (int i = 0; i < ridge.size(); i++) {
                ModelState s = states.get((int) ridge.iteration(i));
                double expected = Evaluation.evaluate(s, g.truth(), RidgeRiskTracker.protocol(SMALL), seed, 2)
                        .get(10, Estimator.RIDGE).meanSquaredError();
                assertEquals(expected, ridge.risk(i), 0.0, "iteration " + ridge.iteration(i));
            }
            assertEquals(10, ridge.mTest());
            assertEquals(200, RidgeRiskTracker.protocol(SMALL).testTasks());
        }
    }

    @Test
    void burerMonteiroGetsRidgeButNoOneStepCurve() {
        Params bm = SMALL.withAll(Map.of("algorithm", "burer-monteiro", "tasks", "40"));
        IterationGate gate = new IterationGate();
        gate.open();
        try (GatedDynamics g = new GatedDynamics(DynamicsFactory.create(bm, 3, 1), gate, RecordingSchedule.DEFAULT,
                bm.algorithm().hasOneStepGdRisk(), 3, Runnable::run, Double.POSITIVE_INFINITY)) {
            for (int i = 0; i < 50; i++) {
                g.step();
            }
            assertEquals(0, g.risk().size());
            assertTrue(g.ridgeRisk().size() > 0);
        }
    }

    @Test
    void aStateNotYetEvaluatedIsReplacedByTheNewerOne() {
        List<Runnable> queued = new ArrayList<>();
        IterationGate gate = new IterationGate();
        gate.open();
        try (GatedDynamics g = new GatedDynamics(DynamicsFactory.create(SMALL, 5, 1), gate, RecordingSchedule.DEFAULT,
                true, 5, queued::add, Double.POSITIVE_INFINITY)) {
            for (int i = 0; i < 4; i++) { // t = 0..4 are each in a tenth of a decade of their own
                g.step();
            }
            assertEquals(1, queued.size(), "one evaluation queued for the run, however many states were offered");
            queued.get(0).run();
            assertEquals(1, g.ridgeRisk().size());
            assertEquals(4, g.ridgeRisk().iteration(0), "the newest state was evaluated, the stale ones dropped");
        }
    }

    @Test
    void overBudgetPointsAreSkippedButTheLastIterationIsAlwaysEvaluated() {
        IterationGate gate = new IterationGate();
        gate.open();
        try (GatedDynamics g = new GatedDynamics(DynamicsFactory.create(SMALL, 7, 1), gate, RecordingSchedule.DEFAULT,
                true, 7, Runnable::run, 0.0)) {
            run(g);
            RiskSeries ridge = g.ridgeRisk();
            assertArrayEquals(new long[] {0, SMALL.iterations()}, ridge.iterations(),
                    "with no budget: the first point (not charged: cold code) and the last one");
        }
    }
}
