package org.anilexplorer.core.eval;

/**
 * Running mean and sum of squared deviations (Welford) for a fixed number of slots that all see the same samples:
 * one slot per (m_test, estimator, λ). Blocks of test tasks are accumulated separately and merged in block order
 * (Chan et al.'s pairwise update), so the result does not depend on which thread evaluated which block.
 */
final class RiskMoments {

    private long count;
    private final double[] mean;
    private final double[] m2;

    RiskMoments(int slots) {
        mean = new double[slots];
        m2 = new double[slots];
    }

    /** Starts a new sample (test task): every slot must then receive exactly one value. */
    void beginSample() {
        count++;
    }

    void add(int slot, double value) {
        double delta = value - mean[slot];
        mean[slot] += delta / count;
        m2[slot] += delta * (value - mean[slot]);
    }

    void addAll(int slot, double[] values, int n) {
        for (int i = 0; i < n; i++) {
            add(slot + i, values[i]);
        }
    }

    /** Merges {@code other} (later samples) into this. */
    void merge(RiskMoments other) {
        if (other.count == 0) {
            return;
        }
        long n = count + other.count;
        for (int s = 0; s < mean.length; s++) {
            double delta = other.mean[s] - mean[s];
            mean[s] += delta * other.count / n;
            m2[s] += other.m2[s] + delta * delta * ((double) count * other.count / n);
        }
        count = n;
    }

    long count() {
        return count;
    }

    double mean(int slot) {
        return mean[slot];
    }

    /** Sample standard deviation (n − 1 in the denominator); 0 for a single sample. */
    double std(int slot) {
        return count > 1 ? Math.sqrt(Math.max(0.0, m2[slot] / (count - 1))) : 0.0;
    }
}
