package org.anilexplorer.app.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.BooleanSupplier;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.run.ExperimentView;
import org.anilexplorer.core.run.RiskSeries;
import org.anilexplorer.core.run.RunState;
import org.anilexplorer.core.run.RunView;
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

    /** The iteration every run has reached. */
    private static long iteration(LiveExperiment d) {
        return d.latest().runs().stream().mapToLong(RunView::iteration).min().orElse(0);
    }

    private static boolean ended(LiveExperiment d) {
        return d.latest().runs().stream().allMatch(r -> r.state().isFinal());
    }

    private static long simulationThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("anil-run")).count();
    }

    /** The step threads each run is built with, by how many runs the request has (the core count shared out). */
    private static List<Integer> threadsGiven(Params p, String... labels) throws Exception {
        List<Integer> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
        org.anilexplorer.core.run.DynamicsSource recording = (q, seed, t) -> {
            threads.add(t);
            return org.anilexplorer.core.run.DynamicsSource.FACTORY.create(q, seed, t);
        };
        int runs = labels.length * p.seeds();
        try (LiveExperiment d = new CoreExperimentLauncher(recording).open(request(p, labels))) {
            waitFor(() -> threads.size() == runs, "every run to be built");
        }
        return threads;
    }

    @Test
    void oneRunStepsOnEveryCoreAndACrowdedComparisonOnOneThreadEach() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        assertEquals(List.of(cores), threadsGiven(SMALL.with("seeds", "1"), "alone"),
                "a run alone gets every core, as on the command line");
        List<Integer> crowded = threadsGiven(SMALL.with("seeds", Integer.toString(cores)), "a", "b");
        assertEquals(2 * cores, crowded.size());
        assertTrue(crowded.stream().allMatch(t -> t == 1), "more runs than cores: one thread each, " + crowded);
    }

    @Test
    void runsStopAtTheLimitStepWhenPausedAndAreJoinedOnClose() throws Exception {
        LiveExperiment d = new CoreExperimentLauncher().open(request(SMALL, "a", "b"));
        try {
            Thread.sleep(100);
            assertEquals(0, iteration(d), "a new experiment waits for Play");
            assertTrue(d.isPaused());
            d.limitTo(50);
            d.resume();
            waitFor(() -> iteration(d) == 50, "every run at the limit");
            Thread.sleep(100);
            assertEquals(50, iteration(d));
            assertTrue(d.latest().runs().stream().allMatch(r -> r.iteration() <= 50), "no run went past the limit");
            d.pause();
            d.step(1);
            waitFor(() -> iteration(d) == 51, "one step");
            ExperimentView v = d.latest();
            assertEquals(List.of("a", "b"), v.labels());
            assertEquals(2, v.runsOf("a").size());
            assertTrue(d.isPaused());
            assertTrue(v.runsOf("a").get(0).series().size() >= 10);
        } finally {
            d.close();
        }
        waitFor(() -> simulationThreads() == 0, "the simulation threads to end");
    }

    @Test
    void anUnthrottledRunFinishes() throws Exception {
        try (LiveExperiment d = new CoreExperimentLauncher().open(request(SMALL, "only"))) {
            d.limitTo(Long.MAX_VALUE);
            d.resume();
            waitFor(() -> ended(d), "the end");
            assertTrue(d.latest().runs().stream().allMatch(r -> r.state() == RunState.FINISHED));
            assertEquals(400, iteration(d));
        }
    }

    @Test
    void aDivergingRunSaysWhy() throws Exception {
        Params unstable = SMALL.withAll(java.util.Map.of("alpha", "3", "beta", "3", "seeds", "1"));
        try (LiveExperiment d = new CoreExperimentLauncher().open(request(unstable, "unstable"))) {
            d.limitTo(Long.MAX_VALUE);
            d.resume();
            waitFor(() -> ended(d), "the end");
            RunView s = d.latest().runs().get(0);
            assertEquals(RunState.DIVERGED, s.state());
            assertFalse(s.reason().isEmpty());
            assertTrue(s.reason().contains("alpha"), s.reason());
        }
    }

    @Test
    void theRiskSeriesIsTheExactOneStepRiskOfTheEnginesOwnIterates() throws Exception {
        Params p = SMALL.withAll(java.util.Map.of("seeds", "1", "iterations", "250"));
        RunView s;
        try (LiveExperiment d = new CoreExperimentLauncher().open(request(p, "only"))) {
            d.limitTo(Long.MAX_VALUE);
            d.resume();
            waitFor(() -> ended(d), "the end");
            s = d.latest().runs().get(0);
        }
        RiskSeries risk = s.risk();
        assertEquals(250, risk.iteration(risk.size() - 1), "the last iteration has a risk point");
        // and equal to the closed form evaluated on an independent replay of the same run (same seed, bit-identical)
        try (org.anilexplorer.core.algo.Dynamics replay = org.anilexplorer.core.algo.DynamicsFactory.create(p, s.seed(), 1)) {
            while (replay.iteration() < 250) {
                replay.step();
            }
            var state = replay.state();
            double expected = org.anilexplorer.core.theory.OneStepRisk.expectedSquaredError(state.b(), state.w(),
                    replay.truth(), p.alpha(), p.mTest().get(0));
            assertEquals(expected, risk.oneStepGd(risk.size() - 1), 1e-12 * expected);
        }
    }

    @Test
    void anUpdateReplacesOnlyTheChangedMethodWhichThenKeepsPaceWithoutHoldingTheOthersBack() throws Exception {
        Params p = SMALL.withAll(java.util.Map.of("seeds", "1", "iterations", "100000"));
        LiveExperiment d = new CoreExperimentLauncher().open(request(p, "a", "b"));
        try {
            d.limitTo(200);
            d.resume();
            waitFor(() -> iteration(d) == 200, "both runs at 200");
            Params faster = p.with("alpha", "0.2");
            assertTrue(d.update(new ExperimentRequest(p, List.of(new ResolvedMethod("a", 0, p),
                    new ResolvedMethod("b, α = 0.2", 1, faster)))));
            d.limitAhead(100);
            waitFor(() -> d.latest().runsOf("b, α = 0.2").size() == 1
                    && d.latest().runsOf("b, α = 0.2").get(0).iteration() == 100, "the new b at 100");
            waitFor(() -> d.latest().runsOf("a").get(0).iteration() == 300, "a at 300");
            Thread.sleep(100);
            assertEquals(300, d.latest().runsOf("a").get(0).iteration(),
                    "a kept its run and went 100 past the clock, not back to 0 nor held at 200");
            assertEquals(100, d.latest().runsOf("b, α = 0.2").get(0).iteration(), "b restarted at 0, same pace");
            assertEquals(List.of("a", "b, α = 0.2"), d.latest().labels(), "the old b is gone from the view");

            // a relabel only: nothing restarts
            assertTrue(d.update(new ExperimentRequest(p, List.of(new ResolvedMethod("A", 0, p),
                    new ResolvedMethod("b, α = 0.2", 1, faster)))));
            assertEquals(300, d.latest().runsOf("A").get(0).iteration());
        } finally {
            d.close();
        }
        waitFor(() -> simulationThreads() == 0, "every run, the replaced one included, joined");
    }

    /**
     * The same preset with the same seed gives the same test-risk curves, point for point, however the window paced
     * the runs (unthrottled, a few iterations per frame, paused and stepped): the runs record the risk themselves on
     * a fixed schedule, so nothing depends on how fast the window asked for it.
     */
    @Test
    void identicalRunsGiveIdenticalRiskCurvesWhateverThePacing() throws Exception {
        Params p = Params.defaults().withAll(java.util.Map.of("d", "12", "k", "2", "k_prime", "12", "tasks", "40",
                "m_in", "10", "m_out", "10", "iterations", "600", "seeds", "2"));
        List<List<RiskSeries>> curves = new java.util.ArrayList<>();
        for (int pacing = 0; pacing < 3; pacing++) {
            try (LiveExperiment d = new CoreExperimentLauncher().open(request(p, "a", "b"))) {
                if (pacing == 0) {
                    d.limitTo(Long.MAX_VALUE);
                    d.resume();
                } else if (pacing == 1) {
                    d.resume();
                    for (long limit = 7; !ended(d); limit += 7) {
                        d.limitTo(limit);
                        Thread.sleep(1);
                    }
                } else {
                    d.step(123);
                    waitFor(() -> iteration(d) == 123, "the steps");
                    d.limitTo(Long.MAX_VALUE);
                    d.resume();
                }
                waitFor(() -> ended(d), "the end");
                curves.add(d.latest().runs().stream().map(RunView::risk).toList());
            }
        }
        assertTrue(curves.get(0).stream().allMatch(r -> r.size() > 5 && r.hasRidge()), "risk curves with ridge");
        assertEquals(curves.get(0), curves.get(1));
        assertEquals(curves.get(0), curves.get(2));
    }

    /** Two runs whose task pools do not fit in memory together run one after the other, whatever the core count. */
    @Test
    void runsWhosePoolsDoNotFitTogetherTakeTurns() {
        long perTask = 2000L * 2001 * 8; // m_in + m_out = 2000 rows of d + 1 doubles
        long tasks = (long) (0.3 * Runtime.getRuntime().maxMemory() / perTask) + 1; // a pool of 30 % of the heap
        Params big = Params.defaults().withAll(java.util.Map.of("d", "2000", "k", "5", "k_prime", "5",
                "tasks", Long.toString(tasks), "m_in", "1000", "m_out", "1000", "seeds", "2"));
        assertEquals(1, CoreExperimentLauncher.parallelRuns(request(big, "a"), 2));
        assertEquals(2, CoreExperimentLauncher.parallelRuns(request(SMALL, "a"), 2));
        assertTrue(new CoreExperimentLauncher().refusal(request(big, "a")).isEmpty(), "each pool alone fits");
    }

    @Test
    void methodsWhosePoolsDoNotFitTogetherTakeTurns() throws Exception {
        // pools far beyond the heap share (never allocated: the stand-in dynamics holds no tasks), so each needs it all
        Params huge = SMALL.withAll(java.util.Map.of("tasks", "1000000", "m_in", "100000", "m_out", "100000",
                "iterations", "40", "seeds", "1"));
        java.util.concurrent.atomic.AtomicInteger live = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger mostLive = new java.util.concurrent.atomic.AtomicInteger();
        org.anilexplorer.core.run.DynamicsSource counting = (p, seed, threads) -> {
            mostLive.accumulateAndGet(live.incrementAndGet(), Math::max);
            org.anilexplorer.core.algo.Dynamics toy = org.anilexplorer.testing.ToyDynamics.slow(p, seed, 1_000_000);
            return new org.anilexplorer.core.algo.ForwardingDynamics() {
                @Override
                public org.anilexplorer.core.algo.Dynamics delegate() {
                    return toy;
                }

                @Override
                public void close() {
                    live.decrementAndGet();
                    toy.close();
                }
            };
        };
        try (LiveExperiment d = new CoreExperimentLauncher(counting).open(request(huge, "a", "b", "c"))) {
            d.limitTo(Long.MAX_VALUE);
            d.resume();
            waitFor(() -> ended(d), "every method's run to end");
            assertTrue(d.latest().runs().stream().allMatch(r -> r.state() == RunState.FINISHED));
        }
        assertEquals(1, mostLive.get(), "one pool at a time, across methods");
    }
}
