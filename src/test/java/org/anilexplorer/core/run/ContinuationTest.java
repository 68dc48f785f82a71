package org.anilexplorer.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.anilexplorer.core.algo.DynamicsFactory;
import org.anilexplorer.core.algo.ModelState;
import org.anilexplorer.core.metrics.Snapshot;
import org.anilexplorer.core.params.ParamException;
import org.anilexplorer.core.params.Params;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Oracle: a run continued from any of its checkpoints records exactly, bit for bit, what the uninterrupted run
 * recorded (snapshots, test risk, states at later checkpoints, final model), for every kind of dynamics; a branch at
 * t = 0 with changed parameters equals a run started with them; parameters that cannot change are refused in one line.
 */
class ContinuationTest {

    private static final long EVERY = 40;

    static Params base() {
        return Params.defaults().withAll(Map.of("d", "10", "k", "2", "k_prime", "6", "tasks", "24", "m_in", "5",
                "m_out", "4", "iterations", "200", "task_cov", "identity", "alpha", "0.1", "beta", "0.1"));
    }

    static Stream<Arguments> methods() {
        return Stream.of(
                Arguments.of("fo-anil, fixed pool", Map.of()),
                Arguments.of("fo-anil, fresh batches", Map.of("fresh_tasks", "true")),
                Arguments.of("fo-maml", Map.of("algorithm", "fo-maml")),
                Arguments.of("exact anil", Map.of("algorithm", "anil")),
                Arguments.of("exact maml, fresh", Map.of("algorithm", "maml", "fresh_tasks", "true")),
                Arguments.of("burer-monteiro", Map.of("algorithm", "burer-monteiro", "beta", "1")),
                Arguments.of("average loss", Map.of("algorithm", "average-loss")),
                Arguments.of("fo-anil, infinite tasks", Map.of("tasks", "inf")),
                Arguments.of("fo-anil, infinite tasks, orthonormal B0", Map.of("tasks", "inf", "init", "orthonormal")),
                Arguments.of("fo-anil, infinite samples", Map.of("m_in", "inf", "m_out", "inf", "fresh_tasks", "true")));
    }

    /** Runs p from t = 0 with checkpoints every {@link #EVERY}; returns the view and the checkpoints in order. */
    static RunView original(Params p, List<RunCheckpoint> into) {
        List<RunCheckpoint> taken = Collections.synchronizedList(into);
        RunOptions o = RunOptions.DEFAULT.withCheckpoints(new Checkpointing(EVERY, taken::add));
        RunView v = new Run(Variant.of(p), p.seed(), 2, DynamicsSource.FACTORY, o).execute(new RunControl());
        assertEquals(RunState.FINISHED, v.state(), v.reason());
        return v;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void continuingFromAnyCheckpointRepeatsTheRunBitForBit(String name, Map<String, String> settings) {
        Params p = base().withAll(settings);
        List<RunCheckpoint> checkpoints = new ArrayList<>();
        RunView full = original(p, checkpoints);
        assertEquals(List.of(0L, 40L, 80L, 120L, 160L, 200L), checkpoints.stream().map(RunCheckpoint::iteration).toList());
        for (int i : new int[] {0, 2, 5}) {
            RunCheckpoint from = checkpoints.get(i);
            List<RunCheckpoint> later = new ArrayList<>();
            RunOptions o = RunOptions.DEFAULT.withCheckpoints(new Checkpointing(EVERY, later::add));
            // another thread budget: the iterates do not depend on it
            RunView continued = Run.continuing(Variant.of(p), from, 1, DynamicsSource.FACTORY, o)
                    .execute(new RunControl());
            assertEquals(RunState.FINISHED, continued.state(), continued.reason());
            assertSameSeries(full.series(), continued.series(), name + " from " + from.iteration());
            assertEquals(full.risk(), continued.risk(), name + ": test risk from " + from.iteration());
            assertSameModel(full.finalModel(), continued.finalModel());
            // the states it passes through are the original's, to the bit
            for (RunCheckpoint c : later) {
                assertEquals(checkpoints.get((int) (c.iteration() / EVERY)).dynamics(), c.dynamics(),
                        name + ": state at " + c.iteration());
            }
        }
    }

    @Test
    void aBranchAtTheStartWithAnotherStepSizeIsARunWithThatStepSize() {
        for (Map<String, String> s : List.of(Map.<String, String>of(), Map.of("tasks", "inf"),
                Map.of("algorithm", "fo-maml"))) {
            Params p = base().withAll(s);
            List<RunCheckpoint> checkpoints = new ArrayList<>();
            original(p, checkpoints);
            Params lower = p.with("alpha", "0.05").with("m_in", "7");
            RunView branch = Run.continuing(new Variant("branch", lower), checkpoints.get(0), 1,
                    DynamicsSource.FACTORY, RunOptions.DEFAULT).execute(new RunControl());
            RunView direct = new Run(new Variant("branch", lower), lower.seed(), 1, DynamicsSource.FACTORY,
                    RunOptions.DEFAULT).execute(new RunControl());
            // the record at t = 0 is the original's (measured under its parameters); everything after is the branch's
            assertSameSeries(afterStart(direct.series()), afterStart(branch.series()), "branch of " + s);
            assertEquals(direct.risk().since(1), branch.risk().since(1));
        }
    }

    @Test
    void switchingFromFiniteToInfiniteTasksAtTheStartIsTheInfiniteTaskRun() {
        Params finite = base();
        List<RunCheckpoint> checkpoints = new ArrayList<>();
        original(finite, checkpoints);
        Params infinite = finite.with("tasks", "inf");
        RunView branch = Run.continuing(Variant.of(infinite), checkpoints.get(0), 1, DynamicsSource.FACTORY,
                RunOptions.DEFAULT).execute(new RunControl());
        RunView direct = new Run(Variant.of(infinite), infinite.seed(), 1, DynamicsSource.FACTORY, RunOptions.DEFAULT)
                .execute(new RunControl());
        // the infinite-task dynamics builds its coordinates from the B it is given: B₀ either way
        assertSameSeries(afterStart(direct.series()), afterStart(branch.series()), "finite → infinite");
    }

    @Test
    void switchingFromInfiniteToFiniteTasksAtTheStartAgreesWithTheFiniteRunToRounding() {
        Params infinite = base().with("tasks", "inf");
        List<RunCheckpoint> checkpoints = new ArrayList<>();
        original(infinite, checkpoints);
        Params finite = base();
        RunView branch = Run.continuing(Variant.of(finite), checkpoints.get(0), 1, DynamicsSource.FACTORY,
                RunOptions.DEFAULT).execute(new RunControl());
        RunView direct = new Run(Variant.of(finite), finite.seed(), 1, DynamicsSource.FACTORY, RunOptions.DEFAULT)
                .execute(new RunControl());
        // B is rebuilt from the coordinates as B⋆P + B⋆,⊥QR: equal to B₀ up to a few ulps, which 200 contracting
        // steps do not amplify beyond 1e-10 relative
        assertEquals(direct.series().size(), branch.series().size());
        for (int i = 1; i < direct.series().size(); i++) {
            Snapshot a = direct.series().get(i);
            Snapshot b = branch.series().get(i);
            assertEquals(a.iteration(), b.iteration());
            assertEquals(a.sv2StarMax(), b.sv2StarMax(), 1e-10 * a.sv2StarMax());
            assertEquals(a.sv2PerpMax(), b.sv2PerpMax(), 1e-10 * a.sv2PerpMax());
            assertEquals(a.trainingLoss(), b.trainingLoss(), 1e-10 * a.trainingLoss());
        }
    }

    @Test
    void aBranchLaterKeepsThePastAndChangesTheFuture() {
        Params p = base();
        List<RunCheckpoint> checkpoints = new ArrayList<>();
        RunView full = original(p, checkpoints);
        RunCheckpoint at80 = checkpoints.get(2);
        RunView branch = Run.continuing(new Variant("α = 0.05", p.with("alpha", "0.05")), at80, 1,
                DynamicsSource.FACTORY, RunOptions.DEFAULT).execute(new RunControl());
        assertEquals("α = 0.05", branch.label());
        int before = (int) full.series().stream().filter(s -> s.iteration() <= 80).count();
        assertSameSeries(full.series().subList(0, before), branch.series().subList(0, before), "before the branch");
        Snapshot fullLast = full.last();
        Snapshot branchLast = branch.last();
        assertEquals(fullLast.iteration(), branchLast.iteration());
        assertNotEquals(fullLast.sv2StarMax(), branchLast.sv2StarMax(), "a lower α moves Λ");
    }

    @Test
    void parametersThatCannotChangeAreRefusedInOneLineNamingTheField() {
        Params p = base();
        List<RunCheckpoint> checkpoints = new ArrayList<>();
        original(p, checkpoints);
        RunCheckpoint c = checkpoints.get(2);
        Map<String, String> expected = Map.of(
                "d", "d: cannot change at a branch (the state at iteration 80 has d = 10; B is d×k' and B⋆ is d×k for the whole run)",
                "k", "k: cannot change at a branch (the state at iteration 80 has k = 2; B is d×k' and B⋆ is d×k for the whole run)",
                "k_prime", "k_prime: cannot change at a branch (the state at iteration 80 has k_prime = 6; B is d×k' and B⋆ is d×k for the whole run)");
        Map<String, Params> changed = Map.of("d", p.with("d", "12"), "k", p.with("k", "3"), "k_prime", p.with("k_prime", "5"));
        for (String key : expected.keySet()) {
            ParamException e = assertThrows(ParamException.class, () -> Run.continuing(Variant.of(changed.get(key)), c, 1,
                    DynamicsSource.FACTORY, RunOptions.DEFAULT));
            assertEquals(key, e.field());
            assertEquals(expected.get(key), e.getMessage());
        }
        assertEquals("algorithm: cannot change from fo-anil to burer-monteiro at a branch (Burer–Monteiro keeps one "
                + "head per task, the other methods one shared head)",
                c.refusal(p.with("algorithm", "burer-monteiro")).orElseThrow());
        assertEquals("m_test: its first value cannot change at a branch (the test risk recorded up to iteration 80 "
                + "is for m_test = 20)", c.refusal(p.with("m_test", "30")).orElseThrow());
        assertEquals("iterations: must be at least 80 to continue from iteration 80, got 50",
                c.refusal(p.with("iterations", "50")).orElseThrow());
        for (String[] allowed : new String[][] {{"alpha", "0.02"}, {"beta", "0.05"}, {"tasks", "inf"}, {"m_in", "50"},
                {"fresh_tasks", "true"}, {"algorithm", "fo-maml"}, {"iterations", "80"}, {"m_test", "20,50"}}) {
            assertTrue(c.refusal(p.with(allowed[0], allowed[1])).isEmpty(), allowed[0] + " may change");
        }
        assertFalse(c.refusal(p).isPresent());
    }

    @Test
    void aRunPausedBetweenIterationsGivesItsStateAndResumesExactly() throws Exception {
        Params p = base().with("iterations", "3000");
        RunView full = new Run(Variant.of(p), p.seed(), 1, DynamicsSource.FACTORY, RunOptions.DEFAULT)
                .execute(new RunControl());
        RunControl control = new RunControl();
        Run run = new Run(Variant.of(p), p.seed(), 1, DynamicsSource.FACTORY, RunOptions.DEFAULT);
        Thread worker = new Thread(() -> run.execute(control));
        worker.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (run.view().iteration() < 50 && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        control.pause();
        while (run.view().state() != RunState.PAUSED && run.view().state() != RunState.FINISHED
                && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        RunCheckpoint paused = run.checkpointNow().orElseThrow();
        assertEquals(run.view().iteration(), paused.iteration());
        control.cancel();
        worker.join();
        RunView resumed = Run.continuing(Variant.of(p), paused, 1, DynamicsSource.FACTORY, RunOptions.DEFAULT)
                .execute(new RunControl());
        assertSameSeries(full.series(), resumed.series(), "resumed after a pause at " + paused.iteration());
        assertEquals(full.risk(), resumed.risk());
    }

    /** Parks before the step after iteration {@code at}, as the app's gate does, until released. */
    private static final class ParkingDynamics implements org.anilexplorer.core.algo.ForwardingDynamics {
        private final org.anilexplorer.core.algo.Dynamics inner;
        private final long at;
        final java.util.concurrent.CountDownLatch parked = new java.util.concurrent.CountDownLatch(1);
        final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);

        ParkingDynamics(org.anilexplorer.core.algo.Dynamics inner, long at) {
            this.inner = inner;
            this.at = at;
        }

        @Override
        public org.anilexplorer.core.algo.Dynamics delegate() {
            return inner;
        }

        @Override
        public void step() {
            if (inner.iteration() == at) {
                parked.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            inner.step();
        }
    }

    @Test
    void aRunParkedInsideAWrappersStepGivesItsStateAndResumesExactly() throws Exception {
        Params p = base().with("tasks", "inf");
        RunView full = new Run(Variant.of(p), p.seed(), 1, DynamicsSource.FACTORY, RunOptions.DEFAULT)
                .execute(new RunControl());
        ParkingDynamics[] wrapper = new ParkingDynamics[1];
        Run run = new Run(Variant.of(p), p.seed(), 1, (q, seed, threads) -> wrapper[0] = new ParkingDynamics(
                DynamicsFactory.create(q, seed, threads), 57), RunOptions.DEFAULT);
        Thread worker = new Thread(() -> run.execute(new RunControl()));
        worker.start();
        while (wrapper[0] == null) {
            Thread.sleep(1);
        }
        wrapper[0].parked.await();
        assertTrue(run.checkpointNow().isEmpty(), "inside step(), as far as the run can tell");
        RunCheckpoint parked = run.checkpointParked().orElseThrow();
        wrapper[0].release.countDown();
        worker.join();
        assertEquals(57, parked.iteration());
        RunView resumed = Run.continuing(Variant.of(p), parked, 1, DynamicsSource.FACTORY, RunOptions.DEFAULT)
                .execute(new RunControl());
        assertSameSeries(full.series(), resumed.series(), "resumed from a park at 57");
        assertEquals(full.risk(), resumed.risk());
    }

    @Test
    void aCancelledRunWithCheckpointsKeepsTheStateItStoppedIn() {
        Params p = base();
        RunControl control = new RunControl();
        control.cancel();
        Run r = new Run(Variant.of(p), p.seed(), 1, DynamicsSource.FACTORY,
                RunOptions.DEFAULT.withCheckpoints(new Checkpointing(1000, c -> { })));
        RunView v = r.execute(control);
        assertEquals(RunState.CANCELLED, v.state());
        assertTrue(r.checkpointNow().isEmpty(), "cancelled before it built its dynamics: no state");

        Run finished = new Run(Variant.of(p), p.seed(), 1, DynamicsSource.FACTORY,
                RunOptions.DEFAULT.withCheckpoints(new Checkpointing(1000, c -> { })));
        finished.execute(new RunControl());
        assertEquals(200, finished.lastCheckpoint().iteration());
        assertEquals(finished.lastCheckpoint(), finished.checkpointNow().orElseThrow());
    }

    @Test
    void anExperimentOfContinuedRunsCountsOnlyTheWorkFromTheirCheckpoints() throws Exception {
        Params p = base();
        List<RunCheckpoint> checkpoints = new ArrayList<>();
        original(p, checkpoints);
        try (Experiment e = new Experiment(List.of(Experiment.RunPlan.continuing(Variant.of(p), checkpoints.get(4))),
                DynamicsSource.FACTORY, RunOptions.DEFAULT, 1, Duration.ofMillis(50))) {
            e.start();
            ExperimentView v = e.await();
            assertEquals(40, v.progress().iterations(), "200 − 160");
            assertEquals(40, v.progress().targetIterations());
            RunView r = v.runs().get(0);
            assertEquals(160, r.startIteration());
            assertEquals(40 * 1e9 / r.activeNanos(), r.iterationsPerSecond(), 1e-9 * r.iterationsPerSecond());
        }
    }

    static void assertSameSeries(List<Snapshot> expected, List<Snapshot> actual, String what) {
        assertEquals(expected.size(), actual.size(), what + ": number of records");
        for (int i = 0; i < expected.size(); i++) {
            Snapshot a = expected.get(i);
            Snapshot b = actual.get(i);
            String at = what + ", record " + i + " (t = " + a.iteration() + ")";
            assertEquals(a.iteration(), b.iteration(), at);
            assertBits(a.sv2Star(), b.sv2Star(), at + " sv2_star");
            assertBits(a.sv2Perp(), b.sv2Perp(), at + " sv2_perp");
            assertBits(new double[] {a.bwNorm(), a.distance(), a.trainingLoss(), a.validationLoss()},
                    new double[] {b.bwNorm(), b.distance(), b.trainingLoss(), b.validationLoss()}, at);
        }
    }

    /** The records after t = 0. */
    static List<Snapshot> afterStart(List<Snapshot> series) {
        return series.subList(1, series.size());
    }

    static void assertSameModel(ModelState a, ModelState b) {
        assertEquals(a.iteration(), b.iteration());
        assertBits(a.b().data, b.b().data, "B");
        assertBits(a.w(), b.w(), "w");
    }

    static void assertBits(double[] a, double[] b, String what) {
        assertEquals(a.length, b.length, what);
        for (int i = 0; i < a.length; i++) {
            assertEquals(Double.doubleToRawLongBits(a[i]), Double.doubleToRawLongBits(b[i]),
                    what + "[" + i + "]: " + a[i] + " vs " + b[i]);
        }
    }
}
