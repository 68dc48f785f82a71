package org.anilexplorer.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FigureChartsTest {

    private static final double NaN = Double.NaN;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private static FigureModel logPanel() {
        // mean − std ≤ 0 at x = 2 (log-y cannot show it); a gap in the std splits the band in two
        Series a = new Series("A", Palette.BLUE, new double[] {0, 1, 2, 3, 4, 5}, new double[] {1, 0.5, 0.1, 0.05, 0.02, 0.01},
                new double[] {0.1, 0.1, 0.2, NaN, 0.01, 0.005}, LineStyle.DATA, "A");
        Series b = Series.line("B", Palette.VERMILLION, new double[] {1, 5}, new double[] {2, 0.02});
        Series bundle = new Series("A σ₂", Palette.BLUE, new double[] {1, 5}, new double[] {0.3, 0.03}, null,
                LineStyle.THIN, null);
        return FigureModel.of("panel", AxisSpec.log("iteration t"), AxisSpec.log("value"))
                .withCaption("what it shows")
                .withSeries(List.of(a, b, bundle))
                .withReferenceLines(List.of(new ReferenceLine("Λ⋆", 0.7), new ReferenceLine("Λ⋆", 0.3)))
                .withTheoryCurves(List.of(new TheoryCurve("1/t", new double[] {1, 5}, new double[] {1, 0.2})));
    }

    @Test
    void logPanelBecomesALogLogChartWithBandsLinesTheoryAndLevels() {
        JFreeChart chart = FigureCharts.chart(logPanel());
        XYPlot plot = chart.getXYPlot();
        assertInstanceOf(DecadeLogAxis.class, plot.getDomainAxis());
        assertInstanceOf(DecadeLogAxis.class, plot.getRangeAxis());
        // iteration 0 is off the log-x axis: the x range is exactly [1, 5]
        assertEquals(1, plot.getDomainAxis().getLowerBound(), 1e-12);
        assertEquals(5, plot.getDomainAxis().getUpperBound(), 1e-12);
        double yLo = plot.getRangeAxis().getLowerBound();
        assertTrue(yLo > 0 && yLo < 0.01 && yLo > 0.01 / 10, "y from just below the smallest mean: " + yLo);
        assertTrue(plot.getRangeAxis().getUpperBound() >= 2, "the top of B");

        YIntervalSeriesCollection bands = (YIntervalSeriesCollection) plot.getDataset(0);
        assertEquals(2, bands.getSeriesCount(), "band split at the missing std");
        assertEquals(2, bands.getItemCount(0)); // x = 1, 2
        assertEquals(yLo, bands.getStartYValue(0, 1), 0, "mean − std ≤ 0 is drawn down to the frame");
        assertEquals(0.4, bands.getStartYValue(0, 0), 1e-15);
        assertEquals(3, plot.getDataset(1).getSeriesCount());
        assertEquals(5, plot.getDataset(1).getItemCount(0), "points x = 1..5 of A");
        assertEquals(1, plot.getDataset(2).getSeriesCount());
        assertEquals(2, plot.getRangeMarkers(Layer.BACKGROUND).size());

        LegendItemCollection legend = plot.getFixedLegendItems();
        assertEquals(List.of("A", "B", "1/t", "Λ⋆"), labels(legend));
        assertTrue(legend.get(0).isShapeVisible() && !legend.get(1).isShapeVisible(), "a band shows in the legend");
        assertEquals("panel", chart.getTitle().getText());
        assertTrue(chart.getSubtitles().stream().anyMatch(t -> t instanceof LegendTitle));
    }

    @Test
    void anEnvelopeIsShadedFromItsMinimumToItsMaximumAroundItsMedian() {
        Series band = Series.envelope("A ⊥", Palette.BLUE, new double[] {1, 2, 3}, new double[] {1, 0.5, 0.2},
                new double[] {0.1, 0.05, NaN}, new double[] {4, 2, NaN}, LineStyle.DATA_SECONDARY, "A");
        FigureModel p = FigureModel.of("p", AxisSpec.log("t"), AxisSpec.log("v")).withSeries(List.of(band));
        XYPlot plot = FigureCharts.chart(p).getXYPlot();
        YIntervalSeriesCollection bands = (YIntervalSeriesCollection) plot.getDataset(0);
        assertEquals(1, bands.getSeriesCount());
        assertEquals(2, bands.getItemCount(0), "no band where an edge is missing");
        assertEquals(0.1, bands.getStartYValue(0, 0), 0);
        assertEquals(4, bands.getEndYValue(0, 0), 0);
        assertEquals(1, bands.getYValue(0, 0), 0, "the line is the median");
        assertEquals(3, plot.getDataset(1).getSeriesCount(), "the median and the two edges as thin lines");
        assertEquals(4, plot.getDataset(1).getYValue(2, 0), 0);
        assertEquals(1, plot.getFixedLegendItems().getItemCount(), "one legend entry for the method");
        assertTrue(plot.getRangeAxis().getUpperBound() >= 4, "the frame holds the top edge");
        assertTrue(plot.getRangeAxis().getLowerBound() <= 0.1, "and the bottom edge (within half a decade)");
        assertTrue(band.hasBand() && band.withoutBand().min() == null);
        assertEquals(band, band.plottable(AxisScale.LOG, AxisScale.LOG));
    }

    @Test
    void legendCanBeSwitchedOffAndLinearAxesAreNumberAxes() {
        FigureModel p = logPanel().withLegend(false).withXScale(AxisScale.LINEAR).withYScale(AxisScale.LINEAR);
        JFreeChart chart = FigureCharts.chart(p);
        assertTrue(chart.getSubtitles().stream().noneMatch(t -> t instanceof LegendTitle));
        assertInstanceOf(NumberAxis.class, chart.getXYPlot().getDomainAxis());
        assertEquals(0, chart.getXYPlot().getDomainAxis().getLowerBound(), 0, "iteration 0 is back on a linear axis");
        // non-negative data: the linear frame starts at 0 and reaches the top band edge 1.1
        assertEquals(0, chart.getXYPlot().getRangeAxis().getLowerBound(), 0);
        assertTrue(chart.getXYPlot().getRangeAxis().getUpperBound() >= 2);
    }

    @Test
    void boundsIncludeTheoryLevelsAboveTheData() {
        FigureModel p = FigureModel.of("p", AxisSpec.log("t"), AxisSpec.linear("v"))
                .withSeries(List.of(Series.line("A", 0, new double[] {1, 10}, new double[] {1, 2})))
                .withReferenceLines(List.of(new ReferenceLine("Λ⋆", 4)));
        double[] y = DataBounds.y(p.plottable(), 1, 10);
        assertEquals(0, y[0], 0);
        assertTrue(y[1] > 4 && y[1] < 4.5, "level 4 plus a small margin: " + y[1]);
        double[] x = DataBounds.x(p.plottable());
        assertEquals(1, x[0], 0);
        assertEquals(10, x[1], 0);
        FigureModel negative = p.withSeries(List.of(Series.line("A", 0, new double[] {1, 10}, new double[] {-1, 2})));
        assertTrue(DataBounds.y(negative.plottable(), 1, 10)[0] < -1, "negative data gets a margin below");
    }

    @Test
    void aCompositeGivesOneChartPerPanel() {
        List<JFreeChart> charts = FigureCharts.panelCharts(TestFigures.figure2());
        assertEquals(2, charts.size());
        assertEquals("smallest", charts.get(0).getTitle().getText());
        assertEquals("largest", charts.get(1).getTitle().getText());
        assertEquals(1, FigureCharts.panelCharts(logPanel()).size());
    }

    @Test
    void emptyPanelStillDraws() {
        FigureModel empty = FigureModel.of("nothing yet", AxisSpec.log("t"), AxisSpec.log("v"));
        JFreeChart chart = FigureCharts.chart(empty);
        assertTrue(chart.getXYPlot().getRangeAxis().getLowerBound() > 0);
        assertEquals(800, PngWriter.render(empty, new ImageSize(400, 300, 2)).getWidth());
    }

    private static List<String> labels(LegendItemCollection items) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < items.getItemCount(); i++) {
            out.add(items.get(i).getLabel());
        }
        return out;
    }
}
