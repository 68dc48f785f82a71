package org.anilexplorer.core.eval;

import java.util.Arrays;

/**
 * The ridge λ grid of the project's calibrated protocol (docs/math.md §6.4; the paper only says "grid-search"): 25 values
 * log-spaced over scale·[10⁻⁴, 10²], in the convention ŵ_λ = (FᵀF + m_test·λ·I)⁻¹Fᵀy. The scale is the top eigenvalue
 * of the feature map's Gram, ‖RRᵀ‖ (‖B̂B̂ᵀ‖ for ridge on learned features, 1 for B⋆ and for the identity), because
 * FᵀF/m_test ≈ RᵀR: the grid then sits at the same place relative to the data whatever the size of B̂.
 */
public final class LambdaGrid {

    /** Number of grid points. */
    public static final int SIZE = 25;
    /** log₁₀ of the smallest and largest λ / scale. */
    public static final int LOWEST_DECADE = -4;
    public static final int HIGHEST_DECADE = 2;

    private final double[] values;

    private LambdaGrid(double[] values) {
        this.values = values;
    }

    /** The grid scale·10^(−4 + 6i/24), i = 0..24. A scale that is 0 or not finite (B̂ = 0) is replaced by 1. */
    public static LambdaGrid scaled(double scale) {
        double s = scale > 0 && Double.isFinite(scale) ? scale : 1.0;
        double[] v = new double[SIZE];
        for (int i = 0; i < SIZE; i++) {
            double decade = LOWEST_DECADE + (HIGHEST_DECADE - LOWEST_DECADE) * (double) i / (SIZE - 1);
            v[i] = s * Math.pow(10, decade);
        }
        return new LambdaGrid(v);
    }

    public int size() {
        return values.length;
    }

    public double get(int i) {
        return values[i];
    }

    public double[] values() {
        return values.clone();
    }

    /** The index of the smallest finite value (the first one on ties), or −1 when none is finite. */
    public static int argmin(double[] meanRisk) {
        int best = -1;
        for (int i = 0; i < meanRisk.length; i++) {
            if (Double.isFinite(meanRisk[i]) && (best < 0 || meanRisk[i] < meanRisk[best])) {
                best = i;
            }
        }
        return best;
    }

    /** Whether a chosen index lies on the first or last grid point: the optimum may then lie outside the grid. */
    public boolean atEdge(int index) {
        return index == 0 || index == values.length - 1;
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
