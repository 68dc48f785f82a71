package org.anilexplorer.app.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.anilexplorer.figure.FigureModel;
import org.anilexplorer.figure.Series;

/**
 * What the crosshair reads: the recorded iteration nearest the pointer (nearest on the axis' own scale, so a log axis
 * snaps as the eye expects) and every drawn curve's value there.
 *
 * @param t       the iteration the crosshair snapped to
 * @param entries one per curve that covers t, in drawing order
 */
record Readout(double t, List<Entry> entries) {

    /** One curve's value at {@link #t}: its name, colour (0xRRGGBB), whether it is a secondary (dotted) curve. */
    record Entry(String name, int rgb, boolean secondary, double value) {
    }

    /**
     * The read-out for a pointer at iteration {@code x} over the curves of {@code plottable} (a model as drawn, see
     * {@link FigureModel#plottable()}); empty when no curve has a point.
     */
    static Optional<Readout> at(FigureModel plottable, double x, boolean logX) {
        double best = Double.NaN;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (Series s : plottable.series()) {
            double[] xs = s.x();
            int i = nearest(xs, x);
            if (i < 0) {
                continue;
            }
            double d = Math.abs(logX ? Math.log(xs[i] / x) : xs[i] - x);
            if (d < bestDistance) {
                bestDistance = d;
                best = xs[i];
            }
        }
        if (Double.isNaN(best)) {
            return Optional.empty();
        }
        return Optional.of(new Readout(best, valuesAt(plottable, best)));
    }

    /** Every curve's value at iteration t: its own point there, or linear between its neighbours; none outside. */
    static List<Entry> valuesAt(FigureModel plottable, double t) {
        List<Entry> out = new ArrayList<>();
        for (Series s : plottable.series()) {
            double[] xs = s.x();
            if (xs.length == 0 || t < xs[0] || t > xs[xs.length - 1]) {
                continue;
            }
            int i = java.util.Arrays.binarySearch(xs, t);
            double v;
            if (i >= 0) {
                v = s.mean(i);
            } else {
                int hi = -i - 1;
                int lo = hi - 1;
                double f = (t - xs[lo]) / (xs[hi] - xs[lo]);
                v = s.mean(lo) + f * (s.mean(hi) - s.mean(lo));
            }
            out.add(new Entry(s.name(), s.rgb(), s.legend() == null, v));
        }
        return out;
    }

    /** Index of the element of sorted {@code xs} nearest {@code x} (−1 when empty). */
    private static int nearest(double[] xs, double x) {
        if (xs.length == 0) {
            return -1;
        }
        int i = java.util.Arrays.binarySearch(xs, x);
        if (i >= 0) {
            return i;
        }
        int hi = -i - 1;
        if (hi == 0) {
            return 0;
        }
        if (hi == xs.length) {
            return xs.length - 1;
        }
        return x - xs[hi - 1] <= xs[hi] - x ? hi - 1 : hi;
    }

    /** "t = 1,200" and one "name  value" line per curve, values with four significant digits. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(java.util.Locale.ROOT, "t = %,.0f", t));
        for (Entry e : entries) {
            lines.add(String.format(java.util.Locale.ROOT, "%s  %.4g", e.name(), e.value()));
        }
        return lines;
    }
}
