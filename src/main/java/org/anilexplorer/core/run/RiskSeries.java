package org.anilexplorer.core.run;

import java.util.Arrays;

/**
 * One run's test risk E‖θ̂ − θ⋆‖² on a new task of m_test samples, over its iterations, for every m_test of its
 * parameters: the exact expected risk of the 1-GD estimator ({@code core.theory.OneStepRisk}; NaN for methods it does
 * not evaluate, see {@link org.anilexplorer.core.params.Algorithm#hasOneStepGdRisk()}) and ridge on the learned
 * features, best λ of the grid, averaged over a fixed set of test tasks of the run's seed (NaN when ridge is not
 * recorded). Every m_test is recorded at the same iterations (the {@link RiskRecording} schedule), so a preset and a
 * seed always give the same series. Immutable.
 *
 * <p>The one-argument accessors ({@link #mTest()}, {@link #oneStepGd(int)}, {@link #ridge(int)}) read the first
 * m_test; {@link #forMTest(int)} gives any one as a series of its own.
 */
public final class RiskSeries {

    public static final RiskSeries EMPTY = new RiskSeries(0, new long[0], new double[0], new double[0]);

    private final int[] mTests;
    private final long[] iterations;
    /** [m_test index][point]. */
    private final double[][] oneStepGd;
    private final double[][] ridge;

    /** The series of one m_test. */
    public RiskSeries(int mTest, long[] iterations, double[] oneStepGd, double[] ridge) {
        this(new int[] {mTest}, iterations, new double[][] {oneStepGd}, new double[][] {ridge});
    }

    /**
     * The series of several m_test values at the same iterations.
     *
     * @param oneStepGd per m_test (in the order of {@code mTests}), one value per iteration
     * @param ridge     likewise
     */
    public RiskSeries(int[] mTests, long[] iterations, double[][] oneStepGd, double[][] ridge) {
        if (mTests.length == 0 || oneStepGd.length != mTests.length || ridge.length != mTests.length) {
            throw new IllegalArgumentException("one 1-GD and one ridge column per m_test, and at least one m_test");
        }
        for (int j = 0; j < mTests.length; j++) {
            if (iterations.length != oneStepGd[j].length || iterations.length != ridge[j].length) {
                throw new IllegalArgumentException("iterations, oneStepGd and ridge must have the same length");
            }
        }
        this.mTests = mTests.clone();
        this.iterations = iterations.clone();
        this.oneStepGd = deepCopy(oneStepGd);
        this.ridge = deepCopy(ridge);
    }

    /** The first m_test (the one the single-series accessors read). */
    public int mTest() {
        return mTests[0];
    }

    /** Every recorded m_test, in the parameters' order. */
    public int[] mTests() {
        return mTests.clone();
    }

    /** How many m_test values are recorded. */
    public int mTestCount() {
        return mTests.length;
    }

    /** The series of the {@code j}-th m_test alone. */
    public RiskSeries forMTest(int j) {
        return j == 0 && mTests.length == 1 ? this
                : new RiskSeries(mTests[j], iterations, oneStepGd[j], ridge[j]);
    }

    public int size() {
        return iterations.length;
    }

    public long iteration(int i) {
        return iterations[i];
    }

    /** The first m_test's 1-GD risk at point {@code i}. */
    public double oneStepGd(int i) {
        return oneStepGd[0][i];
    }

    /** The first m_test's ridge risk at point {@code i}. */
    public double ridge(int i) {
        return ridge[0][i];
    }

    /** The {@code j}-th m_test's 1-GD risk at point {@code i}. */
    public double oneStepGd(int j, int i) {
        return oneStepGd[j][i];
    }

    /** The {@code j}-th m_test's ridge risk at point {@code i}. */
    public double ridge(int j, int i) {
        return ridge[j][i];
    }

    public long[] iterations() {
        return iterations.clone();
    }

    /** The first m_test's 1-GD risks. */
    public double[] oneStepGd() {
        return oneStepGd[0].clone();
    }

    /** The first m_test's ridge risks. */
    public double[] ridge() {
        return ridge[0].clone();
    }

    /** Whether any point has a 1-GD risk. */
    public boolean hasOneStepGd() {
        return Arrays.stream(oneStepGd).flatMapToDouble(Arrays::stream).anyMatch(Double::isFinite);
    }

    /** Whether any point has a ridge risk. */
    public boolean hasRidge() {
        return Arrays.stream(ridge).flatMapToDouble(Arrays::stream).anyMatch(Double::isFinite);
    }

    /** The points at or after iteration {@code t}. */
    public RiskSeries since(long t) {
        int from = 0;
        while (from < iterations.length && iterations[from] < t) {
            from++;
        }
        int n = iterations.length;
        double[][] g = new double[mTests.length][];
        double[][] r = new double[mTests.length][];
        for (int j = 0; j < mTests.length; j++) {
            g[j] = Arrays.copyOfRange(oneStepGd[j], from, n);
            r[j] = Arrays.copyOfRange(ridge[j], from, n);
        }
        return new RiskSeries(mTests, Arrays.copyOfRange(iterations, from, n), g, r);
    }

    /** The points at or before iteration {@code t}. */
    public RiskSeries upTo(long t) {
        int n = 0;
        while (n < iterations.length && iterations[n] <= t) {
            n++;
        }
        double[][] g = new double[mTests.length][];
        double[][] r = new double[mTests.length][];
        for (int j = 0; j < mTests.length; j++) {
            g[j] = Arrays.copyOf(oneStepGd[j], n);
            r[j] = Arrays.copyOf(ridge[j], n);
        }
        return new RiskSeries(mTests, Arrays.copyOf(iterations, n), g, r);
    }

    /**
     * This series with one more point (a new object; published series never change).
     *
     * @param oneStep   the 1-GD risk of each m_test
     * @param ridgeRisk the ridge risk of each m_test
     */
    RiskSeries plus(long iteration, double[] oneStep, double[] ridgeRisk) {
        int n = iterations.length;
        long[] t = Arrays.copyOf(iterations, n + 1);
        t[n] = iteration;
        double[][] g = new double[mTests.length][];
        double[][] r = new double[mTests.length][];
        for (int j = 0; j < mTests.length; j++) {
            g[j] = Arrays.copyOf(oneStepGd[j], n + 1);
            g[j][n] = oneStep[j];
            r[j] = Arrays.copyOf(ridge[j], n + 1);
            r[j][n] = ridgeRisk[j];
        }
        return new RiskSeries(mTests, t, g, r);
    }

    /**
     * This series with the columns of {@code wanted} m_test values, in that order: a recorded column is kept, a value
     * not recorded gets NaN at every point (a branch that adds an m_test records it from the branch point on).
     */
    RiskSeries withMTests(int[] wanted) {
        if (Arrays.equals(wanted, mTests) || iterations.length == 0 && mTests.length == 1 && mTests[0] == 0) {
            return Arrays.equals(wanted, mTests) ? this
                    : new RiskSeries(wanted, iterations, new double[wanted.length][0], new double[wanted.length][0]);
        }
        double[][] g = new double[wanted.length][];
        double[][] r = new double[wanted.length][];
        for (int j = 0; j < wanted.length; j++) {
            int at = -1;
            for (int k = 0; k < mTests.length; k++) {
                at = mTests[k] == wanted[j] ? k : at;
            }
            if (at >= 0) {
                g[j] = oneStepGd[at];
                r[j] = ridge[at];
            } else {
                g[j] = new double[iterations.length];
                r[j] = new double[iterations.length];
                Arrays.fill(g[j], Double.NaN);
                Arrays.fill(r[j], Double.NaN);
            }
        }
        return new RiskSeries(wanted, iterations, g, r);
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int j = 0; j < a.length; j++) {
            out[j] = a[j].clone();
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RiskSeries s && Arrays.equals(mTests, s.mTests) && Arrays.equals(iterations, s.iterations)
                && Arrays.deepEquals(oneStepGd, s.oneStepGd) && Arrays.deepEquals(ridge, s.ridge);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * Arrays.hashCode(mTests) + Arrays.hashCode(iterations))
                + Arrays.deepHashCode(oneStepGd)) + Arrays.deepHashCode(ridge);
    }

    @Override
    public String toString() {
        return "RiskSeries[m_test=" + (mTests.length == 1 ? Integer.toString(mTests[0]) : Arrays.toString(mTests))
                + ", " + iterations.length + " points]";
    }
}
