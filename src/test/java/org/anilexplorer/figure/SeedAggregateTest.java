package org.anilexplorer.figure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.anilexplorer.core.metrics.Snapshot;
import org.junit.jupiter.api.Test;

class SeedAggregateTest {

    /** A snapshot whose training loss is the given value (the metric under test). */
    static Snapshot at(long t, double value) {
        return new Snapshot(t, new double[] {value}, new double[] {value}, 0, 0, value, Double.NaN);
    }

    static List<Snapshot> run(long[] t, double[] v) {
        List<Snapshot> out = new ArrayList<>();
        for (int i = 0; i < t.length; i++) {
            out.add(at(t[i], v[i]));
        }
        return out;
    }

    /** Two-pass population standard deviation, written out independently of the Welford update under test. */
    static double sampleStd(double... v) {
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= v.length;
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return Math.sqrt(ss / (v.length - 1)); // sample std, divisor n − 1
    }

    @Test
    void meanAndStdOverSeedsAtEachIteration() {
        long[] t = {0, 1, 2, 10};
        List<List<Snapshot>> seeds = List.of(
                run(t, new double[] {1, 2, 3, 4}),
                run(t, new double[] {2, 4, 9, 4}),
                run(t, new double[] {6, 0, 3, 4}));
        SeedAggregate a = SeedAggregate.of(seeds, Snapshot::trainingLoss);
        assertArrayEquals(new double[] {0, 1, 2, 10}, a.x());
        assertArrayEquals(new double[] {3, 2, 5, 4}, a.mean(), 1e-15);
        assertArrayEquals(new double[] {sampleStd(1, 2, 6), sampleStd(2, 4, 0), sampleStd(3, 9, 3), 0}, a.std(), 1e-14);
        // hand values: sd(1,2,6) = √(14/2) = √7, sd(2,4,0) = √(8/2) = 2, sd(3,9,3) = √(24/2) = √12
        assertEquals(Math.sqrt(7), a.std()[0], 1e-14);
        assertEquals(2, a.std()[1], 1e-14);
        assertEquals(Math.sqrt(12), a.std()[2], 1e-14);
        assertArrayEquals(new int[] {3, 3, 3, 3}, a.count());
    }

    @Test
    void stdIsAccurateForLargeValuesWithSmallSpread() {
        long[] t = {5};
        double base = 1e9;
        SeedAggregate a = SeedAggregate.of(List.of(run(t, new double[] {base + 1}), run(t, new double[] {base + 2}),
                run(t, new double[] {base + 3})), Snapshot::trainingLoss);
        assertEquals(base + 2, a.mean()[0], 0);
        assertEquals(1.0, a.std()[0], 1e-6); // the naive Σx² − n·mean² formula loses every digit here
    }

    @Test
    void raggedSeedsAverageWhatIsThereAndHaveNoStdWhereOneSeedIsLeft() {
        List<List<Snapshot>> seeds = List.of(
                run(new long[] {0, 1, 2, 3, 4}, new double[] {1, 1, 1, 1, 1}),
                run(new long[] {0, 1, 2}, new double[] {3, 3, 3})); // cancelled after iteration 2
        SeedAggregate a = SeedAggregate.of(seeds, Snapshot::trainingLoss);
        assertArrayEquals(new double[] {0, 1, 2, 3, 4}, a.x());
        assertArrayEquals(new double[] {2, 2, 2, 1, 1}, a.mean(), 1e-15);
        assertArrayEquals(new int[] {2, 2, 2, 1, 1}, a.count());
        assertEquals(Math.sqrt(2), a.std()[2], 1e-15); // values 1 and 3
        assertTrue(Double.isNaN(a.std()[3]) && Double.isNaN(a.std()[4]));
    }

    @Test
    void seedsAreMatchedByIterationNotByPosition() {
        // the second seed skipped iteration 1 (e.g. a dropped record): its value at 2 must meet the first seed's at 2
        List<List<Snapshot>> seeds = List.of(
                run(new long[] {0, 1, 2}, new double[] {10, 20, 30}),
                run(new long[] {0, 2}, new double[] {12, 34}));
        SeedAggregate a = SeedAggregate.of(seeds, Snapshot::trainingLoss);
        assertArrayEquals(new double[] {11, 20, 32}, a.mean(), 1e-15);
        assertArrayEquals(new int[] {2, 1, 2}, a.count());
    }

    @Test
    void nonFiniteValuesAreLeftOutAndARepeatedIterationKeepsItsLastValue() {
        List<List<Snapshot>> seeds = List.of(
                run(new long[] {0, 1, 1}, new double[] {1, 100, 5}),
                run(new long[] {0, 1}, new double[] {Double.NaN, 7}),
                run(new long[] {0, 1}, new double[] {3, Double.POSITIVE_INFINITY}));
        SeedAggregate a = SeedAggregate.of(seeds, Snapshot::trainingLoss);
        assertArrayEquals(new double[] {2, 6}, a.mean(), 1e-15);
        assertArrayEquals(new int[] {2, 2}, a.count());
    }

    @Test
    void aSingleSeedGivesACurveWithoutBand() {
        SeedAggregate a = SeedAggregate.of(List.of(run(new long[] {0, 1}, new double[] {1, 2})),
                Snapshot::trainingLoss);
        Series s = a.toSeries("one", Palette.BLUE, LineStyle.DATA, "one");
        assertNull(s.std());
        assertTrue(!s.hasBand());
        assertArrayEquals(new double[] {1, 2}, s.mean());
    }

    @Test
    void noSeedsGiveAnEmptyCurve() {
        assertEquals(0, SeedAggregate.of(List.of(), Snapshot::trainingLoss).size());
        assertEquals(0, SeedAggregate.of(List.of(List.of()), Snapshot::trainingLoss).size());
    }

    @Test
    void vectorMetricsAggregateEachComponentWithItsOwnMissingValues() {
        // component 0 = training loss, component 1 = loss × 10 but missing (NaN) in seed 1 at iteration 1
        List<List<Snapshot>> seeds = List.of(
                run(new long[] {0, 1}, new double[] {1, 2}),
                run(new long[] {0, 1}, new double[] {3, 6}));
        List<SeedAggregate> a = SeedAggregate.of(seeds, 2, (snapshot, out) -> {
            out[0] = snapshot.trainingLoss();
            if (!(snapshot.iteration() == 1 && snapshot.trainingLoss() == 6)) {
                out[1] = 10 * snapshot.trainingLoss();
            }
        });
        assertEquals(2, a.size());
        assertArrayEquals(new double[] {2, 4}, a.get(0).mean(), 1e-15);
        assertArrayEquals(new double[] {Math.sqrt(2), 2 * Math.sqrt(2)}, a.get(0).std(), 1e-14);
        assertArrayEquals(new double[] {20, 20}, a.get(1).mean(), 1e-15);
        assertArrayEquals(new int[] {2, 1}, a.get(1).count());
        assertTrue(Double.isNaN(a.get(1).std()[1]));
    }
}
