package org.anilexplorer.figure;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import java.util.Map;
import java.util.function.IntFunction;
import javax.imageio.ImageIO;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.sweep.GridAxis;
import org.anilexplorer.core.sweep.JobResult;
import org.anilexplorer.core.sweep.SweepColumns;
import org.anilexplorer.core.sweep.SweepPlan;
import org.anilexplorer.core.sweep.SweepTheory;
import org.anilexplorer.io.AtomicFiles;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.svg.SVGGraphics2D;

/**
 * The figures of a sweep, {@code phase-<metric>.png} and {@code .svg}: with two grid keys a phase diagram (one
 * heatmap per method, each followed by its measured/theory ratio map where the theory predicts the metric); with
 * one key, curves of the metric against the key (mean ± std over seeds, one per method) with the theory's curve.
 * With more than two keys nothing is drawn (sweep.csv has every number).
 */
public final class PhaseFigures {

    static final double PANEL_WIDTH = 470;
    static final double PANEL_HEIGHT = 440;
    static final double HEADER = 64;
    static final double SCALE = 2;

    private PhaseFigures() {
    }

    /** Writes the figures of each metric into {@code dir}; returns the files written. */
    public static List<Path> write(Path dir, String title, SweepPlan plan, SweepColumns columns,
            Map<Integer, JobResult> results, List<String> metrics, IntFunction<Params> cellParams) throws IOException {
        List<Path> out = new ArrayList<>();
        int keys = plan.grid().axes().size();
        for (String metric : metrics) {
            if (columns.indexOf(metric) < 0 || keys > 2) {
                continue;
            }
            Path png = dir.resolve("phase-" + metric + ".png");
            Path svg = dir.resolve("phase-" + metric + ".svg");
            writeFigure(title, plan, columns, results, metric, cellParams, png, svg);
            out.add(png);
            out.add(svg);
        }
        return out;
    }

    /**
     * Writes the figure of one metric as {@code png} and/or {@code svg} (either may be null), the bytes the sweep
     * command writes for the same results: a phase diagram with two grid keys, curves with one.
     *
     * @throws IllegalArgumentException when the grid has more than two keys or the metric is not a column
     */
    public static void writeFigure(String title, SweepPlan plan, SweepColumns columns, Map<Integer, JobResult> results,
            String metric, IntFunction<Params> cellParams, Path png, Path svg) throws IOException {
        int keys = plan.grid().axes().size();
        if (columns.indexOf(metric) < 0) {
            throw new IllegalArgumentException("metric: not a column of this sweep: " + metric);
        }
        if (keys == 2) {
            List<PhaseMap> maps = PhaseData.maps(plan, columns, results, metric, cellParams);
            writeMaps(maps, title + " — " + metric, caption(maps, metric), png, svg);
        } else if (keys == 1) {
            FigureModel curves = curves(plan, columns, results, metric, cellParams).withTitle(title + " — " + metric);
            if (png != null) {
                PngWriter.write(curves, png);
            }
            if (svg != null) {
                SvgWriter.write(curves, svg);
            }
        } else {
            throw new IllegalArgumentException("a figure needs one or two grid keys, this sweep has " + keys);
        }
    }

    /** The caption of a phase diagram: what the colours, contours and the vermillion line are. */
    public static String caption(List<PhaseMap> maps, String metric) {
        StringBuilder b = new StringBuilder("Final ").append(metric).append(" per cell (mean over seeds that finished).");
        PhaseMap first = maps.get(0);
        if (first.hasPrediction()) {
            b.append(" Dashed contours: ").append(first.predictionName()).append("; right: measured ÷ theory.");
        }
        if (first.crossesStabilityLimit()) {
            b.append(" Vermillion: the linear stability limit of Theorem 1's limit, αβ·max sⱼ = 1.");
        }
        return b.toString();
    }

    /** A one-key sweep as a line chart: the metric's mean ± std over seeds against the key, per method. */
    public static FigureModel curves(SweepPlan plan, SweepColumns columns, Map<Integer, JobResult> results, String metric,
            IntFunction<Params> cellParams) {
        GridAxis a = plan.grid().axes().get(0);
        boolean numeric = a.isNumeric();
        double[] x = new double[a.size()];
        for (int i = 0; i < a.size(); i++) {
            x[i] = numeric ? a.numeric(i) : i;
        }
        List<Series> series = new ArrayList<>();
        List<String> diverged = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int m = 0; m < plan.methodLabels().size(); m++) {
            PhaseData.CellStats s = PhaseData.stats(plan, columns, results, metric, m);
            series.add(Series.band(plan.methodLabels().get(m), Palette.method(m), x, s.mean(), s.std()));
            for (int i = 0; i < a.size(); i++) {
                if (s.diverged()[i] && !diverged.contains(a.value(i))) {
                    diverged.add(a.value(i));
                }
                if (Double.isFinite(s.mean()[i])) {
                    lo = Math.min(lo, s.mean()[i]);
                    hi = Math.max(hi, s.mean()[i]);
                }
            }
        }
        double[] theory = new double[a.size()];
        boolean anyTheory = false;
        for (int i = 0; i < a.size(); i++) {
            Params p = cellParams.apply(i);
            theory[i] = p == null ? Double.NaN : SweepTheory.predicted(metric, p);
            anyTheory |= Double.isFinite(theory[i]);
        }
        String xLabel = PhaseData.label(a) + (numeric ? "" : " (values: " + String.join(", ", a.values()) + ")");
        AxisSpec xAxis = a.log() && numeric ? AxisSpec.log(xLabel) : AxisSpec.linear(xLabel);
        AxisSpec yAxis = lo > 0 && hi / lo > 30 ? AxisSpec.log(metric) : AxisSpec.linear(metric);
        FigureModel model = FigureModel.of(metric, xAxis, yAxis).withSeries(series);
        StringBuilder caption = new StringBuilder("Final ").append(metric).append(" against ").append(a.key())
                .append(" (mean ± std over seeds that finished).");
        if (anyTheory) {
            model = model.withTheoryCurves(List.of(new TheoryCurve("theory: " + SweepTheory.predictionName(metric), x, theory)));
        } else if (a.key().equals("tasks") && cellParams.apply(0) != null) {
            // finite N has no closed form here; the infinite-task value is the floor the residual shrinks towards
            double floor = SweepTheory.predicted(metric, cellParams.apply(0).with("tasks", "inf"));
            if (Double.isFinite(floor)) {
                model = model.withReferenceLines(List.of(new ReferenceLine("N = ∞: " + SweepTheory.predictionName(metric), floor)));
            }
        }
        if (!diverged.isEmpty()) {
            caption.append(" Diverged (no point): ").append(a.key()).append(" = ").append(String.join(", ", diverged)).append('.');
        }
        return model.withCaption(caption.toString());
    }

    private static void writeMaps(List<PhaseMap> maps, String title, String caption, Path png, Path svg)
            throws IOException {
        List<JFreeChart> charts = new ArrayList<>();
        for (PhaseMap m : maps) {
            charts.add(PhaseCharts.chart(m));
        }
        double width = PANEL_WIDTH * charts.size();
        double height = PANEL_HEIGHT + HEADER;
        if (png != null) {
            writePng(charts, title, caption, width, height, png);
        }
        if (svg != null) {
            writeSvg(charts, title, caption, width, height, svg);
        }
    }

    private static void writePng(List<JFreeChart> charts, String title, String caption, double width, double height,
            Path png) throws IOException {
        BufferedImage image = new BufferedImage((int) Math.round(width * SCALE), (int) Math.round(height * SCALE),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setPaint(ChartStyle.BACKGROUND);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.scale(SCALE, SCALE);
            draw(g, charts, title, caption, width);
        } finally {
            g.dispose();
        }
        AtomicFiles.writeBytes(png, out -> ImageIO.write(image, "png", out));
    }

    private static void writeSvg(List<JFreeChart> charts, String title, String caption, double width, double height,
            Path svg) throws IOException {
        SVGGraphics2D sg = new SVGGraphics2D(width, height);
        sg.setDefsKeyPrefix("phase"); // JFreeSVG's default prefix is the clock: the same figure would differ per run
        synchronized (SvgWriter.class) {
            boolean saved = TextUtils.isUseDrawRotatedStringWorkaround();
            TextUtils.setUseDrawRotatedStringWorkaround(false);
            try {
                draw(sg, charts, title, caption, width);
            } finally {
                TextUtils.setUseDrawRotatedStringWorkaround(saved);
            }
        }
        String doc = sg.getSVGDocument();
        int at = doc.indexOf('>', doc.indexOf("<svg"));
        String head = "<title>" + org.jfree.svg.SVGUtils.escapeForXML(title) + "</title><desc>"
                + org.jfree.svg.SVGUtils.escapeForXML(caption + "\nSoftware: " + ProgramVersion.SOFTWARE) + "</desc>";
        byte[] bytes = (doc.substring(0, at + 1) + head + doc.substring(at + 1)).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.writeBytes(svg, out -> out.write(bytes));
    }

    /** Greedy word wrap to {@code width} points. */
    static List<String> wrap(String text, java.awt.FontMetrics metrics, double width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (metrics.stringWidth(candidate) > width && line.length() > 0) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static void draw(Graphics2D g, List<JFreeChart> charts, String title, String caption, double width) {
        g.setPaint(ChartStyle.TEXT);
        g.setFont(ChartStyle.FIGURE_TITLE);
        TextUtils.drawAlignedString(title, g, (float) (width / 2), 24f, TextAnchor.BASELINE_CENTER);
        g.setFont(ChartStyle.CAPTION);
        g.setPaint(ChartStyle.CAPTION_TEXT);
        List<String> lines = wrap(caption, g.getFontMetrics(), width - 40);
        float y = lines.size() > 1 ? 42f : 48f;
        for (String line : lines.subList(0, Math.min(2, lines.size()))) {
            TextUtils.drawAlignedString(line, g, (float) (width / 2), y, TextAnchor.BASELINE_CENTER);
            y += 14f;
        }
        for (int i = 0; i < charts.size(); i++) {
            charts.get(i).draw(g, new Rectangle2D.Double(i * PANEL_WIDTH, HEADER, PANEL_WIDTH, PANEL_HEIGHT));
        }
    }

}
