package org.anilexplorer.app.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.anilexplorer.core.algo.Dynamics;
import org.anilexplorer.core.algo.ForwardingDynamics;
import org.anilexplorer.core.algo.ModelState;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.run.DynamicsSource;
import org.junit.jupiter.api.Test;

/**
 * Pause stops a big problem in the middle of an iteration: at d = k' = 800 with 1000 tasks one FO-ANIL iteration
 * takes seconds even with both cores and compiled kernels, and Pause used to let it run to its end at full CPU. Now,
 * half a second after Pause the simulation threads have stopped computing (their processor time grows by less than a
 * tenth of the half second measured next); the iteration is not completed while paused; after Resume it completes,
 * and its result is bit for bit that of a step never held.
 */
class PauseInsideAStepTest {

    private static final Params BIG = Params.defaults().withAll(Map.of("d", "800", "k", "5", "k_prime", "800",
            "tasks", "1000", "m_in", "20", "m_out", "20", "iterations", "1", "seeds", "1"));

    @Test
    void pauseHoldsALongIterationAndResumeCompletesItUnchanged() throws Exception {
        long quiet = System.nanoTime() + 30_000_000_000L;
        while (!PromptCancellationTest.simulationThreads().isEmpty() && System.nanoTime() < quiet) {
            Thread.sleep(20); // measure this experiment alone, not runs of earlier tests still ending
        }
        Set<Thread> before = PromptCancellationTest.simulationThreads();
        AtomicLong firstStepStarted = new AtomicLong();
        AtomicReference<ModelState> afterStep = new AtomicReference<>();
        DynamicsSource watched = (p, seed, threads) -> new StepWatch(DynamicsSource.FACTORY.create(p, seed, threads),
                firstStepStarted, afterStep);
        ExperimentRequest request = new ExperimentRequest(BIG, java.util.List.of(new ResolvedMethod("FO-ANIL", 0, BIG)));
        LiveExperiment experiment = new CoreExperimentLauncher(watched).open(request);
        try {
            experiment.limitTo(Long.MAX_VALUE);
            experiment.resume();
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (firstStepStarted.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(firstStepStarted.get() != 0, "the run did not start its first step within two minutes");
            Thread.sleep(100); // well inside the first iteration

            experiment.pause();
            Thread.sleep(500); // Pause must have taken hold by now
            long cpuBefore = cpuNanos(PromptCancellationTest.newSimulationThreads(before));
            Thread.sleep(500);
            long cpuHeld = cpuNanos(PromptCancellationTest.newSimulationThreads(before)) - cpuBefore;
            System.out.printf("processor time of the simulation threads in the half second measured: %d ms%n",
                    cpuHeld / 1_000_000);
            assertTrue(afterStep.get() == null, "the iteration must not complete while paused (else the problem is"
                    + " too small to show anything)");
            assertTrue(cpuHeld < 50_000_000L, "paused, yet the simulation threads computed for " + cpuHeld / 1_000_000
                    + " ms of the half second measured");

            experiment.resume();
            deadline = System.nanoTime() + 120_000_000_000L;
            while (afterStep.get() == null && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(afterStep.get() != null, "the held iteration did not complete after Resume");
        } finally {
            experiment.cancel();
            experiment.close();
        }

        try (Dynamics reference = DynamicsSource.FACTORY.create(BIG, BIG.seedOf(0), 2)) {
            reference.step();
            ModelState expected = reference.state();
            ModelState held = afterStep.get();
            assertEquals(1, held.iteration());
            assertArrayEquals(expected.b().data, held.b().data, "B after the held iteration");
            assertArrayEquals(expected.w(), held.w(), "w after the held iteration");
        }
    }

    private static long cpuNanos(Set<Thread> threads) {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        return threads.stream().mapToLong(t -> Math.max(0, bean.getThreadCpuTime(t.getId()))).sum();
    }

    /** Notes when the first step begins and the state after it; forwards everything. */
    private record StepWatch(Dynamics delegate, AtomicLong firstStepStarted, AtomicReference<ModelState> afterStep)
            implements ForwardingDynamics {

        @Override
        public void step() {
            firstStepStarted.compareAndSet(0, System.nanoTime());
            delegate.step();
            if (delegate.iteration() == 1) {
                afterStep.compareAndSet(null, delegate.state());
            }
        }
    }
}
