package org.anilexplorer.core.algo;

/**
 * Tight loops over rows stored as separate {@code double[]} arrays, shaped so that HotSpot C2 vectorises them: one
 * output array and up to four input arrays indexed by the same j, {@code out[j] += c0·x0[j] + … + c3·x3[j]}. (C2 in
 * JDK 17 does not vectorise loops whose loads and stores hit the same array at different offsets, nor loops with
 * more than about five arrays: on the development machine this shape ran a 50×50×50 product at ~7.7 GFMA/s against
 * ~1.8 for the same loop on one flat array.) Callers guarantee that {@code out} is none of the inputs.
 */
final class RowKernels {

    private RowKernels() {
    }

    /**
     * out[0, len) = Σ_q coef[q]·rows[q][0, len) over q in [0, count) (overwrites out). rows[q] must not be out.
     */
    static void combine(double[] out, double[][] rows, double[] coef, int count, int len) {
        combine(out, rows, coef, count, 0, len);
    }

    /** out[from, to) = Σ_q coef[q]·rows[q][from, to) over q in [0, count) (overwrites that range of out). */
    static void combine(double[] out, double[][] rows, double[] coef, int count, int from, int to) {
        if (count == 0) {
            java.util.Arrays.fill(out, from, to, 0.0);
            return;
        }
        // passes of 4 inputs; the remainder is folded into the last passes (5, or 3 + 3, or 3) instead of
        // single-input passes, each of which would cost a full load and store of out for one multiply-add
        int rem = count % 4;
        int fours = count / 4 - (rem == 1 || rem == 2 ? 1 : 0);
        int q = 0;
        boolean first = true;
        for (int g = 0; g < fours; g++, q += 4) {
            double c0 = coef[q], c1 = coef[q + 1], c2 = coef[q + 2], c3 = coef[q + 3];
            double[] x0 = rows[q], x1 = rows[q + 1], x2 = rows[q + 2], x3 = rows[q + 3];
            if (first) {
                for (int j = from; j < to; j++) {
                    out[j] = c0 * x0[j] + c1 * x1[j] + c2 * x2[j] + c3 * x3[j];
                }
                first = false;
            } else {
                for (int j = from; j < to; j++) {
                    out[j] += c0 * x0[j] + c1 * x1[j] + c2 * x2[j] + c3 * x3[j];
                }
            }
        }
        int left = count - q; // 0, 1, 2, 3, 5 or 6
        if (left == 5) {
            double c0 = coef[q], c1 = coef[q + 1], c2 = coef[q + 2], c3 = coef[q + 3], c4 = coef[q + 4];
            double[] x0 = rows[q], x1 = rows[q + 1], x2 = rows[q + 2], x3 = rows[q + 3], x4 = rows[q + 4];
            if (first) {
                for (int j = from; j < to; j++) {
                    out[j] = c0 * x0[j] + c1 * x1[j] + c2 * x2[j] + c3 * x3[j] + c4 * x4[j];
                }
            } else {
                for (int j = from; j < to; j++) {
                    out[j] += c0 * x0[j] + c1 * x1[j] + c2 * x2[j] + c3 * x3[j] + c4 * x4[j];
                }
            }
            return;
        }
        while (left >= 3) {
            double c0 = coef[q], c1 = coef[q + 1], c2 = coef[q + 2];
            double[] x0 = rows[q], x1 = rows[q + 1], x2 = rows[q + 2];
            if (first) {
                for (int j = from; j < to; j++) {
                    out[j] = c0 * x0[j] + c1 * x1[j] + c2 * x2[j];
                }
                first = false;
            } else {
                for (int j = from; j < to; j++) {
                    out[j] += c0 * x0[j] + c1 * x1[j] + c2 * x2[j];
                }
            }
            q += 3;
            left -= 3;
        }
        if (left == 2) { // only when count = 2
            double c0 = coef[q], c1 = coef[q + 1];
            double[] x0 = rows[q], x1 = rows[q + 1];
            for (int j = from; j < to; j++) {
                out[j] = c0 * x0[j] + c1 * x1[j];
            }
        } else if (left == 1) { // only when count = 1
            double c0 = coef[q];
            double[] x0 = rows[q];
            for (int j = from; j < to; j++) {
                out[j] = c0 * x0[j];
            }
        }
    }

    /** Σ_j x[j]², with four partial sums so the additions do not wait on each other. */
    static double sumSquares(double[] x, int len) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        for (; j + 3 < len; j += 4) {
            s0 += x[j] * x[j];
            s1 += x[j + 1] * x[j + 1];
            s2 += x[j + 2] * x[j + 2];
            s3 += x[j + 3] * x[j + 3];
        }
        for (; j < len; j++) {
            s0 += x[j] * x[j];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
