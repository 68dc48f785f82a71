package org.anilexplorer.core.algo;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The kernels on explicit 256-bit vectors of four doubles (the incubating Vector API of JDK 17). Loaded only when the
 * JVM has {@code jdk.incubator.vector} ({@link Kernels#vector()}). The lane count is fixed, not the machine's
 * preferred one, and the dot products add their four lanes in the written order of {@link Kernels#dot}, so the bits
 * are those of {@link ScalarKernels} on any machine. The task samples are read where they lie, at row offsets in the
 * task's block: vector loads do not care about the offset, so nothing is copied.
 */
final class VectorKernels extends Kernels {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;
    private static final int L = 4;

    VectorKernels() {
        if (S.length() != L) {
            throw new IllegalStateException("a 256-bit vector holds " + S.length() + " doubles");
        }
    }

    @Override
    String name() {
        return "vector";
    }

    /** The machine has vectors of 256 bits or more, so the fixed 256-bit species compiles to single instructions. */
    @Override
    boolean suitsThisMachine() {
        return DoubleVector.SPECIES_PREFERRED.vectorBitSize() >= S.vectorBitSize();
    }

    @Override
    boolean readsInPlace() {
        return true;
    }

    @Override
    TaskRows taskRows(int taskRows, int d) {
        return new BlockRows(d);
    }

    /** Reads the rows in the task's own block. */
    private static final class BlockRows implements TaskRows {

        private final int d;

        BlockRows(int d) {
            this.d = d;
        }

        @Override
        public double residualGradient(double[] slab, int base, int labelsAt, int row0, int count, double[] p,
                                       double[] out) {
            Arrays.fill(out, 0, d, 0.0);
            return accumulate(slab, base, base + labelsAt, row0, count, p, 1.0 / count, out);
        }

        @Override
        public void addGramTimes(double[] slab, int base, int row0, int count, double[] h, double[] out) {
            accumulate(slab, base, -1, row0, count, h, 1.0 / count, out);
        }

        /**
         * out += inv·Σ_r x_r (x_r·p − y_r) over the rows of the task at base (y = 0 when labelsAt &lt; 0, otherwise
         * y_r at labelsAt + r in x); returns Σ (x_r·p − y_r)².
         * Eight rows at a time (eight independent multiply-add chains keep both FMA units busy), then four, then
         * one; each group is its own small method so that C2 inlines all its vector operations.
         */
        private double accumulate(double[] x, int base, int labelsAt, int row0, int count, double[] p, double inv,
                                  double[] out) {
            double sq = 0;
            int r = row0;
            int end = row0 + count;
            for (; r + 7 < end; r += 8) {
                sq = rows8(x, base, labelsAt, r, p, inv, out, sq);
            }
            for (; r + 3 < end; r += 4) {
                sq = rows4(x, base, labelsAt, r, p, inv, out, sq);
            }
            for (; r < end; r++) {
                int o = base + r * d;
                double e = Kernels.dot(x, o, p, d);
                if (labelsAt >= 0) {
                    e -= x[labelsAt + r];
                }
                sq += e * e;
                fourRows(out, e * inv, 0, 0, 0, x, o, -1, -1, -1, d);
            }
            return sq;
        }

        /** Rows [r, r + 8): their dot products with p, the squares added to sq four rows at a time, then out. */
        private double rows8(double[] x, int base, int labelsAt, int r, double[] p, double inv, double[] out,
                             double sq) {
            int d = this.d;
            int nv = d & -L;
            int o0 = base + r * d;
            int o1 = o0 + d;
            int o2 = o1 + d;
            int o3 = o2 + d;
            int o4 = o3 + d;
            int o5 = o4 + d;
            int o6 = o5 + d;
            int o7 = o6 + d;
            DoubleVector s0 = DoubleVector.zero(S);
            DoubleVector s1 = s0;
            DoubleVector s2 = s0;
            DoubleVector s3 = s0;
            DoubleVector s4 = s0;
            DoubleVector s5 = s0;
            DoubleVector s6 = s0;
            DoubleVector s7 = s0;
            for (int j = 0; j < nv; j += L) {
                DoubleVector pj = DoubleVector.fromArray(S, p, j);
                s0 = DoubleVector.fromArray(S, x, o0 + j).fma(pj, s0);
                s1 = DoubleVector.fromArray(S, x, o1 + j).fma(pj, s1);
                s2 = DoubleVector.fromArray(S, x, o2 + j).fma(pj, s2);
                s3 = DoubleVector.fromArray(S, x, o3 + j).fma(pj, s3);
                s4 = DoubleVector.fromArray(S, x, o4 + j).fma(pj, s4);
                s5 = DoubleVector.fromArray(S, x, o5 + j).fma(pj, s5);
                s6 = DoubleVector.fromArray(S, x, o6 + j).fma(pj, s6);
                s7 = DoubleVector.fromArray(S, x, o7 + j).fma(pj, s7);
            }
            double e0 = Kernels.finishDot(s0.lane(0), s0.lane(1), s0.lane(2), s0.lane(3), x, o0, p, nv, d);
            double e1 = Kernels.finishDot(s1.lane(0), s1.lane(1), s1.lane(2), s1.lane(3), x, o1, p, nv, d);
            double e2 = Kernels.finishDot(s2.lane(0), s2.lane(1), s2.lane(2), s2.lane(3), x, o2, p, nv, d);
            double e3 = Kernels.finishDot(s3.lane(0), s3.lane(1), s3.lane(2), s3.lane(3), x, o3, p, nv, d);
            double e4 = Kernels.finishDot(s4.lane(0), s4.lane(1), s4.lane(2), s4.lane(3), x, o4, p, nv, d);
            double e5 = Kernels.finishDot(s5.lane(0), s5.lane(1), s5.lane(2), s5.lane(3), x, o5, p, nv, d);
            double e6 = Kernels.finishDot(s6.lane(0), s6.lane(1), s6.lane(2), s6.lane(3), x, o6, p, nv, d);
            double e7 = Kernels.finishDot(s7.lane(0), s7.lane(1), s7.lane(2), s7.lane(3), x, o7, p, nv, d);
            if (labelsAt >= 0) {
                int yo = labelsAt + r;
                e0 -= x[yo];
                e1 -= x[yo + 1];
                e2 -= x[yo + 2];
                e3 -= x[yo + 3];
                e4 -= x[yo + 4];
                e5 -= x[yo + 5];
                e6 -= x[yo + 6];
                e7 -= x[yo + 7];
            }
            double squares = sq + ((e0 * e0 + e1 * e1) + (e2 * e2 + e3 * e3));
            squares += (e4 * e4 + e5 * e5) + (e6 * e6 + e7 * e7);
            eightRows(out, e0 * inv, e1 * inv, e2 * inv, e3 * inv, e4 * inv, e5 * inv, e6 * inv, e7 * inv, x, o0, d);
            return squares;
        }

        /** Rows [r, r + 4): their dot products with p, the squares added to sq four rows at a time, then out. */
        private double rows4(double[] x, int base, int labelsAt, int r, double[] p, double inv, double[] out,
                             double sq) {
            int d = this.d;
            int nv = d & -L;
            int o0 = base + r * d;
            int o1 = o0 + d;
            int o2 = o1 + d;
            int o3 = o2 + d;
            DoubleVector s0 = DoubleVector.zero(S);
            DoubleVector s1 = s0;
            DoubleVector s2 = s0;
            DoubleVector s3 = s0;
            for (int j = 0; j < nv; j += L) {
                DoubleVector pj = DoubleVector.fromArray(S, p, j);
                s0 = DoubleVector.fromArray(S, x, o0 + j).fma(pj, s0);
                s1 = DoubleVector.fromArray(S, x, o1 + j).fma(pj, s1);
                s2 = DoubleVector.fromArray(S, x, o2 + j).fma(pj, s2);
                s3 = DoubleVector.fromArray(S, x, o3 + j).fma(pj, s3);
            }
            double e0 = Kernels.finishDot(s0.lane(0), s0.lane(1), s0.lane(2), s0.lane(3), x, o0, p, nv, d);
            double e1 = Kernels.finishDot(s1.lane(0), s1.lane(1), s1.lane(2), s1.lane(3), x, o1, p, nv, d);
            double e2 = Kernels.finishDot(s2.lane(0), s2.lane(1), s2.lane(2), s2.lane(3), x, o2, p, nv, d);
            double e3 = Kernels.finishDot(s3.lane(0), s3.lane(1), s3.lane(2), s3.lane(3), x, o3, p, nv, d);
            if (labelsAt >= 0) {
                int yo = labelsAt + r;
                e0 -= x[yo];
                e1 -= x[yo + 1];
                e2 -= x[yo + 2];
                e3 -= x[yo + 3];
            }
            double squares = sq + ((e0 * e0 + e1 * e1) + (e2 * e2 + e3 * e3));
            fourRows(out, e0 * inv, e1 * inv, e2 * inv, e3 * inv, x, o0, o1, o2, o3, d);
            return squares;
        }
    }

    /** y[j] takes fma(a_i, x[o + i·n + j], ·) for i = 0 … 7 in turn (eight consecutive rows of length n at o). */
    private static void eightRows(double[] y, double a0, double a1, double a2, double a3, double a4, double a5,
                                  double a6, double a7, double[] x, int o, int n) {
        int nv = n & -L;
        DoubleVector b0 = DoubleVector.broadcast(S, a0);
        DoubleVector b1 = DoubleVector.broadcast(S, a1);
        DoubleVector b2 = DoubleVector.broadcast(S, a2);
        DoubleVector b3 = DoubleVector.broadcast(S, a3);
        DoubleVector b4 = DoubleVector.broadcast(S, a4);
        DoubleVector b5 = DoubleVector.broadcast(S, a5);
        DoubleVector b6 = DoubleVector.broadcast(S, a6);
        DoubleVector b7 = DoubleVector.broadcast(S, a7);
        int o1 = o + n;
        int o2 = o1 + n;
        int o3 = o2 + n;
        int o4 = o3 + n;
        int o5 = o4 + n;
        int o6 = o5 + n;
        int o7 = o6 + n;
        int j = 0;
        for (; j < nv; j += L) {
            DoubleVector v = DoubleVector.fromArray(S, x, o + j).fma(b0, DoubleVector.fromArray(S, y, j));
            v = DoubleVector.fromArray(S, x, o1 + j).fma(b1, v);
            v = DoubleVector.fromArray(S, x, o2 + j).fma(b2, v);
            v = DoubleVector.fromArray(S, x, o3 + j).fma(b3, v);
            v = DoubleVector.fromArray(S, x, o4 + j).fma(b4, v);
            v = DoubleVector.fromArray(S, x, o5 + j).fma(b5, v);
            v = DoubleVector.fromArray(S, x, o6 + j).fma(b6, v);
            DoubleVector.fromArray(S, x, o7 + j).fma(b7, v).intoArray(y, j);
        }
        for (; j < n; j++) {
            double v = Math.fma(a3, x[o3 + j], Math.fma(a2, x[o2 + j], Math.fma(a1, x[o1 + j], Math.fma(a0, x[o + j], y[j]))));
            y[j] = Math.fma(a7, x[o7 + j], Math.fma(a6, x[o6 + j], Math.fma(a5, x[o5 + j], Math.fma(a4, x[o4 + j], v))));
        }
    }

    /**
     * y[j] takes fma(a0, x[o0 + j], ·), then a1·x[o1 + j], a2·x[o2 + j], a3·x[o3 + j] for j &lt; n; with o1 &lt; 0
     * only the first.
     */
    private static void fourRows(double[] y, double a0, double a1, double a2, double a3, double[] x, int o0, int o1,
                                 int o2, int o3, int n) {
        int nv = n & -L;
        int j = 0;
        if (o1 < 0) {
            DoubleVector b0 = DoubleVector.broadcast(S, a0);
            for (; j < nv; j += L) {
                DoubleVector.fromArray(S, x, o0 + j).fma(b0, DoubleVector.fromArray(S, y, j)).intoArray(y, j);
            }
            for (; j < n; j++) {
                y[j] = Math.fma(a0, x[o0 + j], y[j]);
            }
            return;
        }
        DoubleVector b0 = DoubleVector.broadcast(S, a0);
        DoubleVector b1 = DoubleVector.broadcast(S, a1);
        DoubleVector b2 = DoubleVector.broadcast(S, a2);
        DoubleVector b3 = DoubleVector.broadcast(S, a3);
        for (; j < nv; j += L) {
            DoubleVector v = DoubleVector.fromArray(S, x, o0 + j).fma(b0, DoubleVector.fromArray(S, y, j));
            v = DoubleVector.fromArray(S, x, o1 + j).fma(b1, v);
            v = DoubleVector.fromArray(S, x, o2 + j).fma(b2, v);
            DoubleVector.fromArray(S, x, o3 + j).fma(b3, v).intoArray(y, j);
        }
        for (; j < n; j++) {
            y[j] = Math.fma(a3, x[o3 + j], Math.fma(a2, x[o2 + j], Math.fma(a1, x[o1 + j], Math.fma(a0, x[o0 + j], y[j]))));
        }
    }

    @Override
    void rowsTimesBlock(double[][] a, int q0, int nq, int inner, double[][] m, int cols, double[][] out) {
        product(a, q0, nq, inner, m, cols, out, false);
    }

    @Override
    void multiplyAdd(double[][] out, double[][] a, int rows, int inner, double[][] m, int cols) {
        product(a, 0, rows, inner, m, cols, out, true);
    }

    /**
     * out_q (+)= a_q·M: tiles of four output rows by four, two or one vectors held in registers while every row of M
     * passes (each loaded vector of M serves four rows), then the last columns in scalar. When the rows of M and of
     * the outputs are long enough, the columns are rounded up to whole vectors (the extra columns are padding that no
     * caller reads; see {@link #paddedColumns}) instead of finishing in scalar. A last two or three rows go through
     * the four-row tiles with a row repeated: the repeated row is computed twice and stored twice with the same value.
     * Each tile is its own small method: C2 must inline every Vector-API call of a loop to keep its vectors in
     * registers, and one large method with all the tiles exceeded its inlining budget in a long-lived JVM (the vectors
     * were then boxed on the heap). Every output element is the same fma chain over c whatever its tile.
     */
    private static void product(double[][] a, int q0, int nq, int inner, double[][] m, int cols, double[][] out,
                                boolean add) {
        int q = q0;
        int end = q0 + nq;
        for (; q < end; q += 4) {
            int left = end - q;
            if (left == 1) {
                oneRow(a[q], inner, m, cols & -L, cols, out[q], add);
                break;
            }
            double[] a0 = a[q];
            double[] a1 = a[q + 1];
            double[] a2 = left > 2 ? a[q + 2] : a1;
            double[] a3 = left > 3 ? a[q + 3] : a2;
            double[] y0 = out[q];
            double[] y1 = out[q + 1];
            double[] y2 = left > 2 ? out[q + 2] : y1;
            double[] y3 = left > 3 ? out[q + 3] : y2;
            int nv = paddedColumns(cols, inner, m, y0, y1, y2, y3);
            int j = 0;
            for (; j + 4 * L <= nv; j += 4 * L) {
                tileFourByFour(a0, a1, a2, a3, inner, m, j, y0, y1, y2, y3, add);
            }
            for (; j + 2 * L <= nv; j += 2 * L) {
                tileFourByTwo(a0, a1, a2, a3, inner, m, j, y0, y1, y2, y3, add);
            }
            for (; j < nv; j += L) {
                tileFourByOne(a0, a1, a2, a3, inner, m, j, y0, y1, y2, y3, add);
            }
            if (j < cols) {
                tail(a0, a1, a2, a3, inner, m, j, cols, y0, y1, y2, y3, add);
            }
        }
    }

    /**
     * The columns the vector tiles cover: cols rounded up to whole vectors when the first and last rows of M and the
     * four output rows hold that many (the pool-sized buffers of the finite-task methods are allocated so, see
     * {@link Kernels#padded}), otherwise cols rounded down (the rest in scalar).
     */
    private static int paddedColumns(int cols, int inner, double[][] m, double[] y0, double[] y1, double[] y2,
                                     double[] y3) {
        int up = (cols + L - 1) & -L;
        if (up != cols && inner > 0 && m[0].length >= up && m[inner - 1].length >= up && y0.length >= up
                && y1.length >= up && y2.length >= up && y3.length >= up) {
            return up;
        }
        return cols & -L;
    }

    /** Columns [j, j + 16) of four output rows: sixteen vector accumulators over the rows of M. */
    private static void tileFourByFour(double[] a0, double[] a1, double[] a2, double[] a3, int inner, double[][] m,
                                       int j, double[] y0, double[] y1, double[] y2, double[] y3, boolean add) {
        int j1 = j + L;
        int j2 = j1 + L;
        int j3 = j2 + L;
        DoubleVector c00 = start(y0, j, add);
        DoubleVector c01 = start(y0, j1, add);
        DoubleVector c02 = start(y0, j2, add);
        DoubleVector c03 = start(y0, j3, add);
        DoubleVector c10 = start(y1, j, add);
        DoubleVector c11 = start(y1, j1, add);
        DoubleVector c12 = start(y1, j2, add);
        DoubleVector c13 = start(y1, j3, add);
        DoubleVector c20 = start(y2, j, add);
        DoubleVector c21 = start(y2, j1, add);
        DoubleVector c22 = start(y2, j2, add);
        DoubleVector c23 = start(y2, j3, add);
        DoubleVector c30 = start(y3, j, add);
        DoubleVector c31 = start(y3, j1, add);
        DoubleVector c32 = start(y3, j2, add);
        DoubleVector c33 = start(y3, j3, add);
        for (int c = 0; c < inner; c++) {
            double[] mc = m[c];
            DoubleVector m0 = DoubleVector.fromArray(S, mc, j);
            DoubleVector m1 = DoubleVector.fromArray(S, mc, j1);
            DoubleVector m2 = DoubleVector.fromArray(S, mc, j2);
            DoubleVector m3 = DoubleVector.fromArray(S, mc, j3);
            DoubleVector b = DoubleVector.broadcast(S, a0[c]);
            c00 = m0.fma(b, c00);
            c01 = m1.fma(b, c01);
            c02 = m2.fma(b, c02);
            c03 = m3.fma(b, c03);
            b = DoubleVector.broadcast(S, a1[c]);
            c10 = m0.fma(b, c10);
            c11 = m1.fma(b, c11);
            c12 = m2.fma(b, c12);
            c13 = m3.fma(b, c13);
            b = DoubleVector.broadcast(S, a2[c]);
            c20 = m0.fma(b, c20);
            c21 = m1.fma(b, c21);
            c22 = m2.fma(b, c22);
            c23 = m3.fma(b, c23);
            b = DoubleVector.broadcast(S, a3[c]);
            c30 = m0.fma(b, c30);
            c31 = m1.fma(b, c31);
            c32 = m2.fma(b, c32);
            c33 = m3.fma(b, c33);
        }
        // a repeated row (y3 == y2 …) has the same sums in both of its tile rows, so the order of stores is free
        c30.intoArray(y3, j);
        c31.intoArray(y3, j1);
        c32.intoArray(y3, j2);
        c33.intoArray(y3, j3);
        c20.intoArray(y2, j);
        c21.intoArray(y2, j1);
        c22.intoArray(y2, j2);
        c23.intoArray(y2, j3);
        c10.intoArray(y1, j);
        c11.intoArray(y1, j1);
        c12.intoArray(y1, j2);
        c13.intoArray(y1, j3);
        c00.intoArray(y0, j);
        c01.intoArray(y0, j1);
        c02.intoArray(y0, j2);
        c03.intoArray(y0, j3);
    }

    /** Columns [j, j + 8) of four output rows: eight vector accumulators over the rows of M. */
    private static void tileFourByTwo(double[] a0, double[] a1, double[] a2, double[] a3, int inner, double[][] m,
                                      int j, double[] y0, double[] y1, double[] y2, double[] y3, boolean add) {
        DoubleVector c00 = start(y0, j, add);
        DoubleVector c01 = start(y0, j + L, add);
        DoubleVector c10 = start(y1, j, add);
        DoubleVector c11 = start(y1, j + L, add);
        DoubleVector c20 = start(y2, j, add);
        DoubleVector c21 = start(y2, j + L, add);
        DoubleVector c30 = start(y3, j, add);
        DoubleVector c31 = start(y3, j + L, add);
        for (int c = 0; c < inner; c++) {
            double[] mc = m[c];
            DoubleVector m0 = DoubleVector.fromArray(S, mc, j);
            DoubleVector m1 = DoubleVector.fromArray(S, mc, j + L);
            DoubleVector b = DoubleVector.broadcast(S, a0[c]);
            c00 = m0.fma(b, c00);
            c01 = m1.fma(b, c01);
            b = DoubleVector.broadcast(S, a1[c]);
            c10 = m0.fma(b, c10);
            c11 = m1.fma(b, c11);
            b = DoubleVector.broadcast(S, a2[c]);
            c20 = m0.fma(b, c20);
            c21 = m1.fma(b, c21);
            b = DoubleVector.broadcast(S, a3[c]);
            c30 = m0.fma(b, c30);
            c31 = m1.fma(b, c31);
        }
        c00.intoArray(y0, j);
        c01.intoArray(y0, j + L);
        c10.intoArray(y1, j);
        c11.intoArray(y1, j + L);
        c20.intoArray(y2, j);
        c21.intoArray(y2, j + L);
        c30.intoArray(y3, j);
        c31.intoArray(y3, j + L);
    }

    /** Columns [j, j + 4) of four output rows. */
    private static void tileFourByOne(double[] a0, double[] a1, double[] a2, double[] a3, int inner, double[][] m,
                                      int j, double[] y0, double[] y1, double[] y2, double[] y3, boolean add) {
        DoubleVector c0 = start(y0, j, add);
        DoubleVector c1 = start(y1, j, add);
        DoubleVector c2 = start(y2, j, add);
        DoubleVector c3 = start(y3, j, add);
        for (int c = 0; c < inner; c++) {
            DoubleVector mv = DoubleVector.fromArray(S, m[c], j);
            c0 = mv.fma(DoubleVector.broadcast(S, a0[c]), c0);
            c1 = mv.fma(DoubleVector.broadcast(S, a1[c]), c1);
            c2 = mv.fma(DoubleVector.broadcast(S, a2[c]), c2);
            c3 = mv.fma(DoubleVector.broadcast(S, a3[c]), c3);
        }
        c0.intoArray(y0, j);
        c1.intoArray(y1, j);
        c2.intoArray(y2, j);
        c3.intoArray(y3, j);
    }

    /** One output row: a vector at a time, then its last columns in scalar. */
    private static void oneRow(double[] aq, int inner, double[][] m, int nv, int cols, double[] y, boolean add) {
        int j = 0;
        for (; j < nv; j += L) {
            DoubleVector acc = start(y, j, add);
            for (int c = 0; c < inner; c++) {
                acc = DoubleVector.fromArray(S, m[c], j).fma(DoubleVector.broadcast(S, aq[c]), acc);
            }
            acc.intoArray(y, j);
        }
        for (; j < cols; j++) {
            double s = add ? y[j] : 0;
            for (int c = 0; c < inner; c++) {
                s = Math.fma(aq[c], m[c][j], s);
            }
            y[j] = s;
        }
    }

    /**
     * Columns [j, cols) (at most three) of a four-row tile in scalar: up to twelve independent fma chains in one pass
     * over the rows of M, rather than four at a time, which would wait on each multiply-add's latency.
     */
    private static void tail(double[] a0, double[] a1, double[] a2, double[] a3, int inner, double[][] m, int j,
                             int cols, double[] y0, double[] y1, double[] y2, double[] y3, boolean add) {
        boolean two = j + 1 < cols;
        boolean three = j + 2 < cols;
        int j1 = two ? j + 1 : j;
        int j2 = three ? j + 2 : j;
        double s00 = add ? y0[j] : 0;
        double s10 = add ? y1[j] : 0;
        double s20 = add ? y2[j] : 0;
        double s30 = add ? y3[j] : 0;
        double s01 = add ? y0[j1] : 0;
        double s11 = add ? y1[j1] : 0;
        double s21 = add ? y2[j1] : 0;
        double s31 = add ? y3[j1] : 0;
        double s02 = add ? y0[j2] : 0;
        double s12 = add ? y1[j2] : 0;
        double s22 = add ? y2[j2] : 0;
        double s32 = add ? y3[j2] : 0;
        for (int c = 0; c < inner; c++) {
            double[] mc = m[c];
            double m0 = mc[j];
            double m1 = mc[j1];
            double m2 = mc[j2];
            double b0 = a0[c];
            double b1 = a1[c];
            double b2 = a2[c];
            double b3 = a3[c];
            s00 = Math.fma(b0, m0, s00);
            s10 = Math.fma(b1, m0, s10);
            s20 = Math.fma(b2, m0, s20);
            s30 = Math.fma(b3, m0, s30);
            s01 = Math.fma(b0, m1, s01);
            s11 = Math.fma(b1, m1, s11);
            s21 = Math.fma(b2, m1, s21);
            s31 = Math.fma(b3, m1, s31);
            s02 = Math.fma(b0, m2, s02);
            s12 = Math.fma(b1, m2, s12);
            s22 = Math.fma(b2, m2, s22);
            s32 = Math.fma(b3, m2, s32);
        }
        // columns j1 and j2 repeat column j when there are fewer: column j is written last, with its own sums
        if (three) {
            y0[j2] = s02;
            y1[j2] = s12;
            y2[j2] = s22;
            y3[j2] = s32;
        }
        if (two) {
            y0[j1] = s01;
            y1[j1] = s11;
            y2[j1] = s21;
            y3[j1] = s31;
        }
        y0[j] = s00;
        y1[j] = s10;
        y2[j] = s20;
        y3[j] = s30;
    }

    private static DoubleVector start(double[] y, int j, boolean add) {
        return add ? DoubleVector.fromArray(S, y, j) : DoubleVector.zero(S);
    }
}
