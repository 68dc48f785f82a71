package org.anilexplorer.core.run;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.anilexplorer.core.metrics.Snapshot;
import org.anilexplorer.core.stats.SeedStatistics;

/**
 * One variant's curves aggregated across seeds: at each iteration recorded by at least one run, the mean ± sd
 * ({@link SeedStatistics}: divisor n − 1) of
 * every {@link SeriesMetric} and of each squared singular value σ_j²(B⋆ᵀB_t), j = 1..k (descending order).
 * All runs of a variant share the recording schedule, so their iterations line up; a run that stopped early simply
 * stops contributing ({@link #count(int)} says how many runs a point averages).
 */
public final class AggregateSeries {

    private final String label;
    private final long[] iterations;
    private final int[] counts;
    private final Map<SeriesMetric, Band> bands;
    private final Band[] sv2Star;

    private AggregateSeries(String label, long[] iterations, int[] counts, Map<SeriesMetric, Band> bands, Band[] sv2Star) {
        this.label = label;
        this.iterations = iterations;
        this.counts = counts;
        this.bands = bands;
        this.sv2Star = sv2Star;
    }

    /** Aggregates the given runs (normally: all seeds of one variant). */
    public static AggregateSeries of(String label, List<RunView> runs) {
        TreeMap<Long, List<Snapshot>> byIteration = new TreeMap<>();
        int k = 0;
        for (RunView r : runs) {
            for (Snapshot s : r.series()) {
                byIteration.computeIfAbsent(s.iteration(), t -> new ArrayList<>()).add(s);
                k = Math.max(k, s.k());
            }
        }
        int n = byIteration.size();
        long[] iterations = new long[n];
        int[] counts = new int[n];
        Map<SeriesMetric, double[][]> raw = new EnumMap<>(SeriesMetric.class);
        for (SeriesMetric m : SeriesMetric.values()) {
            raw.put(m, new double[][] {new double[n], new double[n]});
        }
        double[][][] star = new double[k][][];
        for (int j = 0; j < k; j++) {
            star[j] = new double[][] {new double[n], new double[n]};
        }
        int i = 0;
        double[] values = new double[runs.size()];
        for (Map.Entry<Long, List<Snapshot>> e : byIteration.entrySet()) {
            iterations[i] = e.getKey();
            List<Snapshot> at = e.getValue();
            counts[i] = at.size();
            for (SeriesMetric m : SeriesMetric.values()) {
                for (int r = 0; r < at.size(); r++) {
                    values[r] = m.of(at.get(r));
                }
                meanStd(values, at.size(), raw.get(m), i);
            }
            for (int j = 0; j < k; j++) {
                for (int r = 0; r < at.size(); r++) {
                    Snapshot s = at.get(r);
                    values[r] = j < s.k() ? s.sv2Star(j) : Double.NaN;
                }
                meanStd(values, at.size(), star[j], i);
            }
            i++;
        }
        Map<SeriesMetric, Band> bands = new EnumMap<>(SeriesMetric.class);
        raw.forEach((m, ms) -> bands.put(m, new Band(ms[0], ms[1])));
        Band[] sv2Star = new Band[k];
        for (int j = 0; j < k; j++) {
            sv2Star[j] = new Band(star[j][0], star[j][1]);
        }
        return new AggregateSeries(label, iterations, counts, bands, sv2Star);
    }

    private static void meanStd(double[] values, int n, double[][] out, int i) {
        SeedStatistics.Accumulator a = new SeedStatistics.Accumulator();
        for (int r = 0; r < n; r++) {
            a.add(values[r]);
        }
        out[0][i] = a.mean();
        out[1][i] = a.sd();
    }

    public String label() {
        return label;
    }

    public int size() {
        return iterations.length;
    }

    public long iteration(int i) {
        return iterations[i];
    }

    public long[] iterations() {
        return iterations.clone();
    }

    /** Number of runs that recorded point i. */
    public int count(int i) {
        return counts[i];
    }

    public Band band(SeriesMetric metric) {
        return bands.get(metric);
    }

    /** Number k of squared singular values of B⋆ᵀB_t. */
    public int k() {
        return sv2Star.length;
    }

    /** σ_j²(B⋆ᵀB_t) across seeds, j = 0..k−1 in descending order. */
    public Band sv2Star(int j) {
        return sv2Star[j];
    }
}
