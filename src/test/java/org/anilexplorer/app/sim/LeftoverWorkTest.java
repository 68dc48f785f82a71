package org.anilexplorer.app.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.anilexplorer.core.params.Params;
import org.junit.jupiter.api.Test;

/**
 * A replaced or reset experiment leaves no work behind: once its driver is closed (what Reset and a parameter
 * change do, off the UI thread), no simulation thread of it is alive and no ridge evaluation of it is queued,
 * within {@value #ALLOWED_MILLIS} ms of the cancel, even when the runs were mid-way through expensive steps: the
 * cancel interrupts the run threads and the steps look at that between chunks of work (see
 * {@code PromptCancellationTest} for a single iteration of seconds). (A ridge evaluation that had already started
 * finishes: the core's evaluation cannot be interrupted.) Replaced runs that were never cancelled kept working for
 * minutes.
 */
class LeftoverWorkTest {

    static final long ALLOWED_MILLIS = 1000;

    /** Steps of milliseconds, ridge evaluations slower than the steps (they queue up behind each other). */
    private static final Params HEAVY = Params.defaults().withAll(Map.of("d", "120", "k", "3", "k_prime", "120",
            "tasks", "300", "m_in", "40", "m_out", "40", "iterations", "100000", "seeds", "2"));

    @Test
    void closingAHeavyExperimentEndsAllItsWorkPromptly() throws Exception {
        ExperimentRequest request = new ExperimentRequest(HEAVY, List.of(new ResolvedMethod("FO-ANIL", 0, HEAVY),
                new ResolvedMethod("FO-ANIL, β = 0.1", 1, HEAVY.with("beta", "0.1"))));
        LiveExperiment d = new CoreExperimentLauncher().open(request);
        d.limitTo(Long.MAX_VALUE);
        d.resume();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (d.latest().runs().stream().mapToLong(org.anilexplorer.core.run.RunView::iteration).min().orElse(0) < 3
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        long start = System.nanoTime();
        d.cancel();
        d.close();
        long joinedMillis = (System.nanoTime() - start) / 1_000_000;
        waitUntilIdle(start);
        long idleMillis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("closed after %d ms; idle after %d ms%n", joinedMillis, idleMillis);
        assertEquals(0, threads("anil-run"), "simulation threads still alive");
        org.junit.jupiter.api.Assertions.assertTrue(idleMillis <= ALLOWED_MILLIS,
                "the work ended only " + idleMillis + " ms after the cancel");
    }

    private static void waitUntilIdle(long since) throws InterruptedException {
        do {
            if (threads("anil-run") == 0) {
                return;
            }
            Thread.sleep(10);
        } while (System.nanoTime() - since < ALLOWED_MILLIS * 1_000_000L);
        throw new AssertionError("still working " + ALLOWED_MILLIS + " ms after the cancel: " + threads("anil-run")
                + " simulation threads");
    }

    static long threads(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().startsWith(prefix))
                .count();
    }
}
