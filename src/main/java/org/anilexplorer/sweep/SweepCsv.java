package org.anilexplorer.sweep;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.anilexplorer.core.sweep.JobResult;
import org.anilexplorer.core.sweep.JobStatus;
import org.anilexplorer.core.sweep.SweepColumns;
import org.anilexplorer.core.sweep.SweepException;
import org.anilexplorer.core.sweep.SweepJob;
import org.anilexplorer.core.sweep.SweepPlan;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * {@code sweep.csv}: one row per cell, method and seed in the sweep's canonical order, with one column per grid key
 * (its value), {@code method}, {@code seed}, {@code status}, the final {@code iteration}, and the measured columns
 * (numbers in Java's shortest round-trip form, empty where nothing was measured). Nothing in it depends on the
 * clock or the machine, so the same sweep gives byte-identical files, and a merge of shards the same rows.
 */
public final class SweepCsv {

    public static final String FILE = "sweep.csv";

    private SweepCsv() {
    }

    public static List<String> header(SweepPlan plan, SweepColumns columns) {
        List<String> h = new ArrayList<>(plan.grid().keys());
        h.addAll(List.of("method", "seed", "status", "iteration"));
        h.addAll(columns.metrics());
        return h;
    }

    /** Writes the rows of {@code results} (any subset of the plan's jobs) in canonical order. */
    public static void write(SweepPlan plan, SweepColumns columns, Map<Integer, JobResult> results, Writer out)
            throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator("\n")
                .setHeader(header(plan, columns).toArray(String[]::new)).get();
        CSVPrinter csv = new CSVPrinter(out, format);
        List<Object> row = new ArrayList<>();
        for (SweepJob job : plan.jobs()) {
            JobResult r = results.get(job.index());
            if (r == null) {
                continue;
            }
            row.clear();
            row.addAll(plan.grid().settings(job.cell()).values());
            row.add(job.methodLabel());
            row.add(job.seed());
            row.add(r.status().key());
            row.add(r.iteration());
            for (int c = 0; c < columns.size(); c++) {
                double v = r.value(c);
                row.add(Double.isFinite(v) ? Double.toString(v) : "");
            }
            csv.printRecord(row);
        }
        csv.flush();
    }

    /**
     * Reads a sweep.csv written for {@code plan} back into results keyed by job index (wall times are not in the
     * file and come back as 0). Rows are matched to jobs by their grid values, method and seed.
     */
    public static Map<Integer, JobResult> read(Path file, SweepPlan plan, SweepColumns columns) throws IOException {
        Map<String, Integer> jobByKey = new HashMap<>();
        for (SweepJob job : plan.jobs()) {
            jobByKey.put(key(new ArrayList<>(plan.grid().settings(job.cell()).values()), job.methodLabel(), job.seed()), job.index());
        }
        List<String> header = header(plan, columns);
        Map<Integer, JobResult> out = new HashMap<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            if (!parser.getHeaderNames().equals(header)) {
                throw new SweepException(file + ": its columns " + parser.getHeaderNames() + " are not those of this sweep " + header);
            }
            int keys = plan.grid().axes().size();
            for (CSVRecord rec : parser) {
                List<String> cell = new ArrayList<>();
                for (int a = 0; a < keys; a++) {
                    cell.add(rec.get(a));
                }
                Integer index = jobByKey.get(key(cell, rec.get(keys), Long.parseLong(rec.get(keys + 1))));
                if (index == null) {
                    throw new SweepException(file + ", line " + rec.getRecordNumber() + ": no such cell, method and seed in this sweep");
                }
                double[] values = new double[columns.size()];
                for (int c = 0; c < columns.size(); c++) {
                    String t = rec.get(keys + 4 + c);
                    values[c] = t.isEmpty() ? Double.NaN : Double.parseDouble(t);
                }
                out.put(index, new JobResult(index, JobStatus.parse(rec.get(keys + 2)), Long.parseLong(rec.get(keys + 3)),
                        values, "", 0));
            }
        } catch (NumberFormatException e) {
            throw new SweepException(file + ": a number cannot be read (" + e.getMessage() + ")");
        }
        return out;
    }

    private static String key(List<String> cell, String method, long seed) {
        return String.join("\u0001", cell) + "\u0002" + method + "\u0002" + seed;
    }

}
