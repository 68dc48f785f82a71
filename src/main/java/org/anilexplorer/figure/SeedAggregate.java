package org.anilexplorer.figure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.ToDoubleFunction;
import org.anilexplorer.core.metrics.Snapshot;
import org.anilexplorer.core.stats.SeedStatistics;

/**
 * Mean and standard deviation over seeds of one measured quantity, iteration by iteration. Points are matched by
 * iteration number, not by position, so ragged seeds (one cancelled early) and gaps are handled: each iteration
 * averages the seeds that recorded a finite value there.
 *
 * <p>Mean and std follow the one rule of {@link SeedStatistics} (sample standard deviation, divisor n − 1, as in
 * {@code core.run.AggregateSeries} and every table), NaN where fewer than two seeds contributed, so a single run draws
 * no band.
 *
 * @param x     the recorded iterations, increasing
 * @param mean  the mean over contributing seeds
 * @param std   the std over contributing seeds (NaN when fewer than two)
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
        return of(seeds, 1, (snapshot, out) -> out[0] = metric.applyAsDouble(snapshot)).get(0);
    }

    /**
     * Aggregates a vector-valued metric (e.g. all k squared singular values) in one pass: {@code metric} writes the
     * {@code components} values of a snapshot into the array it is given (NaN for a missing component). Returns one
     * aggregate per component.
     */
    public static List<SeedAggregate> of(List<List<Snapshot>> seeds, int components,
                                         BiConsumer<Snapshot, double[]> metric) {
        long[] grid = iterations(seeds);
        int g = grid.length;
        int c = components;
        SeedStatistics.Accumulator[] acc = new SeedStatistics.Accumulator[g * c];
        for (int j = 0; j < acc.length; j++) {
            acc[j] = new SeedStatistics.Accumulator();
        }
        double[] seedValues = new double[g * c];
        boolean[] seen = new boolean[g];
        double[] buffer = new double[c];
        for (List<Snapshot> seed : seeds) {
            Arrays.fill(seen, false);
            for (Snapshot s : seed) {
                int at = Arrays.binarySearch(grid, s.iteration());
                Arrays.fill(buffer, Double.NaN);
                metric.accept(s, buffer);
                System.arraycopy(buffer, 0, seedValues, at * c, c); // a repeated iteration keeps its last value
                seen[at] = true;
            }
            for (int i = 0; i < g; i++) {
                if (!seen[i]) {
                    continue;
                }
                for (int j = i * c; j < (i + 1) * c; j++) {
                    acc[j].add(seedValues[j]);
                }
            }
        }
        List<SeedAggregate> out = new ArrayList<>(c);
        for (int comp = 0; comp < c; comp++) {
            int size = 0;
            for (int i = 0; i < g; i++) {
                if (acc[i * c + comp].count() > 0) {
                    size++;
                }
            }
            double[] x = new double[size];
            double[] mu = new double[size];
            double[] sd = new double[size];
            int[] count = new int[size];
            int k = 0;
            for (int i = 0; i < g; i++) {
                int j = i * c + comp;
                if (acc[j].count() > 0) {
                    x[k] = grid[i];
                    mu[k] = acc[j].mean();
                    count[k] = acc[j].count();
                    sd[k] = acc[j].sd();
                    k++;
                }
            }
            out.add(new SeedAggregate(x, mu, sd, count));
        }
        return out;
    }

    /** The union of recorded iterations over all seeds, ascending, without repeats. */
    private static long[] iterations(List<List<Snapshot>> seeds) {
        int total = 0;
        for (List<Snapshot> seed : seeds) {
            total += seed.size();
        }
        long[] all = new long[total];
        int i = 0;
        for (List<Snapshot> seed : seeds) {
            for (Snapshot s : seed) {
                all[i++] = s.iteration();
            }
        }
        Arrays.sort(all);
        int unique = 0;
        for (int j = 0; j < all.length; j++) {
            if (j == 0 || all[j] != all[j - 1]) {
                all[unique++] = all[j];
            }
        }
        return Arrays.copyOf(all, unique);
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
