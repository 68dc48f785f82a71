package org.anilexplorer.figure;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.anilexplorer.core.metrics.Snapshot;

/**
 * Mean and standard deviation over seeds of one measured quantity, iteration by iteration. Points are matched by
 * iteration number, not by position, so ragged seeds (one cancelled early) and gaps are handled: each iteration
 * averages the seeds that recorded a finite value there.
 *
 * <p>The std is the sample standard deviation (divisor n − 1), NaN where fewer than two seeds contributed.
 *
 * @param x     the recorded iterations, increasing
 * @param mean  the mean over contributing seeds
 * @param std   the sample std over contributing seeds (NaN when fewer than two)
 * @param count how many seeds contributed at each iteration
 */
public record SeedAggregate(double[] x, double[] mean, double[] std, int[] count) {

    public SeedAggregate {
        if (mean.length != x.length || std.length != x.length || count.length != x.length) {
            throw new IllegalArgumentException("x, mean, std and count must have the same length");
        }
        x = x.clone();
        mean = mean.clone();
        std = std.clone();
        count = count.clone();
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] std() {
        return std.clone();
    }

    @Override
    public int[] count() {
        return count.clone();
    }

    /** Aggregates {@code metric} over the seeds. Non-finite values (a diverging seed) are left out. */
    public static SeedAggregate of(List<List<Snapshot>> seeds, ToDoubleFunction<Snapshot> metric) {
        // Welford's update per iteration: stable for values that differ by many orders of magnitude
        TreeMap<Long, double[]> acc = new TreeMap<>(); // {n, mean, M2}
        TreeMap<Long, Double> perSeed = new TreeMap<>();
        for (List<Snapshot> seed : seeds) {
            perSeed.clear();
            for (Snapshot s : seed) {
                perSeed.put(s.iteration(), metric.applyAsDouble(s)); // a repeated iteration keeps its last value
            }
            for (Map.Entry<Long, Double> e : perSeed.entrySet()) {
                double v = e.getValue();
                if (!Double.isFinite(v)) {
                    continue;
                }
                double[] a = acc.computeIfAbsent(e.getKey(), k -> new double[3]);
                a[0]++;
                double delta = v - a[1];
                a[1] += delta / a[0];
                a[2] += delta * (v - a[1]);
            }
        }
        int n = acc.size();
        double[] x = new double[n];
        double[] mean = new double[n];
        double[] std = new double[n];
        int[] count = new int[n];
        int i = 0;
        for (Map.Entry<Long, double[]> e : acc.entrySet()) {
            double[] a = e.getValue();
            x[i] = e.getKey();
            count[i] = (int) a[0];
            mean[i] = a[1];
            std[i] = a[0] >= 2 ? Math.sqrt(Math.max(a[2], 0) / (a[0] - 1)) : Double.NaN;
            i++;
        }
        return new SeedAggregate(x, mean, std, count);
    }

    public int size() {
        return x.length;
    }

    /**
     * The aggregate as a curve with a mean ± std band (no band at all when no point has two seeds).
     *
     * @param legend the legend entry, or {@code null} for none
     */
    public Series toSeries(String name, int rgb, LineStyle style, String legend) {
        boolean anyStd = false;
        for (double s : std) {
            anyStd |= Double.isFinite(s);
        }
        return new Series(name, rgb, x, mean, anyStd ? std : null, style, legend);
    }
}
