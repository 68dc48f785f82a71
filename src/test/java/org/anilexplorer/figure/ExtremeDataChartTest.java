package org.anilexplorer.figure;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No data can make drawing a chart hang (a diverging run once kept the UI thread in JFreeChart's tick code for two
 * minutes): overflowing, huge, tiny and non-finite values on linear and log axes all draw, with finite axis ranges.
 * The timeout only detects a hang (the drawing normally takes milliseconds); it measures no speed.
 */
class ExtremeDataChartTest {

    static List<double[]> values() {
        double max = Double.MAX_VALUE;
        return List.of(new double[] {1, 1e308, 1.7e308}, new double[] {-max, max, 0},
                new double[] {1, Double.POSITIVE_INFINITY, Double.NaN, 2}, new double[] {1e308, 1e308, 1e308},
                new double[] {Double.MIN_VALUE, 1e-320, 1}, new double[] {1, 1 + Math.ulp(1.0), 1},
                new double[] {1e300, -1e300, 5e307}, new double[] {Double.NaN, Double.NaN, Double.NaN});
    }

    @ParameterizedTest
    @MethodSource("values")
    void extremeValuesDrawPromptlyOnEveryScale(double[] y) {
        double[] x = new double[y.length];
        double[] std = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            x[i] = i + 1;
            std[i] = Math.abs(y[i]);
        }
        for (AxisScale xs : AxisScale.values()) {
            for (AxisScale ys : AxisScale.values()) {
                FigureModel model = FigureModel.of("extreme", new AxisSpec("t", xs), new AxisSpec("y", ys))
                        .withSeries(List.of(Series.band("s", 0x1f77b4, x, y, std)))
                        .withReferenceLines(Double.isFinite(y[0]) ? List.of(new ReferenceLine("level", y[0]))
                                : List.of()); // a reference level must be finite (its constructor says so)
                assertTimeoutPreemptively(Duration.ofSeconds(30), () -> draw(model), xs + "/" + ys);
            }
        }
    }

    private static void draw(FigureModel model) {
        JFreeChart chart = FigureCharts.chart(model);
        BufferedImage image = new BufferedImage(400, 300, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        chart.draw(g, new Rectangle2D.Double(0, 0, 400, 300));
        g.dispose();
        for (ValueAxis axis : new ValueAxis[] {chart.getXYPlot().getDomainAxis(), chart.getXYPlot().getRangeAxis()}) {
            double lo = axis.getLowerBound();
            double hi = axis.getUpperBound();
            assertTrue(Double.isFinite(lo) && Double.isFinite(hi) && hi > lo && Double.isFinite(hi - lo),
                    "axis range [" + lo + ", " + hi + "]");
        }
    }
}
