package org.anilexplorer.figure;

import java.util.Objects;

/** How a curve is stroked: a dash pattern and a width in points (at scale 1). */
public record LineStyle(Dash dash, double width) {

    /** The dash patterns a figure may use. */
    public enum Dash { SOLID, DASHED, DOTTED, DASH_DOT }

    /** Measured data: thick and solid, so it reads well at column width. */
    public static final LineStyle DATA = new LineStyle(Dash.SOLID, 2.2);
    /** A second quantity of the same method next to {@link #DATA} (e.g. validation next to training loss). */
    public static final LineStyle DATA_SECONDARY = new LineStyle(Dash.DOTTED, 2.2);
    /** Many curves of one method (e.g. every singular value): thin, so that the bundle stays legible. */
    public static final LineStyle THIN = new LineStyle(Dash.SOLID, 1.0);
    /** Theory: dashed, a little thinner than data. */
    public static final LineStyle THEORY = new LineStyle(Dash.DASHED, 1.6);

    public LineStyle {
        Objects.requireNonNull(dash, "dash");
        if (!(width > 0) || !Double.isFinite(width)) {
            throw new IllegalArgumentException("line width must be a positive number, got " + width);
        }
    }
}
