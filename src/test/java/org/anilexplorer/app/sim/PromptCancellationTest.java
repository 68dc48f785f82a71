package org.anilexplorer.app.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.anilexplorer.core.algo.Dynamics;
import org.anilexplorer.core.algo.ForwardingDynamics;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.run.DynamicsSource;
import org.anilexplorer.core.run.RunState;
import org.anilexplorer.core.run.RunView;
import org.junit.jupiter.api.Test;

/**
 * Reset and replacement stop a big problem in the middle of an iteration: at d = k' = 800 with 200 tasks one FO-ANIL
 * iteration takes seconds (about 2 s single-threaded at d = k' = 600 by {@code run --dry-run}, and this is 2.4× the
 * work), yet closing the experiment (what Reset and a parameter change do) returns, and every simulation thread of
 * it is gone, within {@value #ALLOWED_MILLIS} ms of the cancel; the run ends as cancelled without completing its
 * first iteration; and its task data can be collected.
 */
class PromptCancellationTest {

    static final long ALLOWED_MILLIS = 1000;

    private static final Params BIG = Params.defaults().withAll(Map.of("d", "800", "k", "5", "k_prime", "800",
            "tasks", "200", "m_in", "20", "m_out", "20", "iterations", "1000", "seeds", "2"));

    @Test
    void closingInTheMiddleOfALongIterationEndsAllWorkWithinASecondAndFreesTheTasks() throws Exception {
        // measure this experiment alone: simulation work left by earlier tests in this JVM (windows closed a moment
        // ago, their runs still ending) would compete for the two cores and time the wrong thing
        long quiet = System.nanoTime() + 30_000_000_000L;
        while (!simulationThreads().isEmpty() && System.nanoTime() < quiet) {
            Thread.sleep(20);
        }
        System.gc();
        Set<Thread> before = simulationThreads();
        String earlier = before.stream().map(Thread::getName).sorted().collect(Collectors.joining(", "));
        List<WeakReference<Dynamics>> built = new CopyOnWriteArrayList<>();
        AtomicLong firstStepStarted = new AtomicLong();
        DynamicsSource watched = (p, seed, threads) -> {
            Dynamics inner = DynamicsSource.FACTORY.create(p, seed, threads);
            built.add(new WeakReference<>(inner));
            return new StepWatch(inner, firstStepStarted);
        };
        ExperimentRequest request = new ExperimentRequest(BIG, List.of(new ResolvedMethod("FO-ANIL", 0, BIG)));
        LiveExperiment experiment = new CoreExperimentLauncher(watched).open(request);
        experiment.limitTo(Long.MAX_VALUE);
        experiment.resume();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (firstStepStarted.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(firstStepStarted.get() != 0, "no run started its first step within two minutes");
        Thread.sleep(300); // well inside the first iteration

        long start = System.nanoTime();
        experiment.cancel();
        experiment.close();
        long closedMillis = (System.nanoTime() - start) / 1_000_000;
        Set<Thread> left = newSimulationThreads(before);
        while (!left.isEmpty() && System.nanoTime() - start < ALLOWED_MILLIS * 1_000_000L) {
            Thread.sleep(5);
            left = newSimulationThreads(before);
        }
        long goneMillis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("cancel latency: close returned after %d ms, threads gone after %d ms%n", closedMillis,
                goneMillis);

        assertTrue(closedMillis <= ALLOWED_MILLIS, "close() returned only after " + closedMillis + " ms"
                + (earlier.isEmpty() ? "" : " (simulation threads of earlier tests still alive: " + earlier + ")"));
        assertTrue(left.isEmpty(), "simulation threads still alive " + ALLOWED_MILLIS + " ms after the cancel: "
                + left.stream().map(Thread::getName).collect(Collectors.joining(", ")));
        for (RunView run : experiment.latest().runs()) {
            assertEquals(RunState.CANCELLED, run.state(), run.label() + " seed " + run.seed());
            assertEquals(0, run.iteration(), "the cancel came in the middle of the first iteration, which must not"
                    + " have been completed (else the problem is too small to show anything)");
        }
        assertTrue(!built.isEmpty(), "no dynamics was built");
        long gcDeadline = System.nanoTime() + 10_000_000_000L;
        while (built.stream().anyMatch(r -> r.get() != null) && System.nanoTime() < gcDeadline) {
            System.gc();
            Thread.sleep(20);
        }
        assertTrue(built.stream().allMatch(r -> r.get() == null),
                "a cancelled run's dynamics (and its task pool) is still reachable after the experiment was closed");
    }

    /** The threads the simulation starts: the experiment's run pool and the dynamics' chunk workers. */
    static Set<Thread> simulationThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("anil-") && !t.getName().startsWith("anil-estimate"))
                .collect(Collectors.toSet());
    }

    static Set<Thread> newSimulationThreads(Set<Thread> before) {
        Set<Thread> now = simulationThreads();
        now.removeAll(before);
        return now;
    }

    /** Notes when the first step begins; forwards everything. */
    private record StepWatch(Dynamics delegate, AtomicLong firstStepStarted) implements ForwardingDynamics {

        @Override
        public void step() {
            firstStepStarted.compareAndSet(0, System.nanoTime());
            delegate.step();
        }
    }
}
