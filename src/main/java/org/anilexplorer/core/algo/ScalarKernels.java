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
     * and returns {@code squares} + Σ (x_r·p − y_r)², the rows four at a time. Labels y are indexed like the rows.
     */
    static double addResidualGradient(double[][] x, int row0, int rows, double[] y, int d, double[] p, double inv,
                                      double[] out, double squares) {
        double sq = squares;
        int r = row0;
        int end = row0 + rows;
        for (; r + 3 < end; r += 4) {
            double e0 = Kernels.dot(x[r], 0, p, d) - y[r];
            double e1 = Kernels.dot(x[r + 1], 0, p, d) - y[r + 1];
            double e2 = Kernels.dot(x[r + 2], 0, p, d) - y[r + 2];
            double e3 = Kernels.dot(x[r + 3], 0, p, d) - y[r + 3];
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
    static void addGramTimes(double[][] x, int row0, int rows, int d, double[] h, double inv, double[] out) {
        int r = row0;
        int end = row0 + rows;
        for (; r + 3 < end; r += 4) {
            double a0 = Kernels.dot(x[r], 0, h, d) * inv;
            double a1 = Kernels.dot(x[r + 1], 0, h, d) * inv;
            double a2 = Kernels.dot(x[r + 2], 0, h, d) * inv;
            double a3 = Kernels.dot(x[r + 3], 0, h, d) * inv;
            fourRows(out, a0, a1, a2, a3, x[r], x[r + 1], x[r + 2], x[r + 3], d);
        }
        for (; r < end; r++) {
            oneRow(out, Kernels.dot(x[r], 0, h, d) * inv, x[r], d);
        }
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
