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
 * @param min      with {@code max}: an envelope instead of a std band, the smallest and largest of a set of curves at
 *                 each x (NaN: no band there), {@code mean} then holding their median; {@code null} for none. A
 *                 series has a std band or an envelope, not both.
 * @param max      the envelope's upper edge, {@code null} exactly when {@code min} is
 */
public record Series(String name, int rgb, double[] x, double[] mean, double[] std, LineStyle style,
                     String legend, double[] min, double[] max) {

    public Series {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(mean, "mean");
        if ((min == null) != (max == null) || (min != null && std != null)) {
            throw new IllegalArgumentException("series '" + name + "': an envelope needs both edges and no std");
        }
        if (x.length != mean.length || (std != null && std.length != x.length)
                || (min != null && (min.length != x.length || max.length != x.length))) {
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
        min = min == null ? null : min.clone();
        max = max == null ? null : max.clone();
        rgb &= 0xFFFFFF;
    }

    /** A series with a mean ± std band ({@code std} may be null: no band). */
    public Series(String name, int rgb, double[] x, double[] mean, double[] std, LineStyle style, String legend) {
        this(name, rgb, x, mean, std, style, legend, null, null);
    }

    /**
     * The median of a set of curves with their min–max envelope shaded (e.g. the k′ squared singular values of
     * B⋆,⊥ᵀBₜ as one band instead of k′ lines).
     */
    public static Series envelope(String name, int rgb, double[] x, double[] median, double[] min, double[] max,
                                  LineStyle style, String legend) {
        return new Series(name, rgb, x, median, null, style, legend, min, max);
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

    @Override
    public double[] min() {
        return min == null ? null : min.clone();
    }

    @Override
    public double[] max() {
        return max == null ? null : max.clone();
    }

    /** Whether the band is a min–max envelope (rather than mean ± std). */
    public boolean isEnvelope() {
        return min != null;
    }

    /** The lower edge of the band at index i (mean − std, or the envelope's min), NaN where there is no band. */
    public double bandLow(int i) {
        if (min != null) {
            return Double.isFinite(max[i]) ? min[i] : Double.NaN;
        }
        return mean[i] - std(i);
    }

    /** The upper edge of the band at index i (mean + std, or the envelope's max), NaN where there is no band. */
    public double bandHigh(int i) {
        if (min != null) {
            return Double.isFinite(min[i]) ? max[i] : Double.NaN;
        }
        return mean[i] + std(i);
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

    /** Whether at least one point has a band (a finite std, or both envelope edges), so a band can be drawn. */
    public boolean hasBand() {
        if (std == null && min == null) {
            return false;
        }
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(bandLow(i)) && Double.isFinite(bandHigh(i))) {
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
        double[] nMin = min == null ? null : new double[n];
        double[] nMax = max == null ? null : new double[n];
        int j = 0;
        for (int i = 0; i < x.length; i++) {
            if (keep[i]) {
                nx[j] = x[i];
                ny[j] = mean[i];
                if (ns != null) {
                    ns[j] = std[i];
                }
                if (nMin != null) {
                    nMin[j] = min[i];
                    nMax[j] = max[i];
                }
                j++;
            }
        }
        return new Series(name, rgb, nx, ny, ns, style, legend, nMin, nMax);
    }

    public Series withStyle(LineStyle newStyle) {
        return new Series(name, rgb, x, mean, std, newStyle, legend, min, max);
    }

    /** A copy without the band (no std or envelope, no such columns in CSV). */
    public Series withoutBand() {
        return std == null && min == null ? this : new Series(name, rgb, x, mean, null, style, legend);
    }

    /** A copy listed under this legend entry ({@code null}: not listed). */
    public Series withLegend(String newLegend) {
        return new Series(name, rgb, x, mean, std, style, newLegend, min, max);
    }

    /** A copy under another name (CSV columns, read-out), keeping its legend entry. */
    public Series withName(String newName) {
        return new Series(newName, rgb, x, mean, std, style, legend, min, max);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Series s && name.equals(s.name) && rgb == s.rgb && Arrays.equals(x, s.x)
                && Arrays.equals(mean, s.mean) && Arrays.equals(std, s.std) && style.equals(s.style)
                && Objects.equals(legend, s.legend) && Arrays.equals(min, s.min) && Arrays.equals(max, s.max);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, rgb, Arrays.hashCode(x), Arrays.hashCode(mean), Arrays.hashCode(std), style, legend,
                Arrays.hashCode(min), Arrays.hashCode(max));
    }

    @Override
    public String toString() {
        return "Series[" + name + ", " + x.length + " points" + (hasBand() ? (min != null ? ", with min–max envelope" : ", with std band") : "") + "]";
    }
}
