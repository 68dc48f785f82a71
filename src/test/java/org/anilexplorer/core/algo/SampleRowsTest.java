package org.anilexplorer.core.algo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The row-buffer kernels against the formulas written out element by element, on one task's samples block lying at
 * an offset inside a larger array between NaNs (as in a pool's slab): rows fewer than, equal to and more than the
 * buffer holds (several blocks, a last block that is not a multiple of four), a single row, d = 1 and a d that fills
 * no vector evenly; the result must not depend on the block size, and the vector kernels must give the same bits.
 */
class SampleRowsTest {

    @ParameterizedTest(name = "rows={0} d={1} from row {2}, {3} rows")
    @CsvSource({"30, 50, 0, 20", "30, 50, 20, 10", "1, 7, 0, 1", "5, 1, 0, 5", "3, 13, 1, 2", "70, 300, 0, 70",
        "70, 300, 3, 61", "9, 2000, 0, 9", "11, 7, 0, 11", "14, 6, 0, 14"})
    void residualGradientAndGramTimesMatchTheFormulas(int taskRows, int d, int row0, int count) {
        SplittableRandom rng = new SplittableRandom(taskRows * 31L + d);
        double[] task = new double[taskRows * (d + 1)];
        for (int j = 0; j < task.length; j++) {
            task[j] = rng.nextGaussian();
        }
        int labelsAt = taskRows * d;
        double[] p = new double[d];
        double[] h = new double[d];
        for (int c = 0; c < d; c++) {
            p[c] = rng.nextGaussian();
            h[c] = rng.nextGaussian();
        }
        // the formulas: Xᵀ(X p − y)/count, Σ (x·p − y)², and Xᵀ(X h)/count, row by row and element by element
        double[] expected = new double[d];
        double[] expectedGram = new double[d];
        double squares = 0;
        for (int r = row0; r < row0 + count; r++) {
            double e = -task[labelsAt + r];
            double f = 0;
            for (int c = 0; c < d; c++) {
                e += task[r * d + c] * p[c];
                f += task[r * d + c] * h[c];
            }
            squares += e * e;
            for (int c = 0; c < d; c++) {
                expected[c] += e * task[r * d + c] / count;
                expectedGram[c] += f * task[r * d + c] / count;
            }
        }
        // the task in a slab, between other values that must not be read
        int base = 2 * d + 3;
        double[] slab = new double[base + task.length + d + 5];
        Arrays.fill(slab, Double.NaN);
        System.arraycopy(task, 0, slab, base, task.length);
        SampleRows rows = new SampleRows(taskRows, d);
        double[] out = new double[d];
        Arrays.fill(out, 99); // overwritten
        double sq = rows.residualGradient(slab, base, labelsAt, row0, count, p, out);
        assertEquals(squares, sq, 1e-12 * squares);
        assertTrue(Numerics.relativeError(out, expected) <= 1e-12, "residual gradient " + Numerics.relativeError(out, expected));
        double[] gram = new double[d];
        rows.addGramTimes(slab, base, row0, count, h, gram);
        assertTrue(Numerics.relativeError(gram, expectedGram) <= 1e-12, "Σ̂ h " + Numerics.relativeError(gram, expectedGram));
        double[] again = new double[d];
        rows.addGramTimes(slab, base, row0, count, h, again);
        rows.addGramTimes(slab, base, row0, count, h, again);
        for (int c = 0; c < d; c++) {
            assertEquals(2 * gram[c], again[c], 1e-12 * Math.abs(2 * gram[c]) + 1e-300, "adds, does not overwrite");
        }

        // a buffer that takes all rows at once gives the same bits as one that needs several blocks
        double[] single = new double[d];
        double[] singleGram = new double[d];
        SampleRows oneBlock = wholeTask(taskRows, d);
        double sqOne = oneBlock.residualGradient(slab, base, labelsAt, row0, count, p, single);
        oneBlock.addGramTimes(slab, base, row0, count, h, singleGram);
        assertEquals(sqOne, sq, 0.0);
        assertArrayEquals(single, out, 0.0);
        assertArrayEquals(singleGram, gram, 0.0);

        // the vector kernels read the slab in place: the same bits
        Kernels.vector().ifPresent(vector -> {
            TaskRows inPlace = vector.taskRows(taskRows, d);
            double[] vOut = new double[d];
            double[] vGram = new double[d];
            assertEquals(sq, inPlace.residualGradient(slab, base, labelsAt, row0, count, p, vOut), 0.0);
            inPlace.addGramTimes(slab, base, row0, count, h, vGram);
            assertArrayEquals(out, vOut, 0.0);
            assertArrayEquals(gram, vGram, 0.0);
        });
    }

    /** A buffer large enough for every row of the task in one block (a d small enough that the budget allows it). */
    private static SampleRows wholeTask(int taskRows, int d) {
        SampleRows rows = new SampleRows(taskRows, d);
        return rows.capacity() >= taskRows ? rows : new SampleRows(taskRows, d, taskRows);
    }
}
