package org.anilexplorer.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.anilexplorer.core.metrics.RecordingSchedule;
import org.anilexplorer.core.metrics.Snapshot;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.testing.ToyDynamics;
import org.junit.jupiter.api.Test;

class RunTest {

    /** Records every iteration up to 100, so the last record before a blow-up is the iteration just before it. */
    private static final RunOptions DENSE = RunOptions.DEFAULT.withSchedule(new RecordingSchedule(100, 100));

    static Params small() {
        return Params.defaults().withAll(java.util.Map.of("d", "8", "k", "2", "k_prime", "8", "task_cov", "identity",
                "sigma2", "1", "alpha", "0.1", "beta", "0.1", "iterations", "1000"));
    }

    private static RunView run(Params p, DynamicsSource source, RunOptions options) {
        return new Run(Variant.of(p), p.seed(), 1, source, options).execute(new RunControl());
    }

    @Test
    void recordsExactlyTheScheduledIterationsAndTheLast() {
        Params p = small().with("iterations", "1234");
        RecordingSchedule schedule = new RecordingSchedule(10, 5);
        RunView v = run(p, ToyDynamics::create, RunOptions.DEFAULT.withSchedule(schedule));
        assertEquals(RunState.FINISHED, v.state());
        assertEquals(1234, v.iteration());
        List<Long> expected = new ArrayList<>();
        for (long t = 0; t <= 1234; t++) {
            if (schedule.records(t) || t == 1234) {
                expected.add(t);
            }
        }
        List<Long> got = new ArrayList<>();
        for (Snapshot s : v.series()) {
            got.add(s.iteration());
        }
        assertEquals(expected, got);
    }

    @Test
    void explodingRunStopsAtTheFirstIterationAboveTheLimitAndRecordsNothingNonFinite() {
        Params p = small();
        double g = 1.5;
        RunView v = run(p, (q, seed, threads) -> ToyDynamics.scaling(q, seed, g), RunOptions.DEFAULT);
        double m0 = ToyDynamics.scaling(p, p.seed(), g).magnitude();
        double limit = Math.min(1e12, 1e8 * Math.max(m0, 1));
        // ‖B_t‖² = g^{2t} m0 exactly: the first t with g^{2t} m0 > limit
        double exact = Math.log(limit / m0) / (2 * Math.log(g));
        assertTrue(Math.abs(exact - Math.rint(exact)) > 1e-6, "boundary too close to an integer for this check");
        long expected = (long) Math.floor(exact) + 1;

        assertEquals(RunState.DIVERGED, v.state());
        assertEquals(expected, v.iteration());
        assertTrue(v.reason().startsWith("diverged at iteration " + expected + ":"), v.reason());
        assertTrue(v.reason().contains("Likely cause"), v.reason());
        assertEquals(expected - 1, v.last().iteration());
        v.series().forEach(s -> assertTrue(s.isFinite()));
    }

    @Test
    void nanStateStopsTheRunAtThatIteration() {
        RunView v = run(small(), (q, seed, threads) -> ToyDynamics.nanAt(q, seed, 50), DENSE);
        assertEquals(RunState.DIVERGED, v.state());
        assertEquals(50, v.iteration());
        assertTrue(v.reason().contains("iteration 50") && v.reason().contains("NaN"), v.reason());
        assertEquals(49, v.last().iteration());
        v.series().forEach(s -> assertTrue(s.isFinite()));
    }

    @Test
    void nonFiniteMetricIsNeverRecorded() {
        RunView v = run(small(), (q, seed, threads) -> ToyDynamics.infiniteLossAt(q, seed, 30), DENSE);
        assertEquals(RunState.DIVERGED, v.state());
        assertTrue(v.reason().contains("iteration 30") && v.reason().contains("training loss"), v.reason());
        assertEquals(29, v.last().iteration());
    }

    @Test
    void tooLargeInnerStepIsNamedWithAValueToTry() {
        // σ̃² = Tr I_2 + σ² = 3, α·σ̃ = √3 ≈ 1.73 > 1: ρ = 1 + 0.1·0.73 > 1, the toy explodes
        Params p = small().with("alpha", "1").with("iterations", "100000");
        RunView v = run(p, ToyDynamics::create, RunOptions.DEFAULT);
        assertEquals(RunState.DIVERGED, v.state());
        assertTrue(v.reason().contains("α·σ̃ = 1.7"), v.reason());
        assertTrue(v.reason().contains("try alpha ≤ 0.57"), v.reason()); // 1/√3 = 0.577, rounded down
        assertTrue(v.iteration() < 100000);
    }

    @Test
    void failingDynamicsEndsFailedWithItsMessage() {
        RunView v = run(small(), (q, seed, threads) -> {
            throw new UnsupportedOperationException("finite-task dynamics not implemented yet");
        }, RunOptions.DEFAULT);
        assertEquals(RunState.FAILED, v.state());
        assertEquals("finite-task dynamics not implemented yet", v.reason());
    }

    @Test
    void stationaryCriterionStopsAContractingRunEarly() {
        Params p = small().with("iterations", "1000000");
        RunView v = run(p, ToyDynamics::create, RunOptions.DEFAULT.withConvergence(ConvergenceCriterion.stationary(1e-9)));
        assertEquals(RunState.CONVERGED, v.state());
        assertTrue(v.iteration() < 1_000_000);
        // ρ = 1 − 0.1·(1 − 0.1·√3) ≈ 0.917: the error is below 1e-9 relative after a few hundred iterations
        assertTrue(v.iteration() < 5000, "converged only at " + v.iteration());
    }

    @Test
    void executesOnlyOnce() {
        Run r = new Run(Variant.of(small()), 1, 1, ToyDynamics::create, RunOptions.DEFAULT);
        r.execute(new RunControl());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> r.execute(new RunControl()));
    }
}
