package org.anilexplorer.core.algo;

/**
 * Small vector helpers of the finite-task methods (the hot loops are in {@link Kernels}), written so that C2 (JDK 17)
 * auto-vectorises them:
 * <ul>
 *   <li>every array in a hot loop is indexed by the loop variable alone ({@code y[j] += a·x[j]}): C2's SuperWord
 *       does not vectorise {@code y[j] += a·x[o + j]} (nor stores at an offset), measured 2–3× slower. So every
 *       row (task samples, B, Bᵀ, M, scratch vectors, accumulator rows) is its own {@code double[]};</li>
 *   <li>four input rows are fused per pass over an output row ({@code y[j] += a0·x0[j] + … + a3·x3[j]}), which
 *       C2 still unrolls and vectorises at its default limits (two output rows per pass it no longer does);</li>
 *   <li>dot products (reductions, never vectorised) run over four rows at once, one accumulator per row.</li>
 * </ul>
 */
final class VectorOps {

    /** Rows of a {@link #rowsTimes} product between two looks at cancellation. */
    static final int ROWS_PER_CANCELLATION_CHECK = 16;

    private VectorOps() {
    }

    /** Σ a[ao+i]·b[bo+i] for i &lt; n. */
    static double dot(double[] a, int ao, double[] b, int bo, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[ao + i] * b[bo + i];
            s1 += a[ao + i + 1] * b[bo + i + 1];
            s2 += a[ao + i + 2] * b[bo + i + 2];
            s3 += a[ao + i + 3] * b[bo + i + 3];
        }
        for (; i < n; i++) {
            s0 += a[ao + i] * b[bo + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** y[j] += s·x[j] for j &lt; n. */
    static void axpy(double s, double[] x, double[] y, int n) {
        for (int j = 0; j < n; j++) {
            y[j] += s * x[j];
        }
    }

    /** y[yo+j] += s·x[xo+j] for j &lt; n (general offsets; not for hot loops). */
    static void axpy(double s, double[] x, int xo, double[] y, int yo, int n) {
        for (int j = 0; j < n; j++) {
            y[yo + j] += s * x[xo + j];
        }
    }

    /** out = M x for a row-major rows × cols matrix M (out has length rows). */
    static void timesVector(double[] m, int rows, int cols, double[] x, double[] out) {
        for (int i = 0; i < rows; i++) {
            out[i] = dot(m, i * cols, x, 0, cols);
        }
    }

    /** ‖x[xo..xo+n)‖². */
    static double norm2(double[] x, int xo, int n) {
        return dot(x, xo, x, xo, n);
    }

    /** out[j][t] = rows[t][j] for t &lt; n, j &lt; len. */
    static void transpose(double[][] rows, int n, int len, double[][] out) {
        for (int t = 0; t < n; t++) {
            double[] row = rows[t];
            for (int j = 0; j < len; j++) {
                out[j][t] = row[j];
            }
        }
    }

    /** Sets every row of a row-array matrix to zero. */
    static void zero(double[][] rows) {
        for (double[] row : rows) {
            java.util.Arrays.fill(row, 0);
        }
    }

    /** dst (flat, row-major, {@code cols} per row) += the first cols elements of each row of src. */
    static void addRows(double[][] src, int cols, double[] dst) {
        for (int a = 0; a < src.length; a++) {
            axpy(1.0, src[a], 0, dst, a * cols, cols);
        }
    }

    /** dst += src, row by row (both row arrays of the same shape). */
    static void addRowsTo(double[][] src, double[][] dst) {
        for (int a = 0; a < src.length; a++) {
            axpy(1.0, src[a], dst[a], src[a].length);
        }
    }

    /** Copies a row-major matrix (rows × cols) into row arrays. */
    static void toRows(double[] src, int rows, int cols, double[][] dst) {
        for (int a = 0; a < rows; a++) {
            System.arraycopy(src, a * cols, dst[a], 0, cols);
        }
    }
}
