package org.anilexplorer.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SeedStatisticsTest {

    @Test
    void sampleStandardDeviationHasDivisorNMinusOne() {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, Σ(x − 5)² = 32, so sd = √(32/7)
        SeedStatistics.Summary s = SeedStatistics.of(2, 4, 4, 4, 5, 5, 7, 9);
        assertEquals(5, s.mean(), 1e-15);
        assertEquals(Math.sqrt(32.0 / 7), s.sd(), 1e-15);
        assertEquals(8, s.count());
    }

    @Test
    void nonFiniteValuesAreLeftOutAndOneValueHasNoSpread() {
        SeedStatistics.Summary s = SeedStatistics.of(3, Double.NaN, Double.POSITIVE_INFINITY);
        assertEquals(3, s.mean());
        assertTrue(Double.isNaN(s.sd()));
        assertEquals(1, s.count());
        assertTrue(Double.isNaN(SeedStatistics.of().mean()));
    }

    @Test
    void varianceIsUnbiasedOverManyDraws() {
        // E[sd²] = σ² for the n − 1 divisor: 20000 samples of 3 N(0, 4) draws average to 4 within a few SE
        Random r = new Random(7);
        double sum = 0;
        int trials = 20_000;
        for (int i = 0; i < trials; i++) {
            double sd = SeedStatistics.of(2 * r.nextGaussian(), 2 * r.nextGaussian(), 2 * r.nextGaussian()).sd();
            sum += sd * sd;
        }
        // Var(s²) = 2σ⁴/(n − 1) = 16 for n = 3: standard error of the mean of s² is 4/√trials ≈ 0.028
        assertEquals(4, sum / trials, 5 * 4 / Math.sqrt(trials));
    }

    @Test
    void theNameSaysTheDivisorAndTheSeedCount() {
        assertEquals("mean ± sd (n−1) over 3 seeds", SeedStatistics.describe(3));
        assertEquals("mean ± sd (n−1) over 1 seed", SeedStatistics.describe(1));
    }
}
