package org.anilexplorer.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.block.ColumnArrangement;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Drawable;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.VerticalAlignment;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Turns figure models into JFreeChart charts in the publication style: white background, light grid, thick lines,
 * translucent mean ± std bands, dashed theory, legend below the plot. The desktop app shows {@link #chart} in a
 * JFreeChart-FX {@code ChartViewer}; the writers draw {@link #drawable} into PNG and SVG. No JavaFX here.
 */
public final class FigureCharts {

    private static final int BANDS = 0;
    private static final int DATA = 1;
    private static final int THEORY = 2;
    /** The edges of a min–max envelope: thin, so the median line stays the curve that is read. */
    static final LineStyle ENVELOPE_EDGE = new LineStyle(LineStyle.Dash.SOLID, 0.8);

    private FigureCharts() {
    }

    /**
     * A stand-alone chart of one panel: the panel's title on top, its caption under it, its legend (when enabled)
     * below the plot. Build a new chart when the model changes ({@code ChartViewer.setChart}); charts are cheap.
     */
    public static JFreeChart chart(FigureModel panel) {
        JFreeChart chart = bareChart(panel, panel.title(), ChartStyle.FIGURE_TITLE);
        if (!panel.caption().isEmpty()) {
            chart.addSubtitle(caption(panel.caption()));
        }
        if (panel.legend()) {
            chart.addSubtitle(legend(chart.getXYPlot().getFixedLegendItems()));
        }
        return chart;
    }

    /**
     * One stand-alone chart per panel, left to right (for a composite: each with its panel title and, when the panel's
     * legend flag is set, its own legend), for an app that lays panels out itself, e.g. two ChartViewers side by side.
     */
    public static List<JFreeChart> panelCharts(Figure figure) {
        List<JFreeChart> charts = new ArrayList<>();
        for (FigureModel panel : figure.panels()) {
            charts.add(chart(panel));
        }
        return charts;
    }

    /**
     * Something that draws the whole figure into any rectangle of any Graphics2D: the chart of a single panel, or
     * the panels of a composite side by side with one title, caption and legend.
     */
    public static Drawable drawable(Figure figure) {
        if (figure instanceof FigureModel panel) {
            return chart(panel);
        }
        return new CompositeDrawable((CompositeFigure) figure);
    }

    /** A chart of one panel with a (possibly empty) title and no caption or legend, for composites. */
    static JFreeChart bareChart(FigureModel panel, String title, java.awt.Font titleFont) {
        FigureModel model = panel.plottable();
        double[] xr = DataBounds.drawable(DataBounds.x(model), model.xAxis().scale() == AxisScale.LOG);
        double[] yr = DataBounds.drawable(DataBounds.y(model, xr[0], xr[1]), model.yAxis().scale() == AxisScale.LOG);
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(axis(model.xAxis(), xr));
        plot.setRangeAxis(axis(model.yAxis(), yr));
        style(plot);

        boolean logY = model.yAxis().scale() == AxisScale.LOG;
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        DeviationRenderer bandRenderer = new DeviationRenderer(false, false);
        bandRenderer.setAlpha(ChartStyle.BAND_ALPHA);
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer dataRenderer = lineRenderer();
        int band = 0;
        for (int s = 0; s < model.series().size(); s++) {
            Series series = model.series().get(s);
            data.addSeries(xySeries("s" + s, series.x(), series.mean()));
            dataRenderer.setSeriesPaint(s, ChartStyle.colour(series.rgb()));
            dataRenderer.setSeriesStroke(s, ChartStyle.stroke(series.style()));
            // one band per stretch of consecutive points with a band, so a gap never bridges a ragged end
            YIntervalSeries segment = null;
            for (int i = 0; i < series.size(); i++) {
                double low = series.bandLow(i);
                double high = series.bandHigh(i);
                if (!Double.isFinite(low) || !Double.isFinite(high)) {
                    segment = null;
                    continue;
                }
                if (segment == null) {
                    segment = new YIntervalSeries("b" + band, false, true);
                    bands.addSeries(segment);
                    bandRenderer.setSeriesFillPaint(band, ChartStyle.colour(series.rgb()));
                    bandRenderer.setSeriesPaint(band, ChartStyle.colour(series.rgb()));
                    band++;
                }
                double m = series.mean(i);
                double lower = low;
                if (logY && lower < yr[0]) {
                    lower = yr[0]; // on a log axis mean − std ≤ 0 means "down to the bottom of the frame"
                }
                segment.add(series.x(i), m, lower, high);
            }
        }
        // an envelope's edges as thin lines, so that overlapping envelopes of several methods stay apart
        int edge = model.series().size();
        for (Series series : model.series()) {
            if (!series.isEnvelope()) {
                continue;
            }
            for (double[] values : new double[][] {series.min(), series.max()}) {
                double[] y = values.clone();
                for (int i = 0; i < y.length; i++) {
                    y[i] = logY && y[i] < yr[0] ? yr[0] : y[i];
                }
                data.addSeries(xySeries("e" + edge, series.x(), y));
                dataRenderer.setSeriesPaint(edge, ChartStyle.colour(series.rgb()));
                dataRenderer.setSeriesStroke(edge, ChartStyle.stroke(ENVELOPE_EDGE));
                edge++;
            }
        }
        bandRenderer.setDefaultSeriesVisibleInLegend(false);
        plot.setDataset(BANDS, bands);
        plot.setRenderer(BANDS, bandRenderer);
        plot.setDataset(DATA, data);
        plot.setRenderer(DATA, dataRenderer);

        XYSeriesCollection theory = new XYSeriesCollection();
        XYLineAndShapeRenderer theoryRenderer = lineRenderer();
        for (int c = 0; c < model.theoryCurves().size(); c++) {
            TheoryCurve curve = model.theoryCurves().get(c);
            theory.addSeries(xySeries("t" + c, curve.x(), curve.y()));
            theoryRenderer.setSeriesPaint(c, ChartStyle.colour(Palette.THEORY));
            theoryRenderer.setSeriesStroke(c, ChartStyle.stroke(LineStyle.THEORY));
        }
        plot.setDataset(THEORY, theory);
        plot.setRenderer(THEORY, theoryRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        // later series on top (JFreeChart's default is the reverse), so a dotted curve that lies on an earlier
        // method's curve stays visible (FO-MAML on FO-ANIL)
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);

        for (ReferenceLine line : model.referenceLines()) {
            ValueMarker marker = new ValueMarker(line.y(), ChartStyle.colour(Palette.THEORY),
                    ChartStyle.stroke(LineStyle.THEORY));
            plot.addRangeMarker(marker, Layer.BACKGROUND);
        }
        plot.setFixedLegendItems(legendItems(model));

        JFreeChart chart = new JFreeChart(title == null || title.isEmpty() ? null : ChartStyle.keepSymbolsTogether(title),
                titleFont, plot, false);
        chart.setBackgroundPaint(ChartStyle.BACKGROUND);
        chart.setPadding(new RectangleInsets(6, 6, 6, 24)); // room for the last x tick label, centred on the frame
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.getRenderingHints().put(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        chart.getRenderingHints().put(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        if (chart.getTitle() != null) {
            chart.getTitle().setPaint(ChartStyle.TEXT);
            chart.getTitle().setPadding(new RectangleInsets(2, 0, 6, 0));
        }
        return chart;
    }

    /** The legend entries of a panel: one per distinct legend text, data first, then theory curves and levels. */
    static LegendItemCollection legendItems(FigureModel model) {
        LegendItemCollection items = new LegendItemCollection();
        Set<String> seen = new LinkedHashSet<>();
        for (Series s : model.series()) {
            if (s.legend() != null && seen.add(s.legend())) {
                items.add(item(s.legend(), s.rgb(), s.style(), s.hasBand()));
            }
        }
        for (TheoryCurve c : model.theoryCurves()) {
            if (seen.add(c.name())) {
                items.add(item(c.name(), Palette.THEORY, LineStyle.THEORY, false));
            }
        }
        for (ReferenceLine r : model.referenceLines()) {
            if (seen.add(r.name())) {
                items.add(item(r.name(), Palette.THEORY, LineStyle.THEORY, false));
            }
        }
        return items;
    }

    static LegendTitle legend(LegendItemCollection items) {
        LegendTitle legend = new LegendTitle(() -> items, new CentredFlowArrangement(0, 2), new ColumnArrangement());
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setFrame(BlockBorder.NONE);
        legend.setBackgroundPaint(ChartStyle.BACKGROUND);
        legend.setItemFont(ChartStyle.LEGEND);
        legend.setItemPaint(ChartStyle.TEXT);
        legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 14));
        legend.setPadding(new RectangleInsets(8, 4, 2, 4));
        return legend;
    }

    static TextTitle caption(String text) {
        TextTitle caption = new TextTitle(ChartStyle.keepSymbolsTogether(text), ChartStyle.CAPTION, ChartStyle.CAPTION_TEXT, RectangleEdge.TOP,
                HorizontalAlignment.CENTER, VerticalAlignment.TOP, new RectangleInsets(0, 24, 8, 24));
        caption.setMaximumLinesToDisplay(4);
        return caption;
    }

    private static LegendItem item(String label, int rgb, LineStyle style, boolean band) {
        Color colour = ChartStyle.colour(rgb);
        Line2D line = new Line2D.Double(-15, 0, 15, 0);
        Rectangle2D box = new Rectangle2D.Double(-15, -6, 30, 12);
        Color fill = new Color(colour.getRed(), colour.getGreen(), colour.getBlue(),
                Math.round(255 * ChartStyle.BAND_ALPHA));
        LegendItem item = new LegendItem(label, null, null, null, band, box, band, fill, false, colour,
                new BasicStroke(0f), true, line, ChartStyle.stroke(style), colour);
        item.setLabelFont(ChartStyle.LEGEND);
        return item;
    }

    private static XYSeries xySeries(String key, double[] x, double[] y) {
        XYSeries s = new XYSeries(key, false, true);
        for (int i = 0; i < x.length; i++) {
            s.add(x[i], y[i], false);
        }
        return s;
    }

    private static XYLineAndShapeRenderer lineRenderer() {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setDrawSeriesLineAsPath(true); // one path per curve: dashes run on across points and joins are clean
        r.setDefaultSeriesVisibleInLegend(false);
        return r;
    }

    private static ValueAxis axis(AxisSpec spec, double[] range) {
        ValueAxis axis;
        if (spec.scale() == AxisScale.LOG) {
            axis = new DecadeLogAxis(spec.label());
        } else {
            NumberAxis number = new NumberAxis(spec.label());
            number.setAutoRangeIncludesZero(false);
            number.setMinorTickCount(0);
            axis = number;
        }
        axis.setRange(range[0], range[1]);
        axis.setLabelFont(ChartStyle.AXIS_LABEL);
        axis.setLabelPaint(ChartStyle.TEXT);
        axis.setTickLabelFont(ChartStyle.TICK_LABEL);
        axis.setTickLabelPaint(ChartStyle.TEXT);
        axis.setAxisLinePaint(ChartStyle.AXIS);
        axis.setAxisLineStroke(ChartStyle.AXIS_STROKE);
        axis.setTickMarkPaint(ChartStyle.AXIS);
        axis.setTickMarkStroke(ChartStyle.AXIS_STROKE);
        axis.setTickMarkOutsideLength(5f);
        axis.setTickMarkInsideLength(0f);
        axis.setMinorTickMarkOutsideLength(2.5f);
        axis.setMinorTickMarkInsideLength(0f);
        axis.setLabelInsets(new RectangleInsets(4, 4, 4, 4));
        // JFreeChart places tick labels 2 pt + the inset from the axis line, ignoring the outside tick mark length
        axis.setTickLabelInsets(new RectangleInsets(5, 8, 2, 2));
        return axis;
    }

    private static void style(XYPlot plot) {
        plot.setBackgroundPaint(ChartStyle.BACKGROUND);
        plot.setOutlineVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setDomainGridlinePaint(ChartStyle.GRID);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        plot.setDomainGridlineStroke(ChartStyle.GRID_STROKE);
        plot.setRangeGridlineStroke(ChartStyle.GRID_STROKE);
        plot.setDomainMinorGridlinesVisible(false);
        plot.setRangeMinorGridlinesVisible(false);
        plot.setInsets(new RectangleInsets(4, 2, 2, 2));
    }
}
