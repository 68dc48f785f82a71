package org.anilexplorer.core.algo;

import java.util.Arrays;

/**
 * The kernels in plain Java, for a JVM without the Vector API (a bare {@code java -jar}). The sums follow the order
 * {@link Kernels} fixes, written so that C2 still vectorises the element-wise loops: every array in them is its own
 * row ({@code y[j] = fma(a, x[j], y[j])}), and task samples are copied into row buffers first
 * ({@link SampleRows}). The dot products stay scalar (C2 in JDK 17 does not vectorise reductions).
 */
final class ScalarKernels extends Kernels {

    @Override
    String name() {
        return "scalar";
    }

    @Override
    boolean suitsThisMachine() {
        return true;
    }

    @Override
    boolean readsInPlace() {
        return false;
    }

    @Override
    TaskRows taskRows(int taskRows, int d) {
        return new SampleRows(taskRows, d);
    }

    @Override
    void rowsTimesBlock(double[][] a, int q0, int nq, int inner, double[][] m, int cols, double[][] out) {
        for (int q = q0; q < q0 + nq; q++) {
            double[] aq = a[q];
            double[] y = out[q];
            Arrays.fill(y, 0, cols, 0.0);
            int c = 0;
            for (; c + 3 < inner; c += 4) {
                fourRows(y, aq[c], aq[c + 1], aq[c + 2], aq[c + 3], m[c], m[c + 1], m[c + 2], m[c + 3], cols);
            }
            for (; c < inner; c++) {
                oneRow(y, aq[c], m[c], cols);
            }
        }
    }

    @Override
    void multiplyAdd(double[][] out, double[][] a, int rows, int inner, double[][] m, int cols) {
        for (int i = 0; i < rows; i++) {
            double[] ai = a[i];
            double[] y = out[i];
            int c = 0;
            for (; c + 3 < inner; c += 4) {
                fourRows(y, ai[c], ai[c + 1], ai[c + 2], ai[c + 3], m[c], m[c + 1], m[c + 2], m[c + 3], cols);
            }
            for (; c < inner; c++) {
                oneRow(y, ai[c], m[c], cols);
            }
        }
    }

    /**
     * Adds the residual gradient of rows [row0, row0 + rows), inv·Σ_r x_r (x_r·p − y_r), to {@code out} (length d),
     * and returns {@code squares} + Σ (x_r·p − y_r)², the rows four at a time. Labels y are indexed like the rows;
     * {@code dots} is scratch of length 4.
     */
    static double addResidualGradient(double[][] x, int row0, int rows, double[] y, int d, double[] p, double inv,
                                      double[] out, double squares, double[] dots) {
        double sq = squares;
        int r = row0;
        int end = row0 + rows;
        for (; r + 3 < end; r += 4) {
            fourDots(x[r], x[r + 1], x[r + 2], x[r + 3], p, d, dots);
            double e0 = dots[0] - y[r];
            double e1 = dots[1] - y[r + 1];
            double e2 = dots[2] - y[r + 2];
            double e3 = dots[3] - y[r + 3];
            sq += (e0 * e0 + e1 * e1) + (e2 * e2 + e3 * e3);
            fourRows(out, e0 * inv, e1 * inv, e2 * inv, e3 * inv, x[r], x[r + 1], x[r + 2], x[r + 3], d);
        }
        for (; r < end; r++) {
            double e = Kernels.dot(x[r], 0, p, d) - y[r];
            sq += e * e;
            oneRow(out, e * inv, x[r], d);
        }
        return sq;
    }

    /** out += inv·Σ_r x_r (x_r·h) over rows [row0, row0 + rows), four rows at a time. */
    static void addGramTimes(double[][] x, int row0, int rows, int d, double[] h, double inv, double[] out,
                             double[] dots) {
        int r = row0;
        int end = row0 + rows;
        for (; r + 3 < end; r += 4) {
            fourDots(x[r], x[r + 1], x[r + 2], x[r + 3], h, d, dots);
            double a0 = dots[0] * inv;
            double a1 = dots[1] * inv;
            double a2 = dots[2] * inv;
            double a3 = dots[3] * inv;
            fourRows(out, a0, a1, a2, a3, x[r], x[r + 1], x[r + 2], x[r + 3], d);
        }
        for (; r < end; r++) {
            oneRow(out, Kernels.dot(x[r], 0, h, d) * inv, x[r], d);
        }
    }

    /**
     * The dot products of four rows with p, as {@link Kernels#dot} forms each, in one pass (sixteen independent
     * chains, so the multiply-adds do not wait on each other's latency), into dots[0..3].
     */
    private static void fourDots(double[] x0, double[] x1, double[] x2, double[] x3, double[] p, int n,
                                 double[] dots) {
        double s00 = 0;
        double s01 = 0;
        double s02 = 0;
        double s03 = 0;
        double s10 = 0;
        double s11 = 0;
        double s12 = 0;
        double s13 = 0;
        double s20 = 0;
        double s21 = 0;
        double s22 = 0;
        double s23 = 0;
        double s30 = 0;
        double s31 = 0;
        double s32 = 0;
        double s33 = 0;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            double p0 = p[j];
            double p1 = p[j + 1];
            double p2 = p[j + 2];
            double p3 = p[j + 3];
            s00 = Math.fma(x0[j], p0, s00);
            s01 = Math.fma(x0[j + 1], p1, s01);
            s02 = Math.fma(x0[j + 2], p2, s02);
            s03 = Math.fma(x0[j + 3], p3, s03);
            s10 = Math.fma(x1[j], p0, s10);
            s11 = Math.fma(x1[j + 1], p1, s11);
            s12 = Math.fma(x1[j + 2], p2, s12);
            s13 = Math.fma(x1[j + 3], p3, s13);
            s20 = Math.fma(x2[j], p0, s20);
            s21 = Math.fma(x2[j + 1], p1, s21);
            s22 = Math.fma(x2[j + 2], p2, s22);
            s23 = Math.fma(x2[j + 3], p3, s23);
            s30 = Math.fma(x3[j], p0, s30);
            s31 = Math.fma(x3[j + 1], p1, s31);
            s32 = Math.fma(x3[j + 2], p2, s32);
            s33 = Math.fma(x3[j + 3], p3, s33);
        }
        for (int l = 0; j < n; j++, l++) { // the last n mod 4 elements into the partial sums 0, 1, 2
            double pj = p[j];
            if (l == 0) {
                s00 = Math.fma(x0[j], pj, s00);
                s10 = Math.fma(x1[j], pj, s10);
                s20 = Math.fma(x2[j], pj, s20);
                s30 = Math.fma(x3[j], pj, s30);
            } else if (l == 1) {
                s01 = Math.fma(x0[j], pj, s01);
                s11 = Math.fma(x1[j], pj, s11);
                s21 = Math.fma(x2[j], pj, s21);
                s31 = Math.fma(x3[j], pj, s31);
            } else {
                s02 = Math.fma(x0[j], pj, s02);
                s12 = Math.fma(x1[j], pj, s12);
                s22 = Math.fma(x2[j], pj, s22);
                s32 = Math.fma(x3[j], pj, s32);
            }
        }
        dots[0] = (s00 + s01) + (s02 + s03);
        dots[1] = (s10 + s11) + (s12 + s13);
        dots[2] = (s20 + s21) + (s22 + s23);
        dots[3] = (s30 + s31) + (s32 + s33);
    }

    /** y[j] takes fma(a0, x0[j], ·), then a1·x1[j], a2·x2[j], a3·x3[j], for j &lt; n. */
    private static void fourRows(double[] y, double a0, double a1, double a2, double a3, double[] x0, double[] x1,
                                 double[] x2, double[] x3, int n) {
        for (int j = 0; j < n; j++) {
            y[j] = Math.fma(a3, x3[j], Math.fma(a2, x2[j], Math.fma(a1, x1[j], Math.fma(a0, x0[j], y[j]))));
        }
    }

    /** y[j] = fma(a, x[j], y[j]) for j &lt; n. */
    private static void oneRow(double[] y, double a, double[] x, int n) {
        for (int j = 0; j < n; j++) {
            y[j] = Math.fma(a, x[j], y[j]);
        }
    }
}
