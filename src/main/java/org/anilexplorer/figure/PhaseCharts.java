package org.anilexplorer.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.Stroke;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * Draws a {@link PhaseMap} as a JFreeChart heatmap: cells in grid-index coordinates (so a log-spaced grid is a log
 * axis with a tick at every value), viridis for measured values and cividis for ratios, hatched cells where a run
 * diverged, and the theory as contours: the predicted value at a few round levels (dark dashed on a white halo) and
 * the stability limit αβ·max s_j = 1 (vermillion, long dashes).
 */
public final class PhaseCharts {

    private static final Color HATCH = new Color(0x1A1A1A);
    private static final Color LIMIT = ChartStyle.colour(Palette.VERMILLION);
    private static final Stroke HATCH_STROKE = new BasicStroke(1.1f);
    private static final Stroke HALO = new BasicStroke(3.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final Stroke CONTOUR = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {6f, 4f}, 0f);
    private static final Stroke LIMIT_STROKE = new BasicStroke(3.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {12f, 5f}, 0f);
    /** Characters of tick labels (with their gaps) that fit along a panel's axis. */
    private static final double TICK_CHARACTERS = 56;
    /** Cells per axis up to which each cell shows its number. */
    private static final int LABEL_CELLS = 100;

    private PhaseCharts() {
    }

    public static JFreeChart chart(PhaseMap map) {
        int nx = map.nx();
        int ny = map.ny();
        DefaultXYZDataset data = new DefaultXYZDataset();
        double[][] series = new double[3][nx * ny];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                int q = i * ny + j;
                double v = map.values()[i][j];
                series[0][q] = i;
                series[1][q] = j;
                series[2][q] = v;
                if (Double.isFinite(v) && (!map.ratio() || v > 0)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        data.addSeries("cells", series);
        PhaseColours scale = colours(map, lo, hi);

        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setBlockWidth(1);
        renderer.setBlockHeight(1);
        renderer.setPaintScale(scale);
        XYPlot plot = new XYPlot(data, axis(map.x()), axis(map.y()), renderer);
        plot.setBackgroundPaint(PhaseColours.MISSING);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setOutlinePaint(ChartStyle.AXIS);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);

        addCellMarks(plot, map, scale);
        List<LegendItem> legend = new ArrayList<>();
        if (!map.ratio() && map.hasPrediction()) {
            addPredictionContours(plot, map, lo, hi, legend);
        }
        if (map.crossesStabilityLimit()) {
            addContour(plot, map.margin(), 1.0, LIMIT_STROKE, LIMIT, null);
            legend.add(line("stability limit αβ·max sⱼ = 1", LIMIT, LIMIT_STROKE));
        }
        if (anyTrue(map.diverged())) {
            LegendItem hatched = new LegendItem("a run diverged (hatched)", null, null, null,
                    new Rectangle(-6, -6, 12, 12), PhaseColours.MISSING, HATCH_STROKE, HATCH);
            legend.add(hatched);
        }
        LegendItemCollection items = new LegendItemCollection();
        legend.forEach(items::add);
        plot.setFixedLegendItems(items);

        JFreeChart chart = new JFreeChart(map.title(), ChartStyle.PANEL_TITLE, plot, !legend.isEmpty());
        chart.setBackgroundPaint(ChartStyle.BACKGROUND);
        chart.getTitle().setPaint(ChartStyle.TEXT);
        LegendTitle lt = chart.getLegend();
        if (lt != null) {
            lt.setItemFont(ChartStyle.TICK_LABEL);
            lt.setFrame(BlockBorder.NONE);
            lt.setPosition(RectangleEdge.BOTTOM);
        }
        chart.addSubtitle(colourBar(map, scale));
        return chart;
    }

    private static PhaseColours colours(PhaseMap map, double lo, double hi) {
        if (!(lo <= hi)) {
            return PhaseColours.viridis(0, 1, false);
        }
        if (map.ratio()) {
            double spread = Math.max(Math.max(hi, 1 / lo), 1.1);
            return PhaseColours.cividis(1 / spread, spread, true);
        }
        boolean log = lo > 0 && hi / lo > 30;
        return PhaseColours.viridis(lo, hi, log);
    }

    private static ValueAxis axis(PhaseMap.PhaseAxis a) {
        String[] ticks = a.ticks().toArray(String[]::new);
        int longest = 1;
        for (String t : ticks) {
            longest = Math.max(longest, t.length());
        }
        // at most 10 labels, and no more than about 56 characters of them along a panel's axis (they would touch)
        int step = Math.max(1, Math.max((int) Math.ceil(ticks.length / 10.0),
                (int) Math.ceil(ticks.length * (longest + 2) / TICK_CHARACTERS)));
        for (int i = 0; i < ticks.length; i++) {
            if (i % step != 0 && i != ticks.length - 1) {
                ticks[i] = "";
            }
        }
        SymbolAxis axis = new SymbolAxis(a.label(), ticks);
        axis.setGridBandsVisible(false);
        axis.setRange(-0.5, a.size() - 0.5);
        axis.setLabelFont(ChartStyle.AXIS_LABEL);
        axis.setTickLabelFont(ChartStyle.TICK_LABEL);
        axis.setLabelPaint(ChartStyle.TEXT);
        axis.setTickLabelPaint(ChartStyle.TEXT);
        return axis;
    }

    /** Numbers in the cells, hatching over diverged cells, "refused" in refused ones. */
    private static void addCellMarks(XYPlot plot, PhaseMap map, PhaseColours scale) {
        boolean label = map.nx() * map.ny() <= LABEL_CELLS;
        Font small = ChartStyle.TICK_LABEL.deriveFont(map.nx() > 7 ? 9f : 10.5f);
        for (int i = 0; i < map.nx(); i++) {
            for (int j = 0; j < map.ny(); j++) {
                double v = map.values()[i][j];
                if (map.refused()[i][j]) {
                    XYTextAnnotation t = new XYTextAnnotation("refused", i, j);
                    t.setFont(small);
                    t.setPaint(ChartStyle.CAPTION_TEXT);
                    plot.addAnnotation(t);
                    continue;
                }
                if (map.diverged()[i][j]) {
                    for (double c = -0.75; c <= 0.75; c += 0.25) {
                        double x1 = i - 0.5 + Math.max(0, -c);
                        double y1 = j - 0.5 + Math.max(0, c);
                        double x2 = i + 0.5 - Math.max(0, c);
                        double y2 = j + 0.5 - Math.max(0, -c);
                        plot.addAnnotation(new XYLineAnnotation(x1, y1, x2, y2, HATCH_STROKE, HATCH));
                    }
                }
                if (label && Double.isFinite(v)) {
                    XYTextAnnotation t = new XYTextAnnotation(number(v), i, j);
                    t.setFont(small);
                    Paint cell = scale.getPaint(v);
                    t.setPaint(PhaseColours.isDark(cell) ? Color.WHITE : ChartStyle.TEXT);
                    if (map.diverged()[i][j]) {
                        t.setBackgroundPaint(Color.WHITE);
                        t.setPaint(ChartStyle.TEXT);
                    }
                    plot.addAnnotation(t);
                }
            }
        }
    }

    /** Contours of the prediction at up to five round levels inside the colour range, each labelled once. */
    private static void addPredictionContours(XYPlot plot, PhaseMap map, double lo, double hi, List<LegendItem> legend) {
        double pLo = Double.POSITIVE_INFINITY;
        double pHi = Double.NEGATIVE_INFINITY;
        for (double[] col : map.predicted()) {
            for (double v : col) {
                if (Double.isFinite(v) && v > 0) {
                    pLo = Math.min(pLo, v);
                    pHi = Math.max(pHi, v);
                }
            }
        }
        if (!(pLo < pHi)) {
            return;
        }
        boolean any = false;
        for (double level : levels(pLo, pHi)) {
            any |= addContour(plot, map.predicted(), level, CONTOUR, ChartStyle.colour(Palette.THEORY), number(level));
        }
        if (any) {
            legend.add(line("theory: " + map.predictionName(), ChartStyle.colour(Palette.THEORY), CONTOUR));
        }
    }

    /** Round levels strictly inside (lo, hi): 1-2-5 per decade on a wide range, else 4–5 evenly spaced ones. */
    static List<Double> levels(double lo, double hi) {
        List<Double> out = new ArrayList<>();
        if (hi / lo > 10) {
            for (int e = (int) Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
                for (double m : new double[] {1, 2, 5}) {
                    double level = m * Math.pow(10, e);
                    if (level > lo && level < hi) {
                        out.add(level);
                    }
                }
            }
            if (out.size() > 5) {
                out.removeIf(level -> Math.abs(Math.log10(level) - Math.rint(Math.log10(level))) > 1e-9); // decades only
            }
            while (out.size() > 5) {
                List<Double> thinned = new ArrayList<>();
                for (int i = 0; i < out.size(); i += 2) {
                    thinned.add(out.get(i));
                }
                out = thinned;
            }
            return out;
        }
        double step = niceStep((hi - lo) / 4);
        for (double level = Math.ceil(lo / step) * step; level < hi; level += step) {
            if (level > lo) {
                out.add(Math.round(level / step) * step);
            }
        }
        return out;
    }

    private static double niceStep(double raw) {
        double e = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / e;
        return (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * e;
    }

    /** Draws the level set (interpolating logarithms of a positive field); returns whether anything was drawn. */
    private static boolean addContour(XYPlot plot, double[][] field, double level, Stroke stroke, Paint paint,
                                      String label) {
        double[][] logField = new double[field.length][];
        for (int i = 0; i < field.length; i++) {
            logField[i] = new double[field[i].length];
            for (int j = 0; j < field[i].length; j++) {
                logField[i][j] = field[i][j] > 0 ? Math.log(field[i][j]) : Double.NaN;
            }
        }
        ContourLines.Padded padded = ContourLines.padded(logField);
        List<ContourLines.Segment> segments = ContourLines.of(padded.field(), Math.log(level), padded.xs(), padded.ys());
        if (segments.isEmpty()) {
            return false;
        }
        for (ContourLines.Segment s : segments) {
            plot.addAnnotation(new XYLineAnnotation(s.x1(), s.y1(), s.x2(), s.y2(), HALO, Color.WHITE));
        }
        ContourLines.Segment longest = segments.get(0);
        for (ContourLines.Segment s : segments) {
            plot.addAnnotation(new XYLineAnnotation(s.x1(), s.y1(), s.x2(), s.y2(), stroke, paint));
            if (s.length() > longest.length()) {
                longest = s;
            }
        }
        if (label != null) {
            XYTextAnnotation t = new XYTextAnnotation(label, (longest.x1() + longest.x2()) / 2,
                    (longest.y1() + longest.y2()) / 2);
            t.setFont(ChartStyle.TICK_LABEL.deriveFont(10f));
            t.setPaint(ChartStyle.TEXT);
            t.setBackgroundPaint(new Color(255, 255, 255, 210));
            t.setTextAnchor(TextAnchor.CENTER);
            plot.addAnnotation(t);
        }
        return true;
    }

    private static PaintScaleLegend colourBar(PhaseMap map, PhaseColours scale) {
        ValueAxis axis;
        if (scale.isLog() && !map.ratio()) {
            LogAxis log = new DecadeLogAxis(map.colourLabel());
            log.setSmallestValue(scale.getLowerBound());
            axis = log;
        } else {
            NumberAxis lin = new NumberAxis(map.colourLabel());
            lin.setAutoRangeIncludesZero(false);
            axis = lin;
        }
        axis.setRange(scale.getLowerBound(), scale.getUpperBound());
        axis.setLabelFont(ChartStyle.TICK_LABEL);
        axis.setTickLabelFont(ChartStyle.TICK_LABEL.deriveFont(10f));
        PaintScaleLegend bar = new PaintScaleLegend(scale, axis);
        bar.setPosition(RectangleEdge.RIGHT);
        bar.setAxisLocation(AxisLocation.TOP_OR_RIGHT);
        bar.setStripWidth(12);
        bar.setSubdivisionCount(scale.isLog() ? 2000 : 256); // linear steps: a log bar needs many
        bar.setMargin(new RectangleInsets(8, 6, 8, 2));
        bar.setBackgroundPaint(ChartStyle.BACKGROUND);
        return bar;
    }

    private static LegendItem line(String text, Paint paint, Stroke stroke) {
        LegendItem item = new LegendItem(text, null, null, null, new java.awt.geom.Line2D.Double(-12, 0, 12, 0),
                stroke, paint);
        return item;
    }

    private static boolean anyTrue(boolean[][] b) {
        for (boolean[] col : b) {
            for (boolean x : col) {
                if (x) {
                    return true;
                }
            }
        }
        return false;
    }

    static String number(double v) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e-2 && a < 1e4) {
            return String.format(Locale.ROOT, "%.3g", v).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
        }
        String[] parts = String.format(Locale.ROOT, "%.1e", v).split("e");
        return parts[0] + "e" + Integer.parseInt(parts[1]); // 2.9e-3, not 2.93e-03: fits a cell
    }
}
