package org.anilexplorer.figure;

import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.renderer.PaintScale;

/**
 * Perceptually uniform colour maps for phase diagrams: viridis for measured values, cividis for measured/theory
 * ratios (also readable with colour-vision deficiencies). Anchors are the maps' standard 10- and 11-step samples,
 * interpolated linearly in sRGB; values are placed linearly or logarithmically between the bounds.
 */
public final class PhaseColours implements PaintScale {

    private static final int[] VIRIDIS = {0x440154, 0x482475, 0x414487, 0x355f8d, 0x2a788e, 0x21918c, 0x22a884,
        0x44bf70, 0x7ad151, 0xbddf26, 0xfde725};
    private static final int[] CIVIDIS = {0x00224e, 0x123570, 0x3b496c, 0x575d6d, 0x707173, 0x8a8779, 0xa69d75,
        0xc4b56c, 0xe4cf5b, 0xfee838};
    /** Cells with nothing measured (refused, diverged before the end). */
    static final Color MISSING = new Color(0xD9D9D9);

    private final int[] anchors;
    private final double lower;
    private final double upper;
    private final boolean log;

    private PhaseColours(int[] anchors, double lower, double upper, boolean log) {
        this.anchors = anchors;
        this.lower = lower;
        this.upper = upper > lower ? upper : lower * (log ? 1.01 : 1) + (log ? 0 : 1e-12);
        this.log = log;
    }

    public static PhaseColours viridis(double lower, double upper, boolean log) {
        return new PhaseColours(VIRIDIS, lower, upper, log);
    }

    public static PhaseColours cividis(double lower, double upper, boolean log) {
        return new PhaseColours(CIVIDIS, lower, upper, log);
    }

    public boolean isLog() {
        return log;
    }

    @Override
    public double getLowerBound() {
        return lower;
    }

    @Override
    public double getUpperBound() {
        return upper;
    }

    /** Position of a value in [0, 1] along the map (clamped). */
    double position(double value) {
        double f = log ? (Math.log(value) - Math.log(lower)) / (Math.log(upper) - Math.log(lower))
                : (value - lower) / (upper - lower);
        return Math.max(0, Math.min(1, f));
    }

    @Override
    public Paint getPaint(double value) {
        if (!Double.isFinite(value) || (log && value <= 0)) {
            return MISSING;
        }
        return colourAt(position(value));
    }

    Color colourAt(double f) {
        double x = f * (anchors.length - 1);
        int i = Math.min(anchors.length - 2, (int) Math.floor(x));
        double t = x - i;
        int a = anchors[i];
        int b = anchors[i + 1];
        int r = (int) Math.round(((a >> 16) & 0xff) * (1 - t) + ((b >> 16) & 0xff) * t);
        int g = (int) Math.round(((a >> 8) & 0xff) * (1 - t) + ((b >> 8) & 0xff) * t);
        int bl = (int) Math.round((a & 0xff) * (1 - t) + (b & 0xff) * t);
        return new Color(r, g, bl);
    }

    /** Relative luminance, to choose dark or light text on a cell. */
    static boolean isDark(Paint p) {
        if (!(p instanceof Color c)) {
            return false;
        }
        return 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue() < 128;
    }
}
