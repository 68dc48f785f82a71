package org.anilexplorer.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.anilexplorer.core.metrics.RecordingSchedule;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.testing.ToyDynamics;
import org.junit.jupiter.api.Test;

/** The estimate's model (runs share the cores; the longest run bounds the wall time) and its measurement. */
class RunEstimateTest {

    @Test
    void runsShareTheCoresAndTheLongestRunBoundsTheTime() {
        RunEstimate.VariantCost fast = new RunEstimate.VariantCost("fast", 1e-3, 1_000_000, 1000, 1000); // 1 s a run
        RunEstimate.VariantCost slow = new RunEstimate.VariantCost("slow", 1e-2, 2_000_000, 1000, 1000); // 10 s a run
        // 2 seeds × (1 s + 10 s) = 22 s of work on 2 cores: 11 s, at least the longest run (10 s)
        RunEstimate two = RunEstimate.combine(List.of(fast, slow), 2, 2);
        assertEquals(11.0, two.wallTime().toMillis() / 1e3, 1e-9);
        assertEquals(4000, two.totalIterations());
        assertEquals(2 * 2_000_000 + 2 * (1000 + 1000), two.heapBytes(), "two runs held at once, plus every series");
        // on 8 cores the 4 runs are all at once: the slow run alone decides
        assertEquals(10.0, RunEstimate.combine(List.of(fast, slow), 2, 8).wallTime().toMillis() / 1e3, 1e-9);
    }

    @Test
    void recordsFollowTheSchedule() {
        RunOptions o = RunOptions.DEFAULT.withSchedule(new RecordingSchedule(10, 10));
        long expected = java.util.stream.LongStream.rangeClosed(0, 1000).filter(o.schedule()::records).count();
        assertEquals(expected, RunEstimate.records(o, 1000));
    }

    @Test
    void measuresEveryVariantOnce() {
        Params p = Params.defaults().with("d", "8").with("k", "2").with("k_prime", "8").with("task_cov", "identity")
                .with("iterations", "1000000");
        RunEstimate e = RunEstimate.measure(List.of(new Variant("a", p), new Variant("b", p)), 3, 2,
                ToyDynamics::create, RunOptions.DEFAULT, Duration.ofMillis(50));
        assertEquals(2, e.perVariant().size());
        assertEquals(6_000_000, e.totalIterations());
        for (RunEstimate.VariantCost c : e.perVariant()) {
            assertTrue(c.secondsPerIteration() > 0 && c.secondsPerIteration() < 1e-2, c.toString());
        }
        assertTrue(e.wallTime().compareTo(Duration.ZERO) > 0);
    }
}
