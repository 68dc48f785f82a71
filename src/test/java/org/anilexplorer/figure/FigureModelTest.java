package org.anilexplorer.figure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FigureModelTest {

    private static final double NaN = Double.NaN;

    private static FigureModel panel(AxisScale x, AxisScale y) {
        Series s = new Series("m", Palette.BLUE, new double[] {0, 1, 10, 100}, new double[] {0.5, -1, NaN, 2},
                new double[] {0.1, 0.2, 0.3, NaN}, LineStyle.DATA, "m");
        return FigureModel.of("p", new AxisSpec("iteration t", x), new AxisSpec("value", y))
                .withSeries(List.of(s))
                .withReferenceLines(List.of(new ReferenceLine("zero", 0), new ReferenceLine("one", 1)))
                .withTheoryCurves(List.of(new TheoryCurve("c", new double[] {0, 1, 2}, new double[] {-1, 1, 0.5})));
    }

    @Test
    void logXDropsIterationZeroAndLogYDropsNonPositiveValues() {
        FigureModel p = panel(AxisScale.LOG, AxisScale.LOG).plottable();
        Series s = p.series().get(0);
        assertArrayEquals(new double[] {100}, s.x()); // 0: log-x; 1: value −1; 10: NaN
        assertArrayEquals(new double[] {2}, s.mean());
        assertTrue(Double.isNaN(s.std(0)));
        assertEquals(List.of(new ReferenceLine("one", 1)), p.referenceLines());
        assertArrayEquals(new double[] {1, 2}, p.theoryCurves().get(0).x());
        assertArrayEquals(new double[] {1, 0.5}, p.theoryCurves().get(0).y());
    }

    @Test
    void logXAloneKeepsNegativeValuesAndTheirStd() {
        Series s = panel(AxisScale.LOG, AxisScale.LINEAR).plottable().series().get(0);
        assertArrayEquals(new double[] {1, 100}, s.x());
        assertArrayEquals(new double[] {-1, 2}, s.mean());
        assertEquals(0.2, s.std(0));
    }

    @Test
    void linearAxesKeepEverythingButNaN() {
        FigureModel p = panel(AxisScale.LINEAR, AxisScale.LINEAR).plottable();
        assertArrayEquals(new double[] {0, 1, 100}, p.series().get(0).x());
        assertEquals(2, p.referenceLines().size());
        assertEquals(3, p.theoryCurves().get(0).size());
    }

    @Test
    void modelKeepsAllDataWhenScalesChange() {
        FigureModel log = panel(AxisScale.LINEAR, AxisScale.LINEAR).withXScale(AxisScale.LOG).withYScale(AxisScale.LOG);
        assertEquals(AxisScale.LOG, log.xAxis().scale());
        assertEquals(4, log.series().get(0).size());
        assertEquals(1, log.plottable().series().get(0).size());
        CompositeFigure c = CompositeFigure.of("t", "", List.of(log, log)).withXScale(AxisScale.LINEAR);
        assertTrue(c.panels().stream().allMatch(p -> p.xAxis().scale() == AxisScale.LINEAR));
    }

    @Test
    void plottableReturnsTheSameSeriesWhenNothingIsDropped() {
        Series s = Series.line("a", 0, new double[] {1, 2}, new double[] {3, 4});
        assertSame(s, s.plottable(AxisScale.LOG, AxisScale.LOG));
        assertNotSame(s, s.plottable(AxisScale.LOG, AxisScale.LOG).withLegend(null));
    }

    @Test
    void metadataKeepsInsertionOrderAndLaterEntriesReplaceEarlierOnes() {
        Map<String, String> first = new LinkedHashMap<>();
        first.put("b", "1");
        first.put("a", "2");
        FigureModel p = panel(AxisScale.LINEAR, AxisScale.LINEAR).withMetadata(first).withMetadata(Map.of("b", "3"));
        assertEquals(List.of("b", "a"), List.copyOf(p.metadata().keySet()));
        assertEquals("3", p.metadata().get("b"));
        assertThrows(UnsupportedOperationException.class, () -> p.metadata().put("c", "4"));
    }

    @Test
    void arraysAreCopiedInAndOut() {
        double[] x = {1, 2};
        double[] y = {3, 4};
        Series s = Series.line("a", 0, x, y);
        x[0] = 99;
        y[0] = 99;
        assertEquals(1, s.x(0));
        s.mean()[1] = 99;
        assertEquals(4, s.mean(1));
    }

    @Test
    void badSeriesAreRejectedWithTheFieldNamed() {
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> Series.line("FO-ANIL", 0, new double[] {1, 2}, new double[] {1}));
        assertTrue(length.getMessage().contains("FO-ANIL") && length.getMessage().contains("same length"),
                length.getMessage());
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class,
                () -> Series.line("FO-ANIL", 0, new double[] {2, 1}, new double[] {1, 1}));
        assertTrue(order.getMessage().contains("non-decreasing"), order.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ReferenceLine("Λ⋆", Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new LineStyle(LineStyle.Dash.SOLID, 0));
        assertThrows(IllegalArgumentException.class, () -> CompositeFigure.of("t", "", List.of()));
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class, () -> new ImageSize(800, 500, 100));
        assertTrue(size.getMessage().contains("scale"), size.getMessage());
    }

    @Test
    void theoryCurveSamplingIsGeometricForPositiveRanges() {
        TheoryCurve c = TheoryCurve.sample("1/t", t -> 1 / t, 1, 1e4, 5);
        assertArrayEquals(new double[] {1, 10, 100, 1000, 1e4}, c.x(), 1e-9);
        assertArrayEquals(new double[] {1, 0.1, 0.01, 0.001, 1e-4}, c.y(), 1e-12);
        TheoryCurve lin = TheoryCurve.sample("t", t -> t, 0, 4, 5);
        assertArrayEquals(new double[] {0, 1, 2, 3, 4}, lin.x(), 1e-12);
    }

    @Test
    void paletteIsOkabeItoWithoutBlackForMethodsAndWraps() {
        assertEquals(0x0072B2, Palette.method(0));
        assertEquals(0xD55E00, Palette.method(1));
        for (int i = 0; i < Palette.size(); i++) {
            assertTrue(Palette.method(i) != 0x000000);
            for (int j = 0; j < i; j++) {
                assertTrue(Palette.method(i) != Palette.method(j));
            }
        }
        assertEquals(Palette.method(0), Palette.method(Palette.size()));
    }
}
