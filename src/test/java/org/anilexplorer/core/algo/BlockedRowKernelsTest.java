package org.anilexplorer.core.algo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The register-blocked products equal plain triple loops, for row counts and inner sizes on and off the blocks. */
class BlockedRowKernelsTest {

    private static final double UNTOUCHED = 42.0;

    @ParameterizedTest(name = "rows={0} inner={1} len={2}")
    @CsvSource({"1, 1, 1", "4, 2, 8", "5, 3, 7", "7, 0, 5", "8, 1, 13", "3, 5, 50", "13, 11, 9", "50, 52, 50"})
    void multiplyEqualsThePlainProduct(int rows, int inner, int len) {
        SplittableRandom rng = new SplittableRandom(rows * 100 + inner);
        double[][] coef = random(rng, rows, Math.max(inner, 1));
        double[][] src = random(rng, Math.max(inner, 1), len);
        for (int from : new int[] {0, Math.min(3, len)}) {
            double[][] out = filled(rows, len);
            BlockedRowKernels.multiply(out, coef, src, rows, inner, from, len);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < len; j++) {
                    double expected = UNTOUCHED;
                    if (j >= from) {
                        expected = 0;
                        for (int q = 0; q < inner; q++) {
                            expected += coef[i][q] * src[q][j];
                        }
                    }
                    assertEquals(expected, out[i][j], 1e-13, "row " + i + ", column " + j + ", from " + from);
                }
            }
        }
    }

    @ParameterizedTest(name = "rows={0} inner={1} len={2}")
    @CsvSource({"1, 1, 3", "4, 2, 8", "6, 3, 7", "9, 6, 11", "50, 6, 50"})
    void multiplyAddStartsFromTheBase(int rows, int inner, int len) {
        SplittableRandom rng = new SplittableRandom(rows * 7 + inner);
        double[][] base = random(rng, rows, len);
        double[][] coef = random(rng, rows, inner);
        double[][] src = random(rng, inner, len);
        double[][] out = filled(rows, len);
        BlockedRowKernels.multiplyAdd(out, base, coef, src, rows, inner, len);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < len; j++) {
                double expected = base[i][j];
                for (int q = 0; q < inner; q++) {
                    expected += coef[i][q] * src[q][j];
                }
                assertEquals(expected, out[i][j], 1e-13, "row " + i + ", column " + j);
            }
        }
    }

    @ParameterizedTest(name = "len={0} count={1}")
    @CsvSource({"1, 1", "3, 2", "4, 1", "5, 5", "8, 4", "11, 7", "6, 0", "50, 52"})
    void upperTriangleOfTheWeightedGram(int len, int count) {
        SplittableRandom rng = new SplittableRandom(len * 13 + count);
        double[][] rows = random(rng, Math.max(count, 1), len);
        double[] weight = random(rng, 1, Math.max(count, 1))[0];
        double[][] out = filled(len, len);
        BlockedRowKernels.weightedGramUpper(out, rows, weight, count, len);
        for (int j = 0; j < len; j++) {
            for (int l = j; l < len; l++) { // the upper triangle is always written
                double expected = 0;
                for (int q = 0; q < count; q++) {
                    expected += weight[q] * rows[q][j] * rows[q][l];
                }
                assertEquals(expected, out[j][l], 1e-13, "row " + j + ", column " + l);
            }
            int blockStart = Math.min(j & ~3, len & ~3);
            for (int l = 0; l < blockStart; l++) {
                assertEquals(UNTOUCHED, out[j][l], 0.0, "row " + j + ", column " + l + " is left of its block");
            }
        }
    }

    @ParameterizedTest(name = "count={0} len={1}")
    @CsvSource({"1, 1", "3, 5", "4, 8", "7, 50", "50, 50"})
    void dotsAndSumsOfSquares(int count, int len) {
        SplittableRandom rng = new SplittableRandom(count * 31 + len);
        double[][] rows = random(rng, count, len);
        double[] x = random(rng, 1, len)[0];
        double[] dots = new double[count];
        BlockedRowKernels.rowDots(dots, rows, count, x, len);
        double squares = 0;
        for (int i = 0; i < count; i++) {
            double expected = 0;
            for (int j = 0; j < len; j++) {
                expected += rows[i][j] * x[j];
                squares += rows[i][j] * rows[i][j];
            }
            assertEquals(expected, dots[i], 1e-13, "row " + i);
        }
        assertEquals(squares, BlockedRowKernels.sumSquares(rows, count, len, new double[len + 3]), 1e-12 * squares);
    }

    private static double[][] random(SplittableRandom rng, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = rng.nextDouble(-1, 1);
            }
        }
        return m;
    }

    private static double[][] filled(int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            Arrays.fill(row, UNTOUCHED);
        }
        return m;
    }
}
