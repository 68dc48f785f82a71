package org.anilexplorer.figure;

import java.util.Arrays;
import java.util.Objects;

/**
 * One measured curve: for each x, the mean over seeds and (optionally) the standard deviation over seeds, drawn as a
 * translucent mean ± std band. Immutable; arrays are private copies.
 *
 * @param name     legend text (the method's label, e.g. "FO-ANIL")
 * @param rgb      colour as 0xRRGGBB (see {@link Palette})
 * @param x        abscissae, finite and non-decreasing
 * @param mean     ordinates; NaN leaves a gap
 * @param std      standard deviation over seeds at each x, NaN where fewer than two seeds contributed; {@code null} for
 *                 no band at all
 * @param style    stroke
 * @param legend   the legend entry this curve stands for (usually {@code name}; curves with the same entry share it,
 *                 e.g. the k curves of one method in the spectrum view), or {@code null} for no legend entry
 */
public record Series(String name, int rgb, double[] x, double[] mean, double[] std, LineStyle style,
                     String legend) {

    public Series {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(mean, "mean");
        if (x.length != mean.length || (std != null && std.length != x.length)) {
            throw new IllegalArgumentException("series '" + name + "': x, mean and std must have the same length, got "
                    + x.length + ", " + mean.length + ", " + (std == null ? "none" : std.length));
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || (i > 0 && x[i] < x[i - 1])) {
                throw new IllegalArgumentException("series '" + name + "': x must be finite and non-decreasing (index "
                        + i + ": " + x[i] + ")");
            }
        }
        x = x.clone();
        mean = mean.clone();
        std = std == null ? null : std.clone();
        rgb &= 0xFFFFFF;
    }

    /** A curve without a band, in the data style, listed in the legend under its name. */
    public static Series line(String name, int rgb, double[] x, double[] y) {
        return new Series(name, rgb, x, y, null, LineStyle.DATA, name);
    }

    /** A curve with a mean ± std band ({@code std} may be null or hold NaNs), in the data style, listed under its name. */
    public static Series band(String name, int rgb, double[] x, double[] mean, double[] std) {
        return new Series(name, rgb, x, mean, std, LineStyle.DATA, name);
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
        return std == null ? null : std.clone();
    }

    public int size() {
        return x.length;
    }

    public double x(int i) {
        return x[i];
    }

    public double mean(int i) {
        return mean[i];
    }

    /** The std at index i, NaN when there is none. */
    public double std(int i) {
        return std == null ? Double.NaN : std[i];
    }

    /** Whether at least one point has a finite std (so a band can be drawn). */
    public boolean hasBand() {
        if (std == null) {
            return false;
        }
        for (double s : std) {
            if (Double.isFinite(s)) {
                return true;
            }
        }
        return false;
    }

    /** This series without the points that cannot be drawn on these axes (log(0), log of negatives, NaN). */
    public Series plottable(AxisScale xScale, AxisScale yScale) {
        int n = 0;
        boolean[] keep = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
            keep[i] = xScale.canShow(x[i]) && yScale.canShow(mean[i]);
            if (keep[i]) {
                n++;
            }
        }
        if (n == x.length) {
            return this;
        }
        double[] nx = new double[n];
        double[] ny = new double[n];
        double[] ns = std == null ? null : new double[n];
        int j = 0;
        for (int i = 0; i < x.length; i++) {
            if (keep[i]) {
                nx[j] = x[i];
                ny[j] = mean[i];
                if (ns != null) {
                    ns[j] = std[i];
                }
                j++;
            }
        }
        return new Series(name, rgb, nx, ny, ns, style, legend);
    }

    public Series withStyle(LineStyle newStyle) {
        return new Series(name, rgb, x, mean, std, newStyle, legend);
    }

    /** A copy without the std (no band, no std column in CSV). */
    public Series withoutBand() {
        return std == null ? this : new Series(name, rgb, x, mean, null, style, legend);
    }

    /** A copy listed under this legend entry ({@code null}: not listed). */
    public Series withLegend(String newLegend) {
        return new Series(name, rgb, x, mean, std, style, newLegend);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Series s && name.equals(s.name) && rgb == s.rgb && Arrays.equals(x, s.x)
                && Arrays.equals(mean, s.mean) && Arrays.equals(std, s.std) && style.equals(s.style)
                && Objects.equals(legend, s.legend);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, rgb, Arrays.hashCode(x), Arrays.hashCode(mean), Arrays.hashCode(std), style, legend);
    }

    @Override
    public String toString() {
        return "Series[" + name + ", " + x.length + " points" + (hasBand() ? ", with std band" : "") + "]";
    }
}
