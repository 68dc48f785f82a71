package org.anilexplorer.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

/** Phase diagram drawing: contours where the field crosses a level, hatching exactly on diverged cells, colours. */
class PhaseFiguresTest {

    @Test
    void contourOfALinearFieldIsExact() {
        // f(i, j) = i + 2j crosses 2.5 where i = 2.5 − 2j
        double[][] f = new double[4][3];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 3; j++) {
                f[i][j] = i + 2 * j;
            }
        }
        List<ContourLines.Segment> segments = ContourLines.of(f, 2.5);
        assertTrue(!segments.isEmpty());
        for (ContourLines.Segment s : segments) {
            assertEquals(2.5, s.x1() + 2 * s.y1(), 1e-12);
            assertEquals(2.5, s.x2() + 2 * s.y2(), 1e-12);
        }
        ContourLines.Padded p = ContourLines.padded(f);
        assertEquals(-0.5 + 2 * 0, p.field()[0][1], 1e-12, "extrapolated half a cell to the left");
        boolean reachesEdge = ContourLines.of(p.field(), 2.5, p.xs(), p.ys()).stream()
                .anyMatch(s -> s.y1() == -0.5 || s.y2() == -0.5);
        assertTrue(reachesEdge, "the padded contour reaches the bottom edge of the heatmap");
    }

    private static PhaseMap map(boolean[][] diverged, double[][] margin) {
        PhaseMap.PhaseAxis x = new PhaseMap.PhaseAxis("alpha", "α (alpha), log scale", List.of("0.1", "0.2", "0.4"), true);
        PhaseMap.PhaseAxis y = new PhaseMap.PhaseAxis("m_in", "m_in", List.of("5", "20"), false);
        double[][] values = {{1, 2}, {3, 4}, {Double.NaN, Double.NaN}};
        double[][] predicted = {{1, 2}, {3, 4}, {5, 6}};
        return new PhaseMap("t", x, y, values, diverged, new boolean[3][2], predicted, margin, "v", false, "Λ⋆");
    }

    @Test
    void divergedCellsAreHatchedAndOnlyThose() {
        boolean[][] diverged = {{false, false}, {false, false}, {true, false}};
        double[][] margin = {{0.5, 0.5}, {0.9, 0.9}, {1.8, 1.8}};
        JFreeChart chart = PhaseCharts.chart(map(diverged, margin));
        XYPlot plot = chart.getXYPlot();
        int hatch = 0;
        int limit = 0;
        for (XYAnnotation a : plot.getAnnotations()) {
            if (a instanceof XYLineAnnotation l && l.getPaint().equals(new Color(0x1A1A1A))) {
                // inside cell (2, 0): x in [1.5, 2.5], y in [-0.5, 0.5], slope 1
                assertTrue(l.getX1() >= 1.5 - 1e-9 && l.getX2() <= 2.5 + 1e-9 && l.getY1() >= -0.5 - 1e-9
                        && l.getY2() <= 0.5 + 1e-9, "hatch line outside the diverged cell");
                assertEquals(l.getX2() - l.getX1(), l.getY2() - l.getY1(), 1e-12);
                hatch++;
            }
            if (a instanceof XYLineAnnotation l && l.getPaint().equals(ChartStyle.colour(Palette.VERMILLION))) {
                // log margin is linear in the index here between 0.9 and 1.8: crosses 1 at i = 1 + log(1/0.9)/log 2
                double expected = 1 + Math.log(1 / 0.9) / Math.log(2);
                assertEquals(expected, l.getX1(), 1e-9);
                limit++;
            }
        }
        assertEquals(7, hatch, "seven diagonal strokes over the one diverged cell");
        assertTrue(limit >= 1, "the stability limit is drawn where the margin crosses 1");
        assertEquals(3, chart.getXYPlot().getFixedLegendItems().getItemCount(), "theory, limit, hatch explained");
    }

    @Test
    void coloursRunFromDarkPurpleToYellowAndMissingIsGrey() {
        PhaseColours v = PhaseColours.viridis(1, 100, true);
        assertEquals(new Color(0x440154), v.getPaint(1));
        assertEquals(new Color(0xfde725), v.getPaint(100));
        assertEquals(0.5, v.position(10), 1e-12, "log placement");
        assertEquals(PhaseColours.MISSING, v.getPaint(Double.NaN));
    }

    @Test
    void levelsAreRoundAndInside() {
        assertEquals(List.of(0.01, 0.1, 1.0, 10.0), PhaseCharts.levels(0.005, 40));
        List<Double> linear = PhaseCharts.levels(0.31, 0.98);
        assertTrue(linear.size() >= 3 && linear.stream().allMatch(l -> l > 0.31 && l < 0.98), linear.toString());
    }
}
