package org.anilexplorer.figure;

import java.util.List;

/**
 * One panel of a phase diagram as plain data: a value per cell of a two-key grid (NaN where nothing was measured),
 * which cells diverged or were refused, and the theory fields to draw as contours: the predicted value of the same
 * quantity and the stability margin αβ·max s_j (boundary at 1). Index i runs along x, j along y.
 *
 * @param title          panel title
 * @param x              the first grid key
 * @param y              the second grid key
 * @param values         the colour of each cell: the measured mean over seeds, or measured/predicted for a ratio map
 * @param diverged       cells where at least one run diverged (drawn hatched)
 * @param refused        cells whose parameters were refused
 * @param predicted      the theory's value per cell (NaN where it says nothing); drawn as contours on a measured map
 * @param margin         αβ·max s_j per cell (NaN where it does not apply); its level-1 contour is the stability limit
 * @param colourLabel    what the colour bar shows
 * @param ratio          whether this is a measured/theory ratio map (cividis, centred on 1)
 * @param predictionName what {@code predicted} is, for the legend ("" when none)
 */
public record PhaseMap(String title, PhaseAxis x, PhaseAxis y, double[][] values, boolean[][] diverged,
                       boolean[][] refused, double[][] predicted, double[][] margin, String colourLabel, boolean ratio,
                       String predictionName) {

    /** A grid key on an axis: its label, its values as tick labels, and whether it was log-spaced. */
    public record PhaseAxis(String key, String label, List<String> ticks, boolean log) {

        public PhaseAxis {
            ticks = List.copyOf(ticks);
        }

        public int size() {
            return ticks.size();
        }
    }

    public int nx() {
        return x.size();
    }

    public int ny() {
        return y.size();
    }

    /** Whether the theory predicts this quantity somewhere on the grid. */
    public boolean hasPrediction() {
        return anyFinite(predicted);
    }

    /** Whether the stability margin crosses 1 on the grid (so the boundary is drawn). */
    public boolean crossesStabilityLimit() {
        boolean below = false;
        boolean above = false;
        for (double[] col : margin) {
            for (double m : col) {
                below |= m < 1;
                above |= m > 1;
            }
        }
        return below && above;
    }

    static boolean anyFinite(double[][] field) {
        for (double[] col : field) {
            for (double v : col) {
                if (Double.isFinite(v)) {
                    return true;
                }
            }
        }
        return false;
    }
}
