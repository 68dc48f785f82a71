package org.anilexplorer.app.sim;

import java.util.Arrays;

/**
 * A test risk E‖θ̂ − θ⋆‖² for a task with m_test samples over one run's iterations: the exact one of the 1-GD
 * estimator ({@code core.theory.OneStepRisk}, docs/math.md §4.4) or ridge on the learned features averaged over test
 * tasks ({@code core.eval}, docs/math.md §6.4). Immutable.
 */
public record RiskSeries(int mTest, long[] iterations, double[] risk) {

    public static final RiskSeries EMPTY = new RiskSeries(0, new long[0], new double[0]);

    public RiskSeries {
        if (iterations.length != risk.length) {
            throw new IllegalArgumentException("iterations and risk must have the same length");
        }
        iterations = iterations.clone();
        risk = risk.clone();
    }

    public int size() {
        return iterations.length;
    }

    public long iteration(int i) {
        return iterations[i];
    }

    public double risk(int i) {
        return risk[i];
    }

    @Override
    public long[] iterations() {
        return iterations.clone();
    }

    @Override
    public double[] risk() {
        return risk.clone();
    }

    /** This series with one more point (a new object; recorded series are never changed). */
    RiskSeries plus(long iteration, double value) {
        long[] t = Arrays.copyOf(iterations, iterations.length + 1);
        double[] r = Arrays.copyOf(risk, risk.length + 1);
        t[t.length - 1] = iteration;
        r[r.length - 1] = value;
        return new RiskSeries(mTest, t, r);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RiskSeries s && mTest == s.mTest && Arrays.equals(iterations, s.iterations)
                && Arrays.equals(risk, s.risk);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(iterations) + Arrays.hashCode(risk) + mTest;
    }
}
