package org.anilexplorer.figure;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.block.LengthConstraintType;
import org.jfree.chart.block.RectangleConstraint;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Drawable;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.Size2D;
import org.jfree.data.Range;
import org.jfree.data.xy.XYDataset;

/**
 * Draws a {@link CompositeFigure}: the title and caption across the top, the panels side by side with their plot
 * frames aligned (same left and bottom axis space, so the panels read as one figure), and one shared legend at the
 * bottom listing each entry once.
 */
final class CompositeDrawable implements Drawable {

    private static final double GAP = 10;

    private final CompositeFigure figure;

    CompositeDrawable(CompositeFigure figure) {
        this.figure = figure;
    }

    @Override
    public void draw(Graphics2D g2, Rectangle2D area) {
        Graphics2D g = (Graphics2D) g2.create();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setPaint(ChartStyle.BACKGROUND);
            g.fill(area);
            drawContent(g, area);
        } finally {
            g.dispose();
        }
    }

    private void drawContent(Graphics2D g, Rectangle2D area) {
        double x = area.getX() + 6;
        double w = area.getWidth() - 12;
        double top = area.getY() + 6;
        double bottom = area.getMaxY() - 6;

        if (!figure.title().isEmpty()) {
            TextTitle title = new TextTitle(ChartStyle.keepSymbolsTogether(figure.title()), ChartStyle.FIGURE_TITLE);
            title.setPaint(ChartStyle.TEXT);
            title.setPadding(new RectangleInsets(2, 0, 6, 0));
            top += place(g, title, x, top, w, bottom - top, false);
        }
        if (!figure.caption().isEmpty()) {
            top += place(g, FigureCharts.caption(figure.caption()), x, top, w, bottom - top, false);
        }
        if (figure.legend()) {
            LegendTitle legend = FigureCharts.legend(sharedLegend());
            bottom -= place(g, legend, x, top, w, bottom - top, true);
        }

        int n = figure.panels().size();
        double panelWidth = (w - GAP * (n - 1)) / n;
        List<JFreeChart> charts = new ArrayList<>(n);
        for (FigureModel panel : figure.panels()) {
            charts.add(FigureCharts.bareChart(panel, panel.title(), ChartStyle.PANEL_TITLE));
        }
        align(g, charts, panelWidth, bottom - top);
        for (int i = 0; i < n; i++) {
            charts.get(i).draw(g, new Rectangle2D.Double(x + i * (panelWidth + GAP), top, panelWidth, bottom - top));
        }
    }

    /** Arranges a title centred in the strip at the top (or bottom) of the free area, draws it, returns its height. */
    private static double place(Graphics2D g, org.jfree.chart.title.Title title, double x, double y, double w,
                                double h, boolean atBottom) {
        RectangleConstraint c = new RectangleConstraint(w, new Range(0, w), LengthConstraintType.RANGE, h,
                new Range(0, h), LengthConstraintType.RANGE);
        Size2D size = title.arrange(g, c);
        double ty = atBottom ? y + h - size.height : y;
        title.draw(g, new Rectangle2D.Double(x + (w - size.width) / 2, ty, size.width, size.height));
        return size.height;
    }

    private LegendItemCollection sharedLegend() {
        LegendItemCollection items = new LegendItemCollection();
        Set<String> seen = new LinkedHashSet<>();
        for (FigureModel panel : figure.panels()) {
            LegendItemCollection own = FigureCharts.legendItems(panel.plottable());
            for (int i = 0; i < own.getItemCount(); i++) {
                LegendItem item = own.get(i);
                if (seen.add(item.getLabel())) {
                    items.add(item);
                }
            }
        }
        return items;
    }

    /**
     * Gives every panel the largest left (y tick labels + label) and bottom axis space any of them needs, measured by
     * a dry run (without data) into an off-screen image with the same transform, so the plot frames line up.
     */
    private static void align(Graphics2D g, List<JFreeChart> charts, double width, double height) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D dry = scratch.createGraphics();
        double left = 0;
        double bottom = 0;
        try {
            dry.setTransform(g.getTransform());
            dry.setRenderingHints(g.getRenderingHints());
            Rectangle2D area = new Rectangle2D.Double(0, 0, width, height);
            for (JFreeChart chart : charts) {
                // the layout depends only on titles and axes (their ranges are fixed): measure without the curves
                XYPlot plot = chart.getXYPlot();
                int datasets = plot.getDatasetCount();
                XYDataset[] saved = new XYDataset[datasets];
                for (int i = 0; i < datasets; i++) {
                    saved[i] = plot.getDataset(i);
                    plot.setDataset(i, null);
                }
                ChartRenderingInfo info = new ChartRenderingInfo();
                chart.draw(dry, area, info);
                for (int i = 0; i < datasets; i++) {
                    plot.setDataset(i, saved[i]);
                }
                PlotRenderingInfo plotInfo = info.getPlotInfo();
                Rectangle2D plotArea = plotInfo.getPlotArea();
                Rectangle2D dataArea = plotInfo.getDataArea();
                RectangleInsets insets = chart.getXYPlot().getInsets();
                left = Math.max(left, dataArea.getMinX() - plotArea.getMinX() - insets.getLeft());
                bottom = Math.max(bottom, plotArea.getMaxY() - insets.getBottom() - dataArea.getMaxY());
            }
        } finally {
            dry.dispose();
        }
        for (JFreeChart chart : charts) {
            XYPlot plot = chart.getXYPlot();
            AxisSpace range = new AxisSpace();
            range.setLeft(left + 1);
            AxisSpace domain = new AxisSpace();
            domain.setBottom(bottom + 1);
            plot.setFixedRangeAxisSpace(range);
            plot.setFixedDomainAxisSpace(domain);
        }
    }
}
