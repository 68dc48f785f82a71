package org.anilexplorer.core.algo;

import java.util.Arrays;

/**
 * Products of small dense matrices whose rows are separate {@code double[]} arrays, register-blocked four output rows
 * by two source rows: each pass of the inner loop loads two source rows and four output rows and does eight
 * multiply-adds per index, against five loads for four in {@link RowKernels}'s one-output passes.
 *
 * <p>The shape is dictated by HotSpot C2 (JDK 17): it vectorises a loop only if it may unroll it, and it unrolls only
 * bodies below {@code -XX:LoopUnrollLimit} (60 ideal nodes by default). Written with {@link Math#fma}, which is one
 * node instead of a multiply and an add, a 4 × 2 body fits and runs as AVX vectors; 4 × 4, 2 × 4 or 8 × 1 bodies do
 * not fit and run scalar, at a third of the speed (docs/decisions/0037-infinite-task-kernel.md has the measurements).
 * {@code Math.fma} rounds once per multiply-add, vectorised or not, so results do not depend on what C2 did.
 *
 * <p>Callers guarantee that no output row is also a source or coefficient row.
 */
final class BlockedRowKernels {

    private BlockedRowKernels() {
    }

    /**
     * out[i][from, to) = Σ_q coef[i][q]·src[q][from, to) for i &lt; rows, q &lt; inner (overwrites that range):
     * the product C = A·S with A given by its rows.
     */
    static void multiply(double[][] out, double[][] coef, double[][] src, int rows, int inner, int from, int to) {
        if (inner == 0) {
            for (int i = 0; i < rows; i++) {
                Arrays.fill(out[i], from, to, 0.0);
            }
            return;
        }
        accumulate(out, coef, src, rows, inner, from, to, true);
    }

    /** out[i][0, len) = base[i][0, len) + Σ_q coef[i][q]·src[q][0, len) for i &lt; rows, q &lt; inner. */
    static void multiplyAdd(double[][] out, double[][] base, double[][] coef, double[][] src, int rows, int inner,
                            int len) {
        for (int i = 0; i < rows; i++) {
            System.arraycopy(base[i], 0, out[i], 0, len);
        }
        accumulate(out, coef, src, rows, inner, 0, len, false);
    }

    /** out rows (+)= coef rows × src rows; with {@code overwrite} the first pass writes instead of adding. */
    private static void accumulate(double[][] out, double[][] coef, double[][] src, int rows, int inner, int from,
                                   int to, boolean overwrite) {
        int i = 0;
        for (; i + 3 < rows; i += 4) {
            double[] o0 = out[i];
            double[] o1 = out[i + 1];
            double[] o2 = out[i + 2];
            double[] o3 = out[i + 3];
            double[] a0 = coef[i];
            double[] a1 = coef[i + 1];
            double[] a2 = coef[i + 2];
            double[] a3 = coef[i + 3];
            int q = 0;
            if (overwrite) {
                if (inner == 1) {
                    fourByOneSet(o0, o1, o2, o3, a0[0], a1[0], a2[0], a3[0], src[0], from, to);
                    continue;
                }
                fourByTwoSet(o0, o1, o2, o3, a0[0], a0[1], a1[0], a1[1], a2[0], a2[1], a3[0], a3[1], src[0], src[1],
                        from, to);
                q = 2;
            }
            for (; q + 1 < inner; q += 2) {
                fourByTwo(o0, o1, o2, o3, a0[q], a0[q + 1], a1[q], a1[q + 1], a2[q], a2[q + 1], a3[q], a3[q + 1],
                        src[q], src[q + 1], from, to);
            }
            if (q < inner) {
                fourByOne(o0, o1, o2, o3, a0[q], a1[q], a2[q], a3[q], src[q], from, to);
            }
        }
        for (; i < rows; i++) {
            double[] o = out[i];
            double[] a = coef[i];
            if (overwrite) {
                Arrays.fill(o, from, to, 0.0);
            }
            int q = 0;
            for (; q + 1 < inner; q += 2) {
                oneByTwo(o, a[q], a[q + 1], src[q], src[q + 1], from, to);
            }
            if (q < inner) {
                oneByOne(o, a[q], src[q], from, to);
            }
        }
    }

    /**
     * The upper triangle of the weighted Gram matrix C = Σ_q weight[q]·rows[q]·rows[q]ᵀ (len × len, q &lt; count):
     * C[j][l] = Σ_q weight[q]·rows[q][j]·rows[q][l]. Rows of C are computed four at a time from the block's first
     * column on, so row j is written on [4⌊j/4⌋, len) (the last rows short of a block: from the first of them on);
     * the rest of each row is left as it was. The caller mirrors the strict upper triangle if it needs all of C.
     */
    static void weightedGramUpper(double[][] out, double[][] rows, double[] weight, int count, int len) {
        int j = 0;
        for (; j + 3 < len; j += 4) {
            double[] o0 = out[j];
            double[] o1 = out[j + 1];
            double[] o2 = out[j + 2];
            double[] o3 = out[j + 3];
            int q = 0;
            if (count == 1) {
                double[] r0 = rows[0];
                double w0 = weight[0];
                fourByOneSet(o0, o1, o2, o3, w0 * r0[j], w0 * r0[j + 1], w0 * r0[j + 2], w0 * r0[j + 3], r0, j, len);
                continue;
            }
            if (count > 1) {
                double[] r0 = rows[0];
                double[] r1 = rows[1];
                double w0 = weight[0];
                double w1 = weight[1];
                fourByTwoSet(o0, o1, o2, o3, w0 * r0[j], w1 * r1[j], w0 * r0[j + 1], w1 * r1[j + 1], w0 * r0[j + 2],
                        w1 * r1[j + 2], w0 * r0[j + 3], w1 * r1[j + 3], r0, r1, j, len);
                q = 2;
            } else {
                Arrays.fill(o0, j, len, 0.0);
                Arrays.fill(o1, j, len, 0.0);
                Arrays.fill(o2, j, len, 0.0);
                Arrays.fill(o3, j, len, 0.0);
            }
            for (; q + 1 < count; q += 2) {
                double[] r0 = rows[q];
                double[] r1 = rows[q + 1];
                double w0 = weight[q];
                double w1 = weight[q + 1];
                fourByTwo(o0, o1, o2, o3, w0 * r0[j], w1 * r1[j], w0 * r0[j + 1], w1 * r1[j + 1], w0 * r0[j + 2],
                        w1 * r1[j + 2], w0 * r0[j + 3], w1 * r1[j + 3], r0, r1, j, len);
            }
            if (q < count) {
                double[] r0 = rows[q];
                double w0 = weight[q];
                fourByOne(o0, o1, o2, o3, w0 * r0[j], w0 * r0[j + 1], w0 * r0[j + 2], w0 * r0[j + 3], r0, j, len);
            }
        }
        int from = j;
        for (; j < len; j++) {
            double[] o = out[j];
            Arrays.fill(o, from, len, 0.0);
            int q = 0;
            for (; q + 1 < count; q += 2) {
                oneByTwo(o, weight[q] * rows[q][j], weight[q + 1] * rows[q + 1][j], rows[q], rows[q + 1], from, len);
            }
            if (q < count) {
                oneByOne(o, weight[q] * rows[q][j], rows[q], from, len);
            }
        }
    }

    // ---- the micro-kernels: out rows (+)= coefficients × source rows on [from, to) ----

    private static void fourByTwoSet(double[] o0, double[] o1, double[] o2, double[] o3,
                                     double a00, double a01, double a10, double a11, double a20, double a21,
                                     double a30, double a31, double[] x0, double[] x1, int from, int to) {
        for (int j = from; j < to; j++) {
            double y0 = x0[j];
            double y1 = x1[j];
            o0[j] = Math.fma(a01, y1, a00 * y0);
            o1[j] = Math.fma(a11, y1, a10 * y0);
            o2[j] = Math.fma(a21, y1, a20 * y0);
            o3[j] = Math.fma(a31, y1, a30 * y0);
        }
    }

    private static void fourByOneSet(double[] o0, double[] o1, double[] o2, double[] o3,
                                     double a0, double a1, double a2, double a3, double[] x, int from, int to) {
        for (int j = from; j < to; j++) {
            double y = x[j];
            o0[j] = a0 * y;
            o1[j] = a1 * y;
            o2[j] = a2 * y;
            o3[j] = a3 * y;
        }
    }

    private static void fourByTwo(double[] o0, double[] o1, double[] o2, double[] o3,
                                  double a00, double a01, double a10, double a11, double a20, double a21,
                                  double a30, double a31, double[] x0, double[] x1, int from, int to) {
        for (int j = from; j < to; j++) {
            double y0 = x0[j];
            double y1 = x1[j];
            o0[j] = Math.fma(a01, y1, Math.fma(a00, y0, o0[j]));
            o1[j] = Math.fma(a11, y1, Math.fma(a10, y0, o1[j]));
            o2[j] = Math.fma(a21, y1, Math.fma(a20, y0, o2[j]));
            o3[j] = Math.fma(a31, y1, Math.fma(a30, y0, o3[j]));
        }
    }

    private static void fourByOne(double[] o0, double[] o1, double[] o2, double[] o3,
                                  double a0, double a1, double a2, double a3, double[] x, int from, int to) {
        for (int j = from; j < to; j++) {
            double y = x[j];
            o0[j] = Math.fma(a0, y, o0[j]);
            o1[j] = Math.fma(a1, y, o1[j]);
            o2[j] = Math.fma(a2, y, o2[j]);
            o3[j] = Math.fma(a3, y, o3[j]);
        }
    }

    private static void oneByTwo(double[] o, double a0, double a1, double[] x0, double[] x1, int from, int to) {
        for (int j = from; j < to; j++) {
            o[j] = Math.fma(a1, x1[j], Math.fma(a0, x0[j], o[j]));
        }
    }

    private static void oneByOne(double[] o, double a, double[] x, int from, int to) {
        for (int j = from; j < to; j++) {
            o[j] = Math.fma(a, x[j], o[j]);
        }
    }

    /**
     * out[i] = rows[i]·x over [0, len) for i &lt; count, four rows at a time (one load of x serves four independent
     * multiply-add chains; a dot product is a reduction, which C2 leaves scalar).
     */
    static void rowDots(double[] out, double[][] rows, int count, double[] x, int len) {
        int i = 0;
        for (; i + 3 < count; i += 4) {
            double[] r0 = rows[i];
            double[] r1 = rows[i + 1];
            double[] r2 = rows[i + 2];
            double[] r3 = rows[i + 3];
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int j = 0; j < len; j++) {
                double xj = x[j];
                s0 = Math.fma(r0[j], xj, s0);
                s1 = Math.fma(r1[j], xj, s1);
                s2 = Math.fma(r2[j], xj, s2);
                s3 = Math.fma(r3[j], xj, s3);
            }
            out[i] = s0;
            out[i + 1] = s1;
            out[i + 2] = s2;
            out[i + 3] = s3;
        }
        for (; i < count; i++) {
            out[i] = dot(rows[i], x, len);
        }
    }

    /**
     * Σ_i Σ_j rows[i][j]² over i &lt; count, j &lt; len: the squares are summed down the rows into {@code scratch}
     * (length ≥ len) four rows at a time, a loop C2 vectorises, and only the len column sums are added up in scalar.
     */
    static double sumSquares(double[][] rows, int count, int len, double[] scratch) {
        Arrays.fill(scratch, 0, len, 0.0);
        int i = 0;
        for (; i + 3 < count; i += 4) {
            double[] r0 = rows[i];
            double[] r1 = rows[i + 1];
            double[] r2 = rows[i + 2];
            double[] r3 = rows[i + 3];
            for (int j = 0; j < len; j++) {
                scratch[j] = Math.fma(r3[j], r3[j], Math.fma(r2[j], r2[j], Math.fma(r1[j], r1[j],
                        Math.fma(r0[j], r0[j], scratch[j]))));
            }
        }
        for (; i < count; i++) {
            double[] r = rows[i];
            for (int j = 0; j < len; j++) {
                scratch[j] = Math.fma(r[j], r[j], scratch[j]);
            }
        }
        double total = 0;
        for (int j = 0; j < len; j++) {
            total += scratch[j];
        }
        return total;
    }

    /** Σ_j x[j]·y[j] over [0, len), four partial sums so the multiply-adds do not wait on each other. */
    static double dot(double[] x, double[] y, int len) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        for (; j + 3 < len; j += 4) {
            s0 = Math.fma(x[j], y[j], s0);
            s1 = Math.fma(x[j + 1], y[j + 1], s1);
            s2 = Math.fma(x[j + 2], y[j + 2], s2);
            s3 = Math.fma(x[j + 3], y[j + 3], s3);
        }
        for (; j < len; j++) {
            s0 = Math.fma(x[j], y[j], s0);
        }
        return (s0 + s1) + (s2 + s3);
    }
}
