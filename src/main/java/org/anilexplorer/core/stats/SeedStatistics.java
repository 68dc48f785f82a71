package org.anilexplorer.core.stats;

/**
 * The one rule for summarising independent runs (seeds): the mean and the sample standard deviation, divisor n − 1
 * (the unbiased variance estimate; Yüksel et al. print "the standard deviation over 10 independent training runs").
 * Only finite values count, so a diverged seed drops out instead of poisoning the mean; with fewer than two finite
 * values the standard deviation is undefined (NaN) and no band is drawn. Every table, CSV column, JSON field and
 * chart band over seeds is computed here and named with {@link #NAME}.
 */
public final class SeedStatistics {

    /** How the spread is named in legends, captions and headers. */
    public static final String NAME = "mean ± sd (n−1)";
    /** The column or field suffix of the spread. */
    public static final String SD = "sd (n−1)";

    private SeedStatistics() {
    }

    /** "mean ± sd (n−1) over 3 seeds" (or "… over 1 seed"). */
    public static String describe(int seeds) {
        return NAME + " over " + seeds + (seeds == 1 ? " seed" : " seeds");
    }

    /**
     * "mean ± sd" with the given number format (e.g. "%.3f"), or the mean alone when the spread is undefined (one
     * seed), so no table ever shows "± NaN".
     */
    public static String format(String numberFormat, double mean, double sd) {
        String m = String.format(java.util.Locale.ROOT, numberFormat, mean);
        return Double.isFinite(sd) ? m + " ± " + String.format(java.util.Locale.ROOT, numberFormat, sd) : m;
    }

    /** Mean, sample standard deviation and the number of finite values of {@code values}. */
    public static Summary of(double... values) {
        Accumulator a = new Accumulator();
        for (double v : values) {
            a.add(v);
        }
        return a.summary();
    }

    /**
     * The summary of one quantity over seeds.
     *
     * @param mean  the mean of the finite values (NaN when there is none)
     * @param sd    the sample standard deviation, divisor n − 1 (NaN when fewer than two)
     * @param count how many finite values contributed
     */
    public record Summary(double mean, double sd, int count) {
    }

    /**
     * Welford's running mean and sum of squared deviations: stable for values spanning many orders of magnitude, and
     * one pass, so a caller can feed values as it finds them.
     */
    public static final class Accumulator {
        private int n;
        private double mean;
        private double m2;

        /** Adds one seed's value; non-finite values are ignored. */
        public void add(double value) {
            if (!Double.isFinite(value)) {
                return;
            }
            n++;
            double delta = value - mean;
            mean += delta / n;
            m2 += delta * (value - mean);
        }

        public int count() {
            return n;
        }

        public double mean() {
            return n == 0 ? Double.NaN : mean;
        }

        public double sd() {
            return n < 2 ? Double.NaN : Math.sqrt(Math.max(m2, 0) / (n - 1));
        }

        public Summary summary() {
            return new Summary(mean(), sd(), n);
        }

        /** Forgets every value, for reuse. */
        public void clear() {
            n = 0;
            mean = 0;
            m2 = 0;
        }
    }
}
