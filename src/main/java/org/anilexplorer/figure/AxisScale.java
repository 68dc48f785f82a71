package org.anilexplorer.figure;

/** How an axis maps values to positions. */
public enum AxisScale {
    LINEAR,
    /** Base-10 logarithmic; points with a non-positive coordinate on this axis cannot be drawn and are dropped. */
    LOG;

    /** Whether a coordinate can be placed on an axis of this scale. */
    public boolean canShow(double value) {
        return Double.isFinite(value) && (this == LINEAR || value > 0);
    }
}
