package org.anilexplorer.figure;

/**
 * The axis ranges of a panel, computed from its plottable content (series with their bands, theory curves, reference
 * levels) rather than left to JFreeChart, which ignores markers and would stretch a log axis down to a band's
 * non-positive lower edge.
 */
final class DataBounds {

    /** How far below the smallest mean a log axis may reach to show a band's lower edge (half a decade). */
    private static final double LOG_BAND_REACH = Math.pow(10, -0.5);

    /**
     * The largest magnitude an axis reaches. Far beyond any meaningful value, and far enough below
     * {@link Double#MAX_VALUE} that widths, margins and tick arithmetic stay finite (JFreeChart's tick code refuses
     * an infinite width, and a near-overflow one once kept it busy for minutes).
     */
    static final double LIMIT = 1e300;
    /** The smallest relative width of an axis: below it tick units underflow into millions of ticks. */
    private static final double MIN_RELATIVE_WIDTH = 1e-9;

    private DataBounds() {
    }

    /**
     * {@code range} made safe to draw: finite, within ±{@link #LIMIT} (a log axis within [1/LIMIT, LIMIT]), and not
     * narrower than a billionth of its magnitude. Data beyond it are simply outside the frame.
     */
    static double[] drawable(double[] range, boolean log) {
        double lo = range[0];
        double hi = range[1];
        if (log) {
            double min = 1 / LIMIT;
            lo = Double.isNaN(lo) ? min : Math.min(Math.max(lo, min), LIMIT / 10);
            hi = Double.isNaN(hi) ? LIMIT : Math.min(Math.max(hi, min * 10), LIMIT);
            if (!(hi > lo * (1 + MIN_RELATIVE_WIDTH))) {
                double mid = Math.sqrt(lo) * Math.sqrt(hi);
                return new double[] {Math.max(min, mid / Math.sqrt(10)), Math.min(LIMIT, mid * Math.sqrt(10))};
            }
            return new double[] {lo, hi};
        }
        lo = Double.isNaN(lo) ? -LIMIT : Math.min(Math.max(lo, -LIMIT), LIMIT);
        hi = Double.isNaN(hi) ? LIMIT : Math.min(Math.max(hi, -LIMIT), LIMIT);
        double magnitude = Math.max(Math.abs(lo), Math.abs(hi));
        double minWidth = Math.max(MIN_RELATIVE_WIDTH * magnitude, Double.MIN_NORMAL * 1e10);
        if (!(hi - lo >= minWidth)) {
            double mid = lo / 2 + hi / 2;
            double half = Math.max(minWidth, Math.abs(mid) * 0.2);
            return new double[] {Math.max(-LIMIT, mid - half), Math.min(LIMIT, mid + half)};
        }
        return new double[] {lo, hi};
    }

    /** [lower, upper] of the x axis: exactly the data's extent (the curves start and end at the frame). */
    static double[] x(FigureModel plottable) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : plottable.series()) {
            if (s.size() > 0) {
                lo = Math.min(lo, s.x(0));
                hi = Math.max(hi, s.x(s.size() - 1));
            }
        }
        if (lo > hi) {
            for (TheoryCurve c : plottable.theoryCurves()) {
                if (c.size() > 0) {
                    lo = Math.min(lo, c.x(0));
                    hi = Math.max(hi, c.x(c.size() - 1));
                }
            }
        }
        boolean log = plottable.xAxis().scale() == AxisScale.LOG;
        if (lo > hi) {
            return log ? new double[] {1, 10} : new double[] {0, 1};
        }
        if (lo == hi) {
            return log ? new double[] {lo / Math.sqrt(10), hi * Math.sqrt(10)} : new double[] {lo - 0.5, hi + 0.5};
        }
        return new double[] {lo, hi};
    }

    /**
     * [lower, upper] of the y axis, with a small margin. A linear axis starts at 0 when the curves are non-negative and
     * come within a quarter of their maximum of 0, or when only a band would reach below 0.
     */
    static double[] y(FigureModel plottable, double xLo, double xHi) {
        boolean log = plottable.yAxis().scale() == AxisScale.LOG;
        double lo = Double.POSITIVE_INFINITY; // of everything, bands included
        double hi = Double.NEGATIVE_INFINITY;
        double minMean = Double.POSITIVE_INFINITY;
        for (Series s : plottable.series()) {
            for (int i = 0; i < s.size(); i++) {
                double m = s.mean(i);
                lo = Math.min(lo, m);
                hi = Math.max(hi, m);
                minMean = Math.min(minMean, m);
                double low = s.bandLow(i);
                double high = s.bandHigh(i);
                if (Double.isFinite(low) && Double.isFinite(high)) {
                    hi = Math.max(hi, high);
                    if (!log || low > 0) {
                        lo = Math.min(lo, low);
                    }
                }
            }
        }
        double loWithoutBands = minMean;
        for (TheoryCurve c : plottable.theoryCurves()) {
            for (int i = 0; i < c.size(); i++) {
                if (c.x(i) >= xLo && c.x(i) <= xHi) {
                    lo = Math.min(lo, c.y(i));
                    loWithoutBands = Math.min(loWithoutBands, c.y(i));
                    hi = Math.max(hi, c.y(i));
                }
            }
        }
        for (ReferenceLine r : plottable.referenceLines()) {
            lo = Math.min(lo, r.y());
            loWithoutBands = Math.min(loWithoutBands, r.y());
            hi = Math.max(hi, r.y());
        }
        if (lo > hi) {
            return log ? new double[] {0.1, 10} : new double[] {0, 1};
        }
        if (log) {
            if (Double.isFinite(minMean)) {
                lo = Math.max(lo, Math.min(minMean, hi) * LOG_BAND_REACH);
            }
            double span = Math.log10(hi / lo);
            double pad = Math.max(0.04 * span, 0.05);
            return new double[] {lo / Math.pow(10, pad), hi * Math.pow(10, pad)};
        }
        double span = hi - lo;
        if (span == 0) {
            span = hi == 0 ? 1 : Math.abs(hi) * 0.2;
        }
        // a non-negative quantity (σ², a distance) gets a frame from 0 when it comes near 0, and its band is cut at 0
        boolean nonNegative = loWithoutBands >= 0;
        double lower = nonNegative && (lo < 0 || loWithoutBands <= 0.25 * hi) ? 0 : lo - 0.04 * span;
        return new double[] {lower, hi + 0.04 * span};
    }
}
