package org.anilexplorer.core.algo;

import java.util.Optional;

/**
 * The hot loops of the finite-task methods, in two implementations that give the same bits: {@link VectorKernels}
 * (the JDK's incubating Vector API, explicit 256-bit vectors) when the JVM was started with
 * {@code --add-modules jdk.incubator.vector}, as the installed app is, and {@link ScalarKernels} (plain Java, no
 * flags) otherwise (docs/decisions/0041-vector-kernels.md).
 *
 * <p>Every sum is formed in one written order, which both follow:
 * <ul>
 *   <li>sums over an index that is not a vector lane are chains of {@link Math#fma} in index order:
 *       {@code y[j] = fma(a_q, x_q[j], y[j])} for q = 0, 1, …; how many rows or columns a loop handles per pass does
 *       not change an element's chain;</li>
 *   <li>a dot product Σ_j x[j]·y[j] keeps four partial sums s_l (l = j mod 4, an fma chain each, the last n mod 4
 *       elements going to s_0, s_1, s_2 in turn) and returns (s_0 + s_1) + (s_2 + s_3): the lanes of one 256-bit
 *       vector, added in a fixed order rather than by the Vector API's reduction, whose order is unspecified.</li>
 * </ul>
 * So a run or checkpoint made with one continues bit for bit with the other, on any machine.
 */
abstract class Kernels {

    /** Set to {@code scalar} to run the plain-Java kernels even where the Vector API is available (benchmarks). */
    static final String PROPERTY = "anilexplorer.kernels";

    private static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final Kernels SCALAR = new ScalarKernels();
    private static final Kernels PREFERRED = choose();

    /** The kernels the methods use: vector when the module is present (and not switched off), else scalar. */
    static Kernels preferred() {
        return PREFERRED;
    }

    static Kernels scalar() {
        return SCALAR;
    }

    /**
     * The Vector-API kernels, if the JVM has the module and the machine 256-bit vectors (narrower hardware would
     * run them emulated, far slower than the scalar path). The class is loaded only then: referring to it directly
     * would make a JVM without the module fail when this class is linked.
     */
    static Optional<Kernels> vector() {
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
            return Optional.empty();
        }
        try {
            Kernels vector = Class.forName(Kernels.class.getPackageName() + ".VectorKernels")
                    .asSubclass(Kernels.class).getDeclaredConstructor().newInstance();
            return Optional.of(vector).filter(Kernels::suitsThisMachine);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load the vector kernels although " + VECTOR_MODULE
                    + " is present", e);
        }
    }

    private static Kernels choose() {
        if ("scalar".equals(System.getProperty(PROPERTY))) {
            return SCALAR;
        }
        return vector().orElse(SCALAR);
    }

    /** "vector" or "scalar". */
    abstract String name();

    /** Whether this machine runs these kernels at full speed (the scalar ones: always). */
    abstract boolean suitsThisMachine();

    /**
     * Whether the task rows are read where they lie, so that the passes should load the next tasks' blocks ahead
     * ({@link TaskPrefetch}); the scalar path copies each task's rows, and that copy is its streaming read.
     */
    abstract boolean readsInPlace();

    /** A per-worker reader for tasks of {@code taskRows} rows of dimension d. */
    abstract TaskRows taskRows(int taskRows, int d);

    /**
     * out_q = a_q·M for q in [q0, q0 + nq): row vectors a_q (length {@code inner}) times M ({@code inner × cols},
     * given by its rows); out_q[j] is the fma chain over c of a_q[c]·M[c][j] from 0. Looks for cancellation every
     * {@value VectorOps#ROWS_PER_CANCELLATION_CHECK} rows: the d×d by d×k' products of a big problem take seconds.
     */
    final void rowsTimes(double[][] a, int q0, int nq, int inner, double[][] m, int cols, double[][] out) {
        for (int q = q0; q < q0 + nq; q += VectorOps.ROWS_PER_CANCELLATION_CHECK) {
            Cancellation.check();
            rowsTimesBlock(a, q, Math.min(VectorOps.ROWS_PER_CANCELLATION_CHECK, q0 + nq - q), inner, m, cols, out);
        }
    }

    /**
     * A row length for buffers that products write or read as M: n rounded up to whole 256-bit vectors, so that the
     * vector kernels cover the last columns with a vector instead of scalar code. The extra elements are padding:
     * they start at zero, may receive values no one reads, and are never part of a sum over a row's logical length.
     */
    static int padded(int n) {
        return (n + 3) & -4;
    }

    /** {@link #rowsTimes} without the cancellation checks. */
    abstract void rowsTimesBlock(double[][] a, int q0, int nq, int inner, double[][] m, int cols, double[][] out);

    /**
     * out_i += a_i·M for i &lt; rows (a_i of length {@code inner}, M given by its rows of length cols): out_i[j]
     * takes fma(a_i[c], M[c][j], ·) for c = 0, 1, … in turn. With a_i[c] = left_c[i] and M[c] = right_c this is the
     * rank-{@code inner} update out += Σ_c left_c right_cᵀ, a small matrix product instead of rank-one updates.
     */
    abstract void multiplyAdd(double[][] out, double[][] a, int rows, int inner, double[][] m, int cols);

    /** The dot product of x[xo, xo + n) and y[0, n) in the order described above. */
    static double dot(double[] x, int xo, double[] y, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            s0 = Math.fma(x[xo + j], y[j], s0);
            s1 = Math.fma(x[xo + j + 1], y[j + 1], s1);
            s2 = Math.fma(x[xo + j + 2], y[j + 2], s2);
            s3 = Math.fma(x[xo + j + 3], y[j + 3], s3);
        }
        return finishDot(s0, s1, s2, s3, x, xo, y, j, n);
    }

    /**
     * The end of a dot product whose partial sums s_l hold the elements [0, j) (j = n rounded down to a multiple of
     * four): the last elements [j, n) go to s_0, s_1, s_2 in turn, and the sum is (s_0 + s_1) + (s_2 + s_3).
     */
    static double finishDot(double s0, double s1, double s2, double s3, double[] x, int xo, double[] y, int j, int n) {
        double t0 = j < n ? Math.fma(x[xo + j], y[j], s0) : s0;
        double t1 = j + 1 < n ? Math.fma(x[xo + j + 1], y[j + 1], s1) : s1;
        double t2 = j + 2 < n ? Math.fma(x[xo + j + 2], y[j + 2], s2) : s2;
        return (t0 + t1) + (t2 + s3);
    }
}
