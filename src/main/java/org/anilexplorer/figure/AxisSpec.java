package org.anilexplorer.figure;

import java.util.Objects;

/**
 * One axis of a panel: its label, written with the paper's symbols in Unicode (e.g. "iteration t",
 * "σ²ₘᵢₙ(B⋆ᵀBₜ)"), and its scale.
 */
public record AxisSpec(String label, AxisScale scale) {

    public AxisSpec {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(scale, "scale");
    }

    public static AxisSpec linear(String label) {
        return new AxisSpec(label, AxisScale.LINEAR);
    }

    public static AxisSpec log(String label) {
        return new AxisSpec(label, AxisScale.LOG);
    }

    public AxisSpec withScale(AxisScale newScale) {
        return new AxisSpec(label, newScale);
    }
}
