package org.anilexplorer.app.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.anilexplorer.app.viewmodel.ExperimentRequest;
import org.anilexplorer.app.viewmodel.ResolvedMethod;
import org.anilexplorer.core.params.Params;
import org.junit.jupiter.api.Test;

/**
 * A replaced or reset experiment leaves no work behind: once its driver is closed (what Reset and a parameter
 * change do, off the UI thread), no simulation thread of it is alive and no ridge evaluation of it is queued,
 * soon after the cancel, even when the runs were mid-way through expensive steps. (A ridge evaluation that had
 * already started finishes: the core's evaluation cannot be interrupted.) The aim is well within a second (about
 * 250 ms on an idle machine); the test allows {@value #ALLOWED_MILLIS} ms, because the last step of each run must
 * finish and a busy build machine (a load of 20 on 2 cores took over 2 s) may not schedule it at once. Replaced
 * runs that were never cancelled kept working for minutes.
 */
class LeftoverWorkTest {

    static final long ALLOWED_MILLIS = 5000;

    /** Steps of milliseconds, ridge evaluations slower than the steps (they queue up behind each other). */
    private static final Params HEAVY = Params.defaults().withAll(Map.of("d", "120", "k", "3", "k_prime", "120",
            "tasks", "300", "m_in", "40", "m_out", "40", "iterations", "100000", "seeds", "2"));

    @Test
    void closingAHeavyExperimentEndsAllItsWorkPromptly() throws Exception {
        ExperimentRequest request = new ExperimentRequest(HEAVY, List.of(new ResolvedMethod("FO-ANIL", 0, HEAVY),
                new ResolvedMethod("FO-ANIL, β = 0.1", 1, HEAVY.with("beta", "0.1"))));
        ExperimentDriver d = new CoreExperimentLauncher().open(request);
        d.limitTo(Long.MAX_VALUE);
        d.resume();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (d.latest().iteration() < 3 && System.nanoTime() < deadline) {
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
            if (threads("anil-run") == 0 && RidgeRiskTracker.queued() == 0) {
                return;
            }
            Thread.sleep(10);
        } while (System.nanoTime() - since < ALLOWED_MILLIS * 1_000_000L);
        throw new AssertionError("still working " + ALLOWED_MILLIS + " ms after the cancel: " + threads("anil-run")
                + " simulation threads, ridge evaluations queued: " + RidgeRiskTracker.queued());
    }

    static long threads(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().startsWith(prefix))
                .count();
    }
}
