package org.anilexplorer.io;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.anilexplorer.core.metrics.Snapshot;
import org.anilexplorer.core.run.RunView;
import org.anilexplorer.core.run.SeriesMetric;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code metrics.csv}: one row per recorded iteration and run, columns {@code method, seed, iteration}, every
 * {@link SeriesMetric}, then {@code sv2_star_1..sv2_star_k} (descending). Numbers are written in full precision
 * (Java's shortest round-trip form); a value that was not measured (e.g. validation loss) is an empty cell.
 */
public final class MetricsCsv {

    private MetricsCsv() {
    }

    public static List<String> header(int k) {
        List<String> h = new ArrayList<>(List.of("method", "seed", "iteration"));
        for (SeriesMetric m : SeriesMetric.values()) {
            h.add(m.key());
        }
        for (int j = 1; j <= k; j++) {
            h.add("sv2_star_" + j);
        }
        return h;
    }

    public static void write(ExperimentRecord r, Writer out) throws IOException {
        int k = 0;
        for (RunView run : r.view().runs()) {
            for (Snapshot s : run.series()) {
                k = Math.max(k, s.k());
            }
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").setHeader(header(k).toArray(String[]::new)).get();
        CSVPrinter csv = new CSVPrinter(out, format);
        List<Object> row = new ArrayList<>();
        for (RunView run : r.view().runs()) {
            for (Snapshot s : run.series()) {
                row.clear();
                row.add(run.label());
                row.add(run.seed());
                row.add(s.iteration());
                for (SeriesMetric m : SeriesMetric.values()) {
                    row.add(cell(m.of(s)));
                }
                for (int j = 0; j < k; j++) {
                    row.add(j < s.k() ? cell(s.sv2Star(j)) : "");
                }
                csv.printRecord(row);
            }
        }
        csv.flush();
    }

    private static String cell(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }
}
