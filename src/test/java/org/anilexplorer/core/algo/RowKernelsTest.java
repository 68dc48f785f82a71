package org.anilexplorer.core.algo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RowKernelsTest {

    @Test
    void combineEqualsThePlainSumForEveryCountAndRange() {
        SplittableRandom rng = new SplittableRandom(3);
        int len = 23;
        double[][] rows = new double[14][len];
        double[] coef = new double[14];
        for (int q = 0; q < 14; q++) {
            coef[q] = rng.nextGaussian();
            for (int j = 0; j < len; j++) {
                rows[q][j] = rng.nextGaussian();
            }
        }
        for (int count = 0; count <= 14; count++) {
            for (int from : new int[] {0, 5}) {
                double[] out = new double[len];
                java.util.Arrays.fill(out, 42.0); // outside [from, len) must stay untouched
                RowKernels.combine(out, rows, coef, count, from, len);
                for (int j = 0; j < len; j++) {
                    double expected = 42.0;
                    if (j >= from) {
                        expected = 0;
                        for (int q = 0; q < count; q++) {
                            expected += coef[q] * rows[q][j];
                        }
                    }
                    assertEquals(expected, out[j], 1e-13, "count " + count + ", from " + from + ", j " + j);
                }
            }
        }
        assertEquals(14.0, RowKernels.sumSquares(new double[] {1, 2, 3, 0, 0}, 5), 0.0);
    }
}
