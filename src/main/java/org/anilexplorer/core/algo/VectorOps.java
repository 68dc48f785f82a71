package org.anilexplorer.core.algo;

/**
 * The hot loops of the finite-task methods, on flat row-major {@code double[]} storage. Written so that C2
 * auto-vectorises them: contiguous "axpy" inner loops, several rows fused per pass over the output, and dot
 * products with four independent accumulators (a single accumulator serialises on the add latency).
 */
final class VectorOps {

    private VectorOps() {
    }

    /** Σ a[ao+i]·b[bo+i] for i < n. */
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

    /** y[yo+i] += s·x[xo+i] for i < n. */
    static void axpy(double s, double[] x, int xo, double[] y, int yo, int n) {
        for (int i = 0; i < n; i++) {
            y[yo + i] += s * x[xo + i];
        }
    }

    /** ‖x[xo..xo+n)‖². */
    static double norm2(double[] x, int xo, int n) {
        return dot(x, xo, x, xo, n);
    }

    /**
     * The residual gradient of one block of samples, Xᵀ(X p − y)/rows, into {@code out[oo..oo+d)} (overwritten),
     * where X is {@code rows} rows of length d at {@code blk[xOff…]} and y is at {@code blk[yOff…]}. Returns
     * Σ (x_j·p − y_j)², the unnormalised squared residual. One pass over the rows: each row is used for its dot
     * product and its axpy while it is in L1, two rows per pass over {@code out}.
     */
    static double residualGradient(double[] blk, int xOff, int yOff, int rows, int d, double[] p, int po,
            double[] out, int oo) {
        for (int c = 0; c < d; c++) {
            out[oo + c] = 0;
        }
        double inv = 1.0 / rows;
        double squares = 0;
        int r = 0;
        for (; r + 1 < rows; r += 2) {
            int x0 = xOff + r * d;
            int x1 = x0 + d;
            double e0 = dot(blk, x0, p, po, d) - blk[yOff + r];
            double e1 = dot(blk, x1, p, po, d) - blk[yOff + r + 1];
            squares += e0 * e0 + e1 * e1;
            double a0 = e0 * inv;
            double a1 = e1 * inv;
            for (int c = 0; c < d; c++) {
                out[oo + c] += a0 * blk[x0 + c] + a1 * blk[x1 + c];
            }
        }
        if (r < rows) {
            int x0 = xOff + r * d;
            double e0 = dot(blk, x0, p, po, d) - blk[yOff + r];
            squares += e0 * e0;
            axpy(e0 * inv, blk, x0, out, oo, d);
        }
        return squares;
    }

    /** out[oo..oo+d) += Xᵀ(X h)/rows (the empirical covariance Σ̂ times h), X as in {@link #residualGradient}. */
    static void addGramTimes(double[] blk, int xOff, int rows, int d, double[] h, int ho, double[] out, int oo) {
        double inv = 1.0 / rows;
        int r = 0;
        for (; r + 1 < rows; r += 2) {
            int x0 = xOff + r * d;
            int x1 = x0 + d;
            double a0 = dot(blk, x0, h, ho, d) * inv;
            double a1 = dot(blk, x1, h, ho, d) * inv;
            for (int c = 0; c < d; c++) {
                out[oo + c] += a0 * blk[x0 + c] + a1 * blk[x1 + c];
            }
        }
        if (r < rows) {
            int x0 = xOff + r * d;
            axpy(dot(blk, x0, h, ho, d) * inv, blk, x0, out, oo, d);
        }
    }

    /**
     * out = A·M for A with {@code nq} rows of length {@code inner} (row-major, contiguous) and M {@code inner × cols}
     * (row-major): a batch of row-vector–matrix products, four rows of M per pass over an output row.
     */
    static void rowsTimes(double[] a, int nq, int inner, double[] m, int cols, double[] out) {
        for (int q = 0; q < nq; q++) {
            int o = q * cols;
            int ar = q * inner;
            for (int j = 0; j < cols; j++) {
                out[o + j] = 0;
            }
            int c = 0;
            for (; c + 3 < inner; c += 4) {
                double a0 = a[ar + c];
                double a1 = a[ar + c + 1];
                double a2 = a[ar + c + 2];
                double a3 = a[ar + c + 3];
                int m0 = c * cols;
                int m1 = m0 + cols;
                int m2 = m1 + cols;
                int m3 = m2 + cols;
                for (int j = 0; j < cols; j++) {
                    out[o + j] += a0 * m[m0 + j] + a1 * m[m1 + j] + a2 * m[m2 + j] + a3 * m[m3 + j];
                }
            }
            for (; c < inner; c++) {
                axpy(a[ar + c], m, c * cols, out, o, cols);
            }
        }
    }

    /**
     * acc += Σ_q left_q right_qᵀ: a rank-nq update of the {@code rows × cols} row-major accumulator, with left_q
     * the q-th row (length rows) of {@code left} and right_q the q-th row (length cols) of {@code right}. Four
     * updates per pass over the accumulator (a small GEMM instead of nq separate rank-1 updates).
     */
    static void addOuterProducts(double[] acc, int rows, int cols, double[] left, double[] right, int nq) {
        for (int a = 0; a < rows; a++) {
            int o = a * cols;
            int q = 0;
            for (; q + 3 < nq; q += 4) {
                double l0 = left[q * rows + a];
                double l1 = left[(q + 1) * rows + a];
                double l2 = left[(q + 2) * rows + a];
                double l3 = left[(q + 3) * rows + a];
                int r0 = q * cols;
                int r1 = r0 + cols;
                int r2 = r1 + cols;
                int r3 = r2 + cols;
                for (int j = 0; j < cols; j++) {
                    acc[o + j] += l0 * right[r0 + j] + l1 * right[r1 + j] + l2 * right[r2 + j] + l3 * right[r3 + j];
                }
            }
            for (; q < nq; q++) {
                axpy(left[q * rows + a], right, q * cols, acc, o, cols);
            }
        }
    }
}
