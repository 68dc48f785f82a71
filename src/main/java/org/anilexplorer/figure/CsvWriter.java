package org.anilexplorer.figure;

import org.anilexplorer.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.anilexplorer.core.stats.SeedStatistics;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The data behind a figure as CSV: one row per x (the union of every curve's abscissae, ascending), then for each
 * panel and series a "… mean" column and, when the series has a band, a "… sd (n−1)" column (the spread of
 * {@link SeedStatistics}), or for a min–max envelope ({@link Series#isEnvelope()}) "… median", "… min" and "… max"
 * columns; theory curves and reference
 * levels get one column each. A cell is empty where a curve has no point at that x. Every recorded point is written,
 * including those a log axis does not draw. Columns of a multi-panel figure are prefixed with the panel title.
 *
 * <p>The title, caption, program version and metadata come first as {@code #} comment lines (read them with
 * {@code pandas.read_csv(..., comment='#')} or commons-csv's comment marker).
 */
public final class CsvWriter {

    private CsvWriter() {
    }

    /** One column: values at given abscissae, or a constant on every row. */
    private record Column(String header, double[] x, double[] y, double constant) {

        double valueAt(double at) {
            if (x == null) {
                return constant;
            }
            int i = Arrays.binarySearch(x, at);
            return i >= 0 ? y[i] : Double.NaN;
        }
    }

    public static void write(Figure figure, Path file) throws IOException {
        AtomicFiles.write(file, w -> write(figure, w));
    }

    public static void write(Figure figure, Appendable out) throws IOException {
        List<Column> columns = columns(figure);
        List<String> header = new ArrayList<>();
        header.add(figure.panels().get(0).xAxis().label());
        for (Column c : columns) {
            header.add(c.header());
        }
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setCommentMarker('#')
                .setHeaderComments(comments(figure))
                .setHeader(header.toArray(String[]::new))
                .setRecordSeparator('\n')
                .get();
        TreeSet<Double> xs = new TreeSet<>();
        for (Column c : columns) {
            if (c.x() != null) {
                for (double v : c.x()) {
                    xs.add(v);
                }
            }
        }
        // not closed: closing a CSVPrinter closes the caller's Appendable
        CSVPrinter printer = new CSVPrinter(out, format);
        List<String> row = new ArrayList<>(header.size());
        for (double x : xs) {
            row.clear();
            row.add(number(x));
            for (Column c : columns) {
                row.add(number(c.valueAt(x)));
            }
            printer.printRecord(row);
        }
        printer.flush();
    }

    /** The column headers after the x column, in order. */
    public static List<String> headers(Figure figure) {
        List<String> out = new ArrayList<>();
        for (Column c : columns(figure)) {
            out.add(c.header());
        }
        return out;
    }

    private static List<Column> columns(Figure figure) {
        List<Column> columns = new ArrayList<>();
        Set<String> used = new HashSet<>();
        boolean prefix = figure.panels().size() > 1;
        for (FigureModel panel : figure.panels()) {
            String p = prefix && !panel.title().isEmpty() ? panel.title() + ": " : "";
            for (Series s : panel.series()) {
                double[] std = s.std();
                if (s.isEnvelope()) {
                    columns.add(new Column(unique(used, p + s.name() + " median"), s.x(), s.mean(), Double.NaN));
                    columns.add(new Column(unique(used, p + s.name() + " min"), s.x(), s.min(), Double.NaN));
                    columns.add(new Column(unique(used, p + s.name() + " max"), s.x(), s.max(), Double.NaN));
                    continue;
                }
                columns.add(new Column(unique(used, p + s.name() + " mean"), s.x(), s.mean(), Double.NaN));
                if (std != null) {
                    columns.add(new Column(unique(used, p + s.name() + " " + SeedStatistics.SD), s.x(), std, Double.NaN));
                }
            }
            for (TheoryCurve c : panel.theoryCurves()) {
                columns.add(new Column(unique(used, p + c.name()), c.x(), c.y(), Double.NaN));
            }
            for (ReferenceLine r : panel.referenceLines()) {
                columns.add(new Column(unique(used, p + r.name()), null, null, r.y()));
            }
        }
        return columns;
    }

    private static String[] comments(Figure figure) {
        List<String> lines = new ArrayList<>();
        if (!figure.title().isEmpty()) {
            lines.add(figure.title());
        }
        if (!figure.caption().isEmpty()) {
            lines.add(figure.caption());
        }
        lines.add("Software: " + ProgramVersion.SOFTWARE);
        for (Map.Entry<String, String> e : figure.metadata().entrySet()) {
            lines.add(e.getKey() + ": " + e.getValue());
        }
        return lines.toArray(String[]::new);
    }

    private static String unique(Set<String> used, String header) {
        String h = header;
        for (int n = 2; !used.add(h); n++) {
            h = header + " (" + n + ")";
        }
        return h;
    }

    /** Integers without a decimal point (iterations), everything else round-trippable; NaN as an empty cell. */
    static String number(double v) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "" : (v > 0 ? "inf" : "-inf");
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
