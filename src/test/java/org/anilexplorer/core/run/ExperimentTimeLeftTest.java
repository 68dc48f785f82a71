package org.anilexplorer.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.testing.ToyDynamics;
import org.junit.jupiter.api.Test;

/** The time left comes from each run's own speed, so a slow run is not hidden by a fast one's high rate. */
class ExperimentTimeLeftTest {

    @Test
    void timeLeftFollowsEachRunsSpeed() throws Exception {
        Params p = Params.defaults().with("d", "8").with("k", "2").with("k_prime", "8").with("task_cov", "identity");
        List<Variant> variants = List.of(new Variant("long", p.with("iterations", "400000000")),
                new Variant("short", p.with("iterations", "2000")));
        try (Experiment e = new Experiment(variants, 1, ToyDynamics::create, RunOptions.DEFAULT, 2, Duration.ofMillis(50))) {
            e.start();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!e.view().runsOf("short").get(0).state().isFinal() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(100); // a few more progress ticks of the long run alone
            ExperimentView v = e.view();
            RunView longRun = v.runsOf("long").get(0);
            double own = (longRun.targetIterations() - longRun.iteration()) / longRun.iterationsPerSecond();
            double left = v.progress().secondsLeft();
            // the short run is done: the long run alone, at its own speed (re-measured a moment later: ± 50 %)
            assertTrue(v.runsOf("short").get(0).state().isFinal());
            assertTrue(left > 0.5 * own && left < 2 * own, left + " vs " + own);
            e.cancel();
            ExperimentView end = e.await();
            assertEquals(0.0, end.progress().secondsLeft(), 0.0, "nothing left once every run has ended");
        }
    }
}
