package org.anilexplorer.core.run;

/**
 * Mean and standard deviation of one metric across seeds, at each recorded iteration of an {@link AggregateSeries},
 * by the one rule of {@link org.anilexplorer.core.stats.SeedStatistics}: sample standard deviation (divisor n − 1),
 * NaN with fewer than two finite values. Only finite values count; an iteration where none is finite has a NaN
 * mean. Arrays are private; accessors copy.
 */
public final class Band {

    private final double[] mean;
    private final double[] std;

    Band(double[] mean, double[] std) {
        this.mean = mean;
        this.std = std;
    }

    public int size() {
        return mean.length;
    }

    public double mean(int i) {
        return mean[i];
    }

    public double std(int i) {
        return std[i];
    }

    public double[] mean() {
        return mean.clone();
    }

    public double[] std() {
        return std.clone();
    }
}
