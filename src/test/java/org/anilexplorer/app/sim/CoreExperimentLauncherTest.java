package org.anilexplorer.app.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.BooleanSupplier;
import org.anilexplorer.app.viewmodel.ExperimentRequest;
import org.anilexplorer.app.viewmodel.ResolvedMethod;
import org.anilexplorer.core.params.Params;
import org.junit.jupiter.api.Test;

/** The bridge against the real engine, on problems small enough to take milliseconds. */
class CoreExperimentLauncherTest {

    private static final Params SMALL = Params.defaults().withAll(java.util.Map.of(
            "d", "6", "k", "2", "k_prime", "6", "tasks", "inf", "iterations", "400", "seeds", "2"));

    private static ExperimentRequest request(Params p, String... labels) {
        List<ResolvedMethod> methods = new java.util.ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            methods.add(new ResolvedMethod(labels[i], i, p));
        }
        return new ExperimentRequest(p, methods);
    }

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    private static long simulationThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("anil-run")).count();
    }

    @Test
    void runsStopAtTheLimitStepWhenPausedAndAreJoinedOnClose() throws Exception {
        ExperimentDriver d = new CoreExperimentLauncher().open(request(SMALL, "a", "b"));
        try {
            Thread.sleep(100);
            assertEquals(0, d.latest().iteration(), "a new experiment waits for Play");
            d.limitTo(50);
            d.resume();
            waitFor(() -> d.latest().iteration() == 50, "every run at the limit");
            Thread.sleep(100);
            assertEquals(50, d.latest().iteration());
            assertTrue(d.latest().methods().stream().flatMap(m -> m.seeds().stream())
                    .allMatch(s -> s.lastIteration() <= 50), "no run went past the limit");
            d.pause();
            d.step(1);
            waitFor(() -> d.latest().iteration() == 51, "one step");
            ExperimentView v = d.latest();
            assertEquals(2, v.methods().size());
            assertEquals(2, v.methods().get(0).seeds().size());
            assertEquals(RunStatus.PAUSED, v.status());
            assertTrue(v.methods().get(0).seeds().get(0).snapshots().size() >= 10);
        } finally {
            d.close();
        }
        waitFor(() -> simulationThreads() == 0, "the simulation threads to end");
    }

    @Test
    void anUnthrottledRunFinishes() throws Exception {
        try (ExperimentDriver d = new CoreExperimentLauncher().open(request(SMALL, "only"))) {
            d.limitTo(Long.MAX_VALUE);
            d.resume();
            waitFor(() -> d.latest().status().isTerminal(), "the end");
            assertEquals(RunStatus.FINISHED, d.latest().status());
            assertEquals(400, d.latest().iteration());
        }
    }

    @Test
    void aDivergingRunSaysWhy() throws Exception {
        Params unstable = SMALL.withAll(java.util.Map.of("alpha", "3", "beta", "3", "seeds", "1"));
        try (ExperimentDriver d = new CoreExperimentLauncher().open(request(unstable, "unstable"))) {
            d.limitTo(Long.MAX_VALUE);
            d.resume();
            waitFor(() -> d.latest().status().isTerminal(), "the end");
            ExperimentView v = d.latest();
            assertEquals(RunStatus.DIVERGED, v.status());
            SeedSeries s = v.methods().get(0).seeds().get(0);
            assertFalse(s.reason().isEmpty());
            assertTrue(s.reason().contains("alpha"), s.reason());
        }
    }

    @Test
    void anUnchangedExperimentKeepsItsViewVersion() throws Exception {
        try (ExperimentDriver d = new CoreExperimentLauncher().open(request(SMALL, "only"))) {
            d.limitTo(10);
            d.resume();
            waitFor(() -> d.latest().iteration() == 10, "the limit");
            Thread.sleep(50);
            long v = d.latest().version();
            Thread.sleep(50);
            assertEquals(v, d.latest().version());
        }
    }

    @Test
    void theRiskSeriesIsTheExactOneStepRiskOfTheEnginesOwnIterates() throws Exception {
        Params p = SMALL.withAll(java.util.Map.of("seeds", "1", "iterations", "250"));
        ExperimentView v;
        try (ExperimentDriver d = new CoreExperimentLauncher().open(request(p, "only"))) {
            d.limitTo(Long.MAX_VALUE);
            d.resume();
            waitFor(() -> d.latest().status().isTerminal(), "the end");
            v = d.latest();
        }
        SeedSeries s = v.methods().get(0).seeds().get(0);
        RiskSeries risk = s.risk();
        // recorded at the same iterations as the snapshots
        assertEquals(s.snapshots().size(), risk.size());
        for (int i = 0; i < risk.size(); i++) {
            assertEquals(s.snapshots().get(i).iteration(), risk.iteration(i));
        }
        // and equal to the closed form evaluated on an independent replay of the same run (same seed, bit-identical)
        try (org.anilexplorer.core.algo.Dynamics replay = org.anilexplorer.core.algo.DynamicsFactory.create(p, s.seed(), 1)) {
            while (replay.iteration() < 250) {
                replay.step();
            }
            var state = replay.state();
            double expected = org.anilexplorer.core.theory.OneStepRisk.expectedSquaredError(state.b(), state.w(),
                    replay.truth(), p.alpha(), p.mTest().get(0));
            assertEquals(expected, risk.risk(risk.size() - 1), 1e-12 * expected);
        }
    }
}
