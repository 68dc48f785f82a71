package org.anilexplorer.core.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.anilexplorer.core.metrics.Snapshot;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.testing.ToyDynamics;
import org.junit.jupiter.api.Test;

class ExperimentTest {

    private static final Duration TICK = Duration.ofMillis(20);

    private static List<Variant> twoMethods(Params p) {
        return List.of(new Variant("slow", p.with("beta", "0.05")), new Variant("fast", p.with("beta", "0.2")));
    }

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(2);
        }
    }

    @Test
    void sameSeedsGiveIdenticalSeriesWhateverTheScheduling() throws Exception {
        Params p = RunTest.small().with("iterations", "300");
        ExperimentView a;
        ExperimentView b;
        try (Experiment e = new Experiment(twoMethods(p), 3, ToyDynamics::create, RunOptions.DEFAULT, 2, TICK)) {
            e.start();
            a = e.await();
        }
        try (Experiment e = new Experiment(twoMethods(p), 3, ToyDynamics::create, RunOptions.DEFAULT, 1, TICK)) {
            e.start();
            b = e.await();
        }
        assertTrue(a.allSucceeded() && b.allSucceeded());
        assertEquals(List.of("slow", "fast"), a.labels());
        assertEquals(6, a.runs().size());
        for (int r = 0; r < 6; r++) {
            RunView x = a.runs().get(r);
            RunView y = b.runs().get(r);
            assertEquals(x.label(), y.label());
            assertEquals(x.seed(), y.seed());
            assertEquals(x.series().size(), y.series().size());
            for (int i = 0; i < x.series().size(); i++) {
                Snapshot s = x.series().get(i);
                Snapshot t = y.series().get(i);
                assertEquals(s.iteration(), t.iteration());
                assertArrayEquals(s.sv2Star(), t.sv2Star(), 0.0);
                assertArrayEquals(s.sv2Perp(), t.sv2Perp(), 0.0);
            }
        }
        // seeds p.seed, p.seed+1, p.seed+2, shared by both methods
        assertEquals(List.of(p.seed(), p.seed(), p.seed() + 1, p.seed() + 1, p.seed() + 2, p.seed() + 2),
                a.runs().stream().map(RunView::seed).toList());
        assertFalse(java.util.Arrays.equals(a.runsOf("slow").get(0).series().get(1).sv2Perp(),
                a.runsOf("slow").get(1).series().get(1).sv2Perp()), "different seeds must differ");
    }

    @Test
    void threadBudgetKeepsTotalNearTheCoreCount() throws Exception {
        List<Integer> budgets = Collections.synchronizedList(new ArrayList<>());
        DynamicsSource recording = (q, seed, threads) -> {
            budgets.add(threads);
            return ToyDynamics.create(q, seed, threads);
        };
        Params p = RunTest.small().with("iterations", "5");
        try (Experiment e = new Experiment(List.of(Variant.of(p)), 1, recording, RunOptions.DEFAULT, 2, TICK)) {
            assertEquals(1, e.parallelRuns());
            e.start();
            e.await();
        }
        assertEquals(List.of(2), budgets);
        budgets.clear();
        try (Experiment e = new Experiment(twoMethods(p), 3, recording, RunOptions.DEFAULT, 2, TICK)) {
            assertEquals(2, e.parallelRuns());
            e.start();
            e.await();
        }
        assertEquals(Collections.nCopies(6, 1), budgets);
        try (Experiment e = new Experiment(twoMethods(p), 2, recording, RunOptions.DEFAULT, 8, TICK)) {
            assertEquals(4, e.parallelRuns());
            assertTrue(e.runs().stream().allMatch(r -> r.threads() == 2));
        }
    }

    @Test
    void pauseHoldsEveryRunAndResumeContinues() throws Exception {
        Params p = RunTest.small().with("iterations", "100000000");
        try (Experiment e = new Experiment(twoMethods(p), 1,
                (q, seed, threads) -> ToyDynamics.slow(q, seed, 20_000), RunOptions.DEFAULT, 2, TICK)) {
            e.start();
            waitFor(() -> e.view().runs().stream().allMatch(r -> r.iteration() > 10), "both runs to start");
            e.pause();
            waitFor(() -> e.view().runs().stream().allMatch(r -> r.state() == RunState.PAUSED), "both runs to park");
            long held = e.view().progress().iterations();
            Thread.sleep(100);
            assertEquals(held, e.view().progress().iterations(), "no iteration while paused");
            e.resume();
            waitFor(() -> e.view().progress().iterations() > held + 20, "progress after resume");
            // each run publishes its state when its worker wakes, so wait for all of them rather than sample once
            waitFor(() -> e.view().runs().stream().allMatch(r -> r.state() == RunState.RUNNING), "every run to resume");
            e.cancel();
            ExperimentView done = e.await();
            assertTrue(done.runs().stream().allMatch(r -> r.state() == RunState.CANCELLED));
            assertTrue(done.done());
        }
    }

    @Test
    void cancelWhilePausedStopsAndQueuedRunsNeverStart() throws Exception {
        Params p = RunTest.small().with("iterations", "100000000");
        try (Experiment e = new Experiment(List.of(Variant.of(p)), 3,
                (q, seed, threads) -> ToyDynamics.slow(q, seed, 20_000), RunOptions.DEFAULT, 1, TICK)) {
            e.start();
            waitFor(() -> e.view().runs().get(0).iteration() > 0, "first run to start");
            e.pause();
            waitFor(() -> e.view().runs().get(0).state() == RunState.PAUSED, "first run to park");
            e.cancel();
            ExperimentView done = e.await();
            assertTrue(done.runs().stream().allMatch(r -> r.state() == RunState.CANCELLED));
            assertEquals(0, done.runs().get(1).iteration());
            assertEquals(0, done.runs().get(2).iteration());
        }
    }

    @Test
    void divergedRunDoesNotStopItsSiblings() throws Exception {
        Params p = RunTest.small().with("iterations", "2000");
        List<Variant> variants = List.of(new Variant("ok", p), new Variant("too large α", p.with("alpha", "1")));
        try (Experiment e = new Experiment(variants, 2, ToyDynamics::create, RunOptions.DEFAULT, 2, TICK)) {
            e.start();
            ExperimentView v = e.await();
            assertTrue(v.runsOf("ok").stream().allMatch(r -> r.state() == RunState.FINISHED));
            assertTrue(v.runsOf("too large α").stream().allMatch(r -> r.state() == RunState.DIVERGED));
            assertFalse(v.allSucceeded());
            AggregateSeries agg = v.aggregate("ok");
            assertEquals(v.runsOf("ok").get(0).series().size(), agg.size());
            assertEquals(2, agg.count(agg.size() - 1));
        }
    }

    @Test
    void listenerHearsProgressAndTheEnd() throws Exception {
        List<ExperimentProgress> heard = new CopyOnWriteArrayList<>();
        Params p = RunTest.small().with("iterations", "20000");
        try (Experiment e = new Experiment(twoMethods(p), 2, ToyDynamics::create, RunOptions.DEFAULT, 2, TICK)) {
            e.addListener(heard::add);
            e.start();
            assertTrue(e.await().allSucceeded());
            waitFor(() -> !heard.isEmpty() && heard.get(heard.size() - 1).done(), "the final progress report");
        }
        ExperimentProgress last = heard.get(heard.size() - 1);

        assertEquals(4 * 20000L, last.iterations());
        assertEquals(last.targetIterations(), last.iterations());
        assertEquals(4, last.runsDone());
        assertTrue(last.iterationsPerSecond() > 0);
        assertTrue(last.elapsed().toNanos() > 0);
    }

    @Test
    void refusesDuplicateLabelsAndEmptyExperiments() {
        Params p = RunTest.small();
        assertThrows(IllegalArgumentException.class, () -> new Experiment(List.of(Variant.of(p), Variant.of(p)), 1,
                ToyDynamics::create, RunOptions.DEFAULT, 2, TICK));
        assertThrows(IllegalArgumentException.class,
                () -> new Experiment(List.of(), 1, ToyDynamics::create, RunOptions.DEFAULT, 2, TICK));
    }

    @Test
    void runsStartLongestFirstAndKeepTheirListedOrder() throws Exception {
        Params p = RunTest.small();
        List<Variant> variants = List.of(new Variant("short", p.with("iterations", "50")),
                new Variant("long", p.with("iterations", "400")));
        List<String> started = new CopyOnWriteArrayList<>();
        DynamicsSource recording = (q, seed, threads) -> {
            started.add(q.iterations() + "@" + seed);
            return ToyDynamics.create(q, seed, threads);
        };
        try (Experiment e = new Experiment(variants, 2, recording, RunOptions.DEFAULT, 1, TICK)) {
            e.start();
            ExperimentView v = e.await();
            assertTrue(v.allSucceeded());
            assertEquals(List.of("short", "long", "short", "long"), v.runs().stream().map(RunView::label).toList());
        }
        long s = p.seed();
        assertEquals(List.of("400@" + s, "400@" + (s + 1), "50@" + s, "50@" + (s + 1)), started);
    }
}
