package org.anilexplorer.core.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongToDoubleFunction;
import org.anilexplorer.core.algo.Dynamics;
import org.anilexplorer.core.algo.DynamicsFactory;
import org.anilexplorer.core.lesson.PauseCondition.Below;
import org.anilexplorer.core.lesson.PauseCondition.Frozen;
import org.anilexplorer.core.lesson.PauseCondition.Learned;
import org.anilexplorer.core.lesson.PauseCondition.OneOverT;
import org.anilexplorer.core.lesson.PauseCondition.Reached;
import org.anilexplorer.core.lesson.PauseCondition.Stalled;
import org.anilexplorer.core.metrics.Metrics;
import org.anilexplorer.core.metrics.RecordingSchedule;
import org.anilexplorer.core.metrics.Snapshot;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.run.SeriesMetric;
import org.anilexplorer.core.theory.LambdaStar;
import org.junit.jupiter.api.Test;

class LessonTrackerTest {

    private static final Params P = Params.defaults().withAll(Map.of("d", "10", "k", "2", "k_prime", "10",
            "tasks", "inf", "m_in", "10", "m_out", "10", "alpha", "0.2", "beta", "0.2", "sigma2", "1"));
    private static final double LAMBDA_MIN = LambdaStar.eigenvalues(P)[1];

    /** Synthetic records at the default schedule: σ²_min(B⋆ᵀB_t) = λ_min·(1 − e^(−t/100)), σ²_max(B⋆,⊥ᵀB_t) given. */
    private static List<Snapshot> series(long last, LongToDoubleFunction perp) {
        List<Snapshot> out = new ArrayList<>();
        for (long t = 0; t <= last; t = RecordingSchedule.DEFAULT.next(t)) {
            double star = LAMBDA_MIN * (1 - Math.exp(-t / 100.0));
            out.add(new Snapshot(t, new double[] {2 * star, star}, new double[] {perp.applyAsDouble(t), 0},
                    1.0 / (1 + t), 1.0 / (1 + t), 0, Double.NaN));
        }
        return out;
    }

    private static long firstIteration(PauseCondition c, List<Snapshot> s) {
        for (int i = 0; i < s.size(); i++) {
            if (c.holds(s, i, P)) {
                return s.get(i).iteration();
            }
        }
        return -1;
    }

    @Test
    void learnedWhenTheSmallestValueIsWithinTheToleranceOfLambdaStar() {
        List<Snapshot> s = series(10_000, t -> 1);
        long t5 = firstIteration(new Learned(0.05), s);
        long t1 = firstIteration(new Learned(0.01), s);
        // 1 − e^(−t/100) ≥ 0.95 from t = 100·ln 20 ≈ 300, ≥ 0.99 from t ≈ 461; the first record at or after each
        assertTrue(t5 >= 300 && t5 <= 320, "5 %: " + t5);
        assertTrue(t1 >= 461 && t1 <= 490, "1 %: " + t1);
    }

    @Test
    void oneOverTNeedsTheSlopeMinusOneOverADoublingAfterLearning() {
        List<Snapshot> inverse = series(20_000, t -> 5.0 / (1 + t));
        long t = firstIteration(new OneOverT(0.1), inverse);
        // learned to 10 % from t ≈ 230, so the window [t/2, t] is learned from t ≈ 460 on
        assertTrue(t >= 460 && t <= 520, "1/t: " + t);
        assertEquals(-1, firstIteration(new Stalled(0.1), inverse), "a 1/t curve does not stall");

        List<Snapshot> root = series(20_000, x -> 5.0 / Math.sqrt(1 + x));
        assertEquals(-1, firstIteration(new OneOverT(0.1), root), "slope −½ is not 1/t");
        assertTrue(firstIteration(new OneOverT(0.6), root) > 0, "but within 0.6 of −1 it is");

        List<Snapshot> flat = series(20_000, x -> 0.3);
        assertEquals(-1, firstIteration(new OneOverT(0.5), flat));
        long frozen = firstIteration(new Frozen(0.05), flat);
        assertTrue(frozen >= 460 && frozen <= 520, "flat after learning: " + frozen);
        assertEquals(-1, firstIteration(new Stalled(0.05), flat), "never came down, so it did not stall");
    }

    @Test
    void stalledWhenUnlearningLevelsOffAtAResidual() {
        // 1/t down to a residual of 0.01: the slope is ≈ −1 while 5/t ≫ 0.01, and ≈ 0 once 5/t ≪ 0.01 (t ≫ 500)
        List<Snapshot> residual = series(200_000, t -> 5.0 / (1 + t) + 0.01);
        long stalled = firstIteration(new Stalled(0.15), residual);
        // over [t/2, t] the slope is log₂((x + 1)/(2x + 1)) with x = 500/t; it is ≥ −0.15 once x ≤ 0.123, t ≥ 4,066
        // (the window's left end is the last record at or before t/2, so the first event may come slightly later)
        assertTrue(stalled >= 4_066 && stalled < 4_500, "stalls once 5/t is well below the residual: " + stalled);
        assertTrue(firstIteration(new OneOverT(0.15), residual) < stalled, "it unlearned like 1/t before");
    }

    @Test
    void belowAndReached() {
        List<Snapshot> s = series(5_000, t -> 1);
        long firstRecordFrom99 = s.stream().mapToLong(Snapshot::iteration).filter(t -> t >= 99).min().orElseThrow();
        assertEquals(firstRecordFrom99, firstIteration(new Below(SeriesMetric.DISTANCE, 0.01), s),
                "1/(1+t) ≤ 0.01 from t = 99 on");
        assertEquals(1000, firstIteration(new Reached(1000), s));
        assertThrows(IllegalArgumentException.class, () -> new Learned(0));
        assertThrows(IllegalArgumentException.class, () -> new Below(SeriesMetric.DISTANCE, Double.NaN));
    }

    @Test
    void eventsDoNotDependOnHowOftenTheTrackerIsFed() {
        List<Snapshot> s = series(20_000, t -> 5.0 / (1 + t));
        List<PausePoint> pauses = List.of(new PausePoint("A", new OneOverT(0.1), "1/t"),
                new PausePoint("A", new Learned(0.05), "learned"), new PausePoint("A", new Reached(10_000), "end"));
        LessonTracker whole = new LessonTracker(pauses, Map.of("A", P));
        List<PauseEvent> atOnce = whole.update("A", s);
        assertEquals(List.of(1, 0, 2), atOnce.stream().map(PauseEvent::index).toList(), "in iteration order");
        assertTrue(whole.finished());

        LessonTracker piecewise = new LessonTracker(pauses, Map.of("A", P));
        List<PauseEvent> collected = new ArrayList<>();
        for (int n = 1; n <= s.size(); n += 7) {
            collected.addAll(piecewise.update("A", s.subList(0, n)));
        }
        collected.addAll(piecewise.update("A", s));
        assertEquals(atOnce, collected);
        assertEquals(atOnce, piecewise.events());
        assertEquals(List.of(), piecewise.update("A", s), "each pause fires once");

        piecewise.reset();
        assertEquals(List.of(), piecewise.events());
        assertEquals(atOnce, piecewise.update("A", s));
    }

    @Test
    void aPauseForAnUnknownMethodIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LessonTracker(
                List.of(new PausePoint("B", new Learned(0.05), "x")), Map.of("A", P)));
        assertTrue(e.getMessage().contains("'B'"), e.getMessage());
        assertEquals(List.of(), new LessonTracker(List.of(), Map.of("A", P)).update("other", List.of()));
    }

    /** The quick tour's story on a real FO-ANIL run: learned, then 1/t; with m_in = ∞ learned, then stalled. */
    @Test
    void aRealRunLearnsThenUnlearnsLikeOneOverTAndInfiniteSamplesStall() throws Exception {
        Params inf = P.withAll(Map.of("m_in", "inf", "m_out", "inf"));
        List<PausePoint> pauses = List.of(
                new PausePoint("finite", new Learned(0.05), "learned"),
                new PausePoint("finite", new OneOverT(0.15), "1/t"),
                new PausePoint("finite", new Stalled(0.05), "never: it keeps unlearning"),
                new PausePoint("infinite", new Learned(0.05), "learned"),
                new PausePoint("infinite", new Frozen(0.01), "frozen"),
                new PausePoint("infinite", new OneOverT(0.5), "never: nothing is unlearned"));
        LessonTracker tracker = new LessonTracker(pauses, Map.of("finite", P, "infinite", inf));
        tracker.update("finite", record(P, 8_000));
        tracker.update("infinite", record(inf, 8_000));
        Map<Integer, Long> at = new java.util.HashMap<>();
        tracker.events().forEach(e -> at.put(e.index(), e.iteration()));
        assertTrue(at.containsKey(0) && at.containsKey(1), "finite m_in learns and unlearns: " + at);
        assertTrue(at.get(1) > at.get(0), "1/t after learning: " + at);
        assertFalse(at.containsKey(2), "finite m_in does not stall in 8,000 iterations: " + at);
        assertTrue(at.containsKey(3) && at.containsKey(4), "m_in = ∞ learns and then does not move: " + at);
        assertFalse(at.containsKey(5), "m_in = ∞ never follows 1/t: " + at);
    }

    private static List<Snapshot> record(Params p, long iterations) throws Exception {
        List<Snapshot> out = new ArrayList<>();
        try (Dynamics dyn = DynamicsFactory.create(p, p.seedOf(0), 1)) {
            out.add(Metrics.measure(dyn));
            while (dyn.iteration() < iterations) {
                dyn.step();
                if (RecordingSchedule.DEFAULT.records(dyn.iteration())) {
                    out.add(Metrics.measure(dyn));
                }
            }
        }
        return out;
    }
}
