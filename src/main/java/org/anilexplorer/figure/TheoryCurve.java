package org.anilexplorer.figure;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

/**
 * A dashed theory curve sampled at given abscissae, e.g. the 1/t unlearning rate of ‖B⋆,⊥ᵀB_t‖² (Appendix H of
 * Yüksel et al.). Non-finite samples leave gaps. Immutable; arrays are private copies.
 */
public record TheoryCurve(String name, double[] x, double[] y) {

    public TheoryCurve {
        Objects.requireNonNull(name, "name");
        if (x.length != y.length) {
            throw new IllegalArgumentException("theory curve '" + name + "': x and y must have the same length, got "
                    + x.length + " and " + y.length);
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || (i > 0 && x[i] < x[i - 1])) {
                throw new IllegalArgumentException("theory curve '" + name
                        + "': x must be finite and non-decreasing (index " + i + ": " + x[i] + ")");
            }
        }
        x = x.clone();
        y = y.clone();
    }

    /**
     * Samples f at n points between from and to (inclusive), geometrically spaced when both ends are positive (so the
     * curve is smooth on a log axis and dense where 1/t bends), evenly spaced otherwise.
     */
    public static TheoryCurve sample(String name, DoubleUnaryOperator f, double from, double to, int n) {
        if (n < 2 || !(from < to) || !Double.isFinite(from) || !Double.isFinite(to)) {
            throw new IllegalArgumentException("theory curve '" + name + "': need n ≥ 2 and finite from < to, got n="
                    + n + ", from=" + from + ", to=" + to);
        }
        double[] xs = new double[n];
        double[] ys = new double[n];
        boolean geometric = from > 0;
        for (int i = 0; i < n; i++) {
            double u = (double) i / (n - 1);
            xs[i] = geometric ? from * Math.pow(to / from, u) : from + (to - from) * u;
        }
        xs[0] = from;
        xs[n - 1] = to;
        for (int i = 0; i < n; i++) {
            ys[i] = f.applyAsDouble(xs[i]);
        }
        return new TheoryCurve(name, xs, ys);
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    public int size() {
        return x.length;
    }

    public double x(int i) {
        return x[i];
    }

    public double y(int i) {
        return y[i];
    }

    /** This curve as a dashed series in the theory colour, for uniform drawing and export. */
    public Series asSeries() {
        return new Series(name, Palette.THEORY, x, y, null, LineStyle.THEORY, name);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TheoryCurve t && name.equals(t.name) && Arrays.equals(x, t.x) && Arrays.equals(y, t.y);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(x), Arrays.hashCode(y));
    }

    @Override
    public String toString() {
        return "TheoryCurve[" + name + ", " + x.length + " points]";
    }
}
