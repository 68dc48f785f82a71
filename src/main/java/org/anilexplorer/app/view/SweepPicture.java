package org.anilexplorer.app.view;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.anilexplorer.app.viewmodel.SweepSnapshot;
import org.anilexplorer.core.sweep.GridAxis;
import org.anilexplorer.core.sweep.SweepGrid;
import org.anilexplorer.figure.FigureCharts;
import org.anilexplorer.figure.FigureModel;
import org.anilexplorer.figure.PhaseCharts;
import org.anilexplorer.figure.PhaseData;
import org.anilexplorer.figure.PhaseFigures;
import org.anilexplorer.figure.PhaseMap;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.ui.RectangleEdge;

/**
 * The Sweep view's picture of one snapshot, drawn by the figure package exactly as the command line's phase
 * diagram draws its panels (heatmaps with hatching, Λ⋆ and 1/t contours, the stability limit, the ratio map; or
 * curves for one key), and where each cell landed, so that the view can tell which cell the mouse is over.
 *
 * @param image   the pixels (at {@code scale} pixels per layout unit)
 * @param width   width in layout units
 * @param height  height in layout units
 * @param panels  where each panel's cells are, in layout units
 * @param caption what the colours and lines mean (the command line figure's caption)
 */
record SweepPicture(BufferedImage image, double width, double height, List<Panel> panels, String caption) {

    /**
     * One panel's plot area: for a map, nx × ny cells filling {@code area}; for curves, the x position of each
     * grid value ({@code xs}).
     */
    record Panel(Rectangle2D area, int nx, int ny, double[] xs) {

        /** Grid indices {i, j} under (x, y), or null. */
        int[] indicesAt(double x, double y) {
            if (!area.contains(x, y)) {
                return null;
            }
            if (xs != null) {
                int best = 0;
                for (int i = 1; i < xs.length; i++) {
                    if (Math.abs(xs[i] - x) < Math.abs(xs[best] - x)) {
                        best = i;
                    }
                }
                return new int[] {best, 0};
            }
            int i = (int) Math.floor((x - area.getMinX()) / area.getWidth() * nx);
            int j = (int) Math.floor((area.getMaxY() - y) / area.getHeight() * ny);
            return new int[] {Math.min(nx - 1, Math.max(0, i)), Math.min(ny - 1, Math.max(0, j))};
        }

        /** The centre of cell (i, j) in layout units. */
        Point2D centre(int i, int j) {
            if (xs != null) {
                return new Point2D.Double(xs[i], area.getCenterY());
            }
            return new Point2D.Double(area.getMinX() + (i + 0.5) * area.getWidth() / nx,
                    area.getMaxY() - (j + 0.5) * area.getHeight() / ny);
        }
    }

    /** The cell under (x, y) in layout units, or -1. */
    int cellAt(SweepGrid grid, double x, double y) {
        for (Panel p : panels) {
            int[] ij = p.indicesAt(x, y);
            if (ij != null) {
                return grid.axes().size() == 1 ? ij[0] : grid.cell(ij[0], ij[1]);
            }
        }
        return -1;
    }

    /** The centre of a cell in the first panel, in layout units. */
    Point2D centreOf(SweepGrid grid, int cell) {
        int[] c = grid.coordinates(cell);
        return panels.get(0).centre(c[0], c.length > 1 ? c[1] : 0);
    }

    /**
     * Fixes the x axis to the grid's values (with a small margin), so that it does not jump while the points arrive
     * and a point's place is known before it has a value.
     */
    private static void spanTheGrid(JFreeChart chart, GridAxis a, boolean log) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < a.size(); i++) {
            double x = a.isNumeric() ? a.numeric(i) : i;
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        if (log && lo > 0) {
            double pad = hi > lo ? Math.pow(hi / lo, 0.04) : 1.5;
            chart.getXYPlot().getDomainAxis().setRange(lo / pad, hi * pad);
        } else {
            double pad = hi > lo ? (hi - lo) * 0.04 : Math.max(0.5, Math.abs(lo) * 0.1);
            chart.getXYPlot().getDomainAxis().setRange(lo - pad, hi + pad);
        }
    }

    /** Draws the snapshot's figure of {@code metric} for one method into a {@code width} × {@code height} picture. */
    static SweepPicture render(SweepSnapshot s, String metric, int method, double width, double height, double scale) {
        BufferedImage image = new BufferedImage((int) Math.ceil(width * scale), (int) Math.ceil(height * scale),
                BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = image.createGraphics();
        List<Panel> panels = new ArrayList<>();
        String caption;
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(scale, scale);
            g.setPaint(java.awt.Color.WHITE); // the charts paint their own background over it
            g.fill(new Rectangle2D.Double(0, 0, width, height));
            SweepGrid grid = s.plan().grid();
            if (grid.axes().size() == 2) {
                List<PhaseMap> maps = PhaseData.maps(s.plan(), s.columns(), s.results(), metric, s::cellParams, method);
                double w = width / maps.size();
                for (int k = 0; k < maps.size(); k++) {
                    JFreeChart chart = PhaseCharts.chart(maps.get(k));
                    ChartRenderingInfo info = new ChartRenderingInfo();
                    chart.draw(g, new Rectangle2D.Double(k * w, 0, w, height), info);
                    panels.add(new Panel(info.getPlotInfo().getDataArea(), maps.get(k).nx(), maps.get(k).ny(), null));
                }
                caption = PhaseFigures.caption(maps, metric);
            } else {
                FigureModel model = PhaseFigures.curves(s.plan(), s.columns(), s.results(), metric, s::cellParams);
                JFreeChart chart = FigureCharts.chart(model.withTitle("").withCaption(""));
                spanTheGrid(chart, grid.axes().get(0), model.xAxis().scale() == org.anilexplorer.figure.AxisScale.LOG);
                ChartRenderingInfo info = new ChartRenderingInfo();
                chart.draw(g, new Rectangle2D.Double(0, 0, width, height), info);
                Rectangle2D area = info.getPlotInfo().getDataArea();
                GridAxis a = grid.axes().get(0);
                double[] xs = new double[a.size()];
                for (int i = 0; i < a.size(); i++) {
                    double x = a.isNumeric() ? a.numeric(i) : i;
                    xs[i] = chart.getXYPlot().getDomainAxis().valueToJava2D(x, area, RectangleEdge.BOTTOM);
                }
                panels.add(new Panel(area, a.size(), 1, xs));
                caption = model.caption();
            }
        } finally {
            g.dispose();
        }
        return new SweepPicture(image, width, height, List.copyOf(panels), caption);
    }
}
