package org.anilexplorer.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DecadeLogAxisTest {

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private record Ticks(List<String> labels, List<Double> labelled, List<Double> all, int minor) {
    }

    private static Ticks ticks(double lo, double hi, double length, RectangleEdge edge) {
        DecadeLogAxis axis = new DecadeLogAxis("y");
        axis.setTickLabelFont(ChartStyle.TICK_LABEL);
        axis.setRange(lo, hi);
        BufferedImage image = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        Rectangle2D area = RectangleEdge.isLeftOrRight(edge) ? new Rectangle2D.Double(50, 0, 300, length)
                : new Rectangle2D.Double(0, 0, length, 300);
        List<?> raw = axis.refreshTicks(g, new AxisState(), area, edge);
        g.dispose();
        List<String> labels = new ArrayList<>();
        List<Double> labelled = new ArrayList<>();
        List<Double> all = new ArrayList<>();
        int minor = 0;
        for (Object o : raw) {
            ValueTick t = (ValueTick) o;
            all.add(t.getValue());
            if (t.getTickType() == TickType.MINOR) {
                minor++;
            }
            if (!t.getText().isEmpty()) {
                labels.add(t.getText());
                labelled.add(t.getValue());
            }
        }
        return new Ticks(labels, labelled, all, minor);
    }

    @Test
    void oneLabelPerDecadeWrittenAsPowersOfTen() {
        Ticks t = ticks(1.2e-3, 300, 400, RectangleEdge.LEFT);
        assertEquals(List.of("10⁻²", "10⁻¹", "10⁰", "10¹", "10²"), t.labels());
        assertEquals(List.of(1e-2, 1e-1, 1.0, 10.0, 100.0), t.labelled());
        // 2…9 × 10ⁿ as unlabelled minor marks inside the range: 1.2e-3…9e-3 gives 2..9 (8), then 8 per decade, 2 and 3 × 10²
        assertEquals(8 + 4 * 8 + 2, t.minor());
    }

    @Test
    void iterationAxisHasNoFractionalPowers() {
        Ticks t = ticks(1, 1e5, 600, RectangleEdge.BOTTOM);
        assertEquals(List.of("10⁰", "10¹", "10²", "10³", "10⁴", "10⁵"), t.labels());
    }

    @Test
    void crowdedDecadesAreLabelledEveryFewDecadesEvenly() {
        Ticks t = ticks(1e-30, 1e30, 150, RectangleEdge.LEFT);
        assertTrue(t.labels().size() >= 3 && t.labels().size() < 15, t.labels().toString());
        double step = Math.log10(t.labelled().get(1) / t.labelled().get(0));
        assertTrue(step >= 2, "labels skip decades: " + t.labels());
        for (int i = 1; i < t.labelled().size(); i++) {
            assertEquals(step, Math.log10(t.labelled().get(i) / t.labelled().get(i - 1)), 1e-9);
        }
        assertTrue(t.all().contains(1e-10) || t.all().contains(1.0000000000000001e-10), "every decade keeps a mark");
    }

    @Test
    void lessThanTwoDecadesGetOneTwoFiveLabelsInPlainDecimals() {
        assertEquals(List.of("0.005", "0.01", "0.02", "0.05"), ticks(0.0045, 0.09, 400, RectangleEdge.LEFT).labels());
        assertEquals(List.of("2", "3", "5", "7"), ticks(1.9, 7.5, 400, RectangleEdge.LEFT).labels());
        assertEquals(List.of("5", "6", "7"), ticks(4.1, 7.6, 400, RectangleEdge.LEFT).labels());
    }

    @Test
    void extremeExponentsBetweenDecadesUseScientificLabels() {
        assertEquals(List.of("2×10⁻⁸", "5×10⁻⁸", "10⁻⁷"), ticks(1.5e-8, 1.5e-7, 400, RectangleEdge.LEFT).labels());
    }

    @Test
    void superscriptsCoverSignsAndDigits() {
        assertEquals("⁻¹²³⁴⁵⁶⁷⁸⁹⁰", DecadeLogAxis.superscript(-1234567890));
    }
}
