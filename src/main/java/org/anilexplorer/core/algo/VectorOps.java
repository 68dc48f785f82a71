package org.anilexplorer.core.algo;

/**
 * The hot loops of the finite-task methods, written so that C2 (JDK 17) auto-vectorises them:
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

    /**
     * The residual gradient of rows [row0, row0 + rows) of a task, Xᵀ(X p − y)/rows, into {@code out} (overwritten,
     * length d). Returns Σ (x_j·p − y_j)², the unnormalised squared residual. One pass over the rows, four at a time:
     * their dot products together (eight accumulators sharing the loads of p), then one fused four-row update of
     * {@code out} while the rows are in L1.
     */
    static double residualGradient(double[][] x, int row0, int rows, double[] y, int d, double[] p, double[] out) {
        for (int j = 0; j < d; j++) {
            out[j] = 0;
        }
        double inv = 1.0 / rows;
        double squares = 0;
        int r = row0;
        int end = row0 + rows;
        for (; r + 3 < end; r += 4) {
            double[] x0 = x[r];
            double[] x1 = x[r + 1];
            double[] x2 = x[r + 2];
            double[] x3 = x[r + 3];
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int c = 0; c < d; c++) {
                double pc = p[c];
                s0 += x0[c] * pc;
                s1 += x1[c] * pc;
                s2 += x2[c] * pc;
                s3 += x3[c] * pc;
            }
            double e0 = s0 - y[r];
            double e1 = s1 - y[r + 1];
            double e2 = s2 - y[r + 2];
            double e3 = s3 - y[r + 3];
            squares += (e0 * e0 + e1 * e1) + (e2 * e2 + e3 * e3);
            double a0 = e0 * inv;
            double a1 = e1 * inv;
            double a2 = e2 * inv;
            double a3 = e3 * inv;
            for (int j = 0; j < d; j++) {
                out[j] += a0 * x0[j] + a1 * x1[j] + a2 * x2[j] + a3 * x3[j];
            }
        }
        for (; r < end; r++) {
            double e0 = dot(x[r], 0, p, 0, d) - y[r];
            squares += e0 * e0;
            axpy(e0 * inv, x[r], out, d);
        }
        return squares;
    }

    /** out += Xᵀ(X h)/rows over rows [row0, row0 + rows) of a task (the empirical covariance Σ̂ times h). */
    static void addGramTimes(double[][] x, int row0, int rows, int d, double[] h, double[] out) {
        double inv = 1.0 / rows;
        int r = row0;
        int end = row0 + rows;
        for (; r + 3 < end; r += 4) {
            double[] x0 = x[r];
            double[] x1 = x[r + 1];
            double[] x2 = x[r + 2];
            double[] x3 = x[r + 3];
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int c = 0; c < d; c++) {
                double hc = h[c];
                s0 += x0[c] * hc;
                s1 += x1[c] * hc;
                s2 += x2[c] * hc;
                s3 += x3[c] * hc;
            }
            double a0 = s0 * inv;
            double a1 = s1 * inv;
            double a2 = s2 * inv;
            double a3 = s3 * inv;
            for (int j = 0; j < d; j++) {
                out[j] += a0 * x0[j] + a1 * x1[j] + a2 * x2[j] + a3 * x3[j];
            }
        }
        for (; r < end; r++) {
            axpy(dot(x[r], 0, h, 0, d) * inv, x[r], out, d);
        }
    }

    /**
     * out_q = a_q·M for q in [q0, q0 + nq): row vectors a_q (length {@code inner}) times M ({@code inner × cols},
     * given by its rows), four rows of M per pass over an output. Looks for cancellation every
     * {@value #ROWS_PER_CANCELLATION_CHECK} rows: the d×d by d×k' products of a big problem take seconds.
     */
    static void rowsTimes(double[][] a, int q0, int nq, int inner, double[][] m, int cols, double[][] out) {
        for (int q = q0; q < q0 + nq; q++) {
            if ((q - q0) % ROWS_PER_CANCELLATION_CHECK == 0) {
                Cancellation.check();
            }
            double[] aq = a[q];
            double[] y = out[q];
            for (int j = 0; j < cols; j++) {
                y[j] = 0;
            }
            int c = 0;
            for (; c + 3 < inner; c += 4) {
                double a0 = aq[c];
                double a1 = aq[c + 1];
                double a2 = aq[c + 2];
                double a3 = aq[c + 3];
                double[] m0 = m[c];
                double[] m1 = m[c + 1];
                double[] m2 = m[c + 2];
                double[] m3 = m[c + 3];
                for (int j = 0; j < cols; j++) {
                    y[j] += a0 * m0[j] + a1 * m1[j] + a2 * m2[j] + a3 * m3[j];
                }
            }
            for (; c < inner; c++) {
                axpy(aq[c], m[c], y, cols);
            }
        }
    }

    /**
     * acc += Σ_q left_q right_qᵀ for q &lt; nq: a rank-nq update of the accumulator with rows {@code acc[a]} (length
     * cols), left_q of length {@code rows}, right_q of length cols. Four updates per pass over an accumulator row (a
     * small GEMM instead of nq separate rank-one updates).
     */
    static void addOuterProducts(double[][] acc, int rows, int cols, double[][] left, double[][] right, int nq) {
        int q = 0;
        for (; q + 3 < nq; q += 4) {
            double[] r0 = right[q];
            double[] r1 = right[q + 1];
            double[] r2 = right[q + 2];
            double[] r3 = right[q + 3];
            double[] l0 = left[q];
            double[] l1 = left[q + 1];
            double[] l2 = left[q + 2];
            double[] l3 = left[q + 3];
            for (int a = 0; a < rows; a++) {
                double p0 = l0[a];
                double p1 = l1[a];
                double p2 = l2[a];
                double p3 = l3[a];
                double[] y = acc[a];
                for (int j = 0; j < cols; j++) {
                    y[j] += p0 * r0[j] + p1 * r1[j] + p2 * r2[j] + p3 * r3[j];
                }
            }
        }
        for (; q < nq; q++) {
            double[] l0 = left[q];
            double[] r0 = right[q];
            for (int a = 0; a < rows; a++) {
                axpy(l0[a], r0, acc[a], cols);
            }
        }
    }

    /** Sets every row of a row-array matrix to zero. */
    static void zero(double[][] rows) {
        for (double[] row : rows) {
            java.util.Arrays.fill(row, 0);
        }
    }

    /** dst (flat, row-major) += the rows of src. */
    static void addRows(double[][] src, double[] dst) {
        int cols = src.length == 0 ? 0 : src[0].length;
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
