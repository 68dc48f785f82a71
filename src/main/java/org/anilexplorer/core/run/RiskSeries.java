package org.anilexplorer.core.run;

import java.util.Arrays;

/**
 * One run's test risk E‖θ̂ − θ⋆‖² on a new task of {@code mTest} samples, over its iterations: the exact expected risk
 * of the 1-GD estimator ({@code core.theory.OneStepRisk}; NaN for methods it does not evaluate, see
 * {@link org.anilexplorer.core.params.Algorithm#hasOneStepGdRisk()}) and ridge on the learned features, best λ of the
 * grid, averaged over a fixed set of test tasks of the run's seed (NaN when ridge is not recorded). Recorded by
 * {@link Run} on the {@link RiskRecording} schedule, so a preset and a seed always give the same series. Immutable.
 */
public record RiskSeries(int mTest, long[] iterations, double[] oneStepGd, double[] ridge) {

    public static final RiskSeries EMPTY = new RiskSeries(0, new long[0], new double[0], new double[0]);

    public RiskSeries {
        if (iterations.length != oneStepGd.length || iterations.length != ridge.length) {
            throw new IllegalArgumentException("iterations, oneStepGd and ridge must have the same length");
        }
        iterations = iterations.clone();
        oneStepGd = oneStepGd.clone();
        ridge = ridge.clone();
    }

    public int size() {
        return iterations.length;
    }

    public long iteration(int i) {
        return iterations[i];
    }

    public double oneStepGd(int i) {
        return oneStepGd[i];
    }

    public double ridge(int i) {
        return ridge[i];
    }

    @Override
    public long[] iterations() {
        return iterations.clone();
    }

    @Override
    public double[] oneStepGd() {
        return oneStepGd.clone();
    }

    @Override
    public double[] ridge() {
        return ridge.clone();
    }

    /** Whether any point has a 1-GD risk. */
    public boolean hasOneStepGd() {
        return Arrays.stream(oneStepGd).anyMatch(Double::isFinite);
    }

    /** Whether any point has a ridge risk. */
    public boolean hasRidge() {
        return Arrays.stream(ridge).anyMatch(Double::isFinite);
    }

    /** The points at or after iteration {@code t}. */
    public RiskSeries since(long t) {
        int from = 0;
        while (from < iterations.length && iterations[from] < t) {
            from++;
        }
        int n = iterations.length;
        return new RiskSeries(mTest, Arrays.copyOfRange(iterations, from, n), Arrays.copyOfRange(oneStepGd, from, n),
                Arrays.copyOfRange(ridge, from, n));
    }

    /** This series with one more point (a new object; published series never change). */
    RiskSeries plus(long iteration, double oneStep, double ridgeRisk) {
        int n = iterations.length;
        long[] t = Arrays.copyOf(iterations, n + 1);
        double[] g = Arrays.copyOf(oneStepGd, n + 1);
        double[] r = Arrays.copyOf(ridge, n + 1);
        t[n] = iteration;
        g[n] = oneStep;
        r[n] = ridgeRisk;
        return new RiskSeries(mTest, t, g, r);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RiskSeries s && mTest == s.mTest && Arrays.equals(iterations, s.iterations)
                && Arrays.equals(oneStepGd, s.oneStepGd) && Arrays.equals(ridge, s.ridge);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(iterations) + Arrays.hashCode(oneStepGd)) + Arrays.hashCode(ridge) + mTest;
    }

    @Override
    public String toString() {
        return "RiskSeries[m_test=" + mTest + ", " + iterations.length + " points]";
    }
}
