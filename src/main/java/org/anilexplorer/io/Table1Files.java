package org.anilexplorer.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.anilexplorer.core.eval.PublishedTable1;
import org.anilexplorer.core.eval.Table1Column;
import org.anilexplorer.core.eval.Table1Comparison;
import org.anilexplorer.core.stats.SeedStatistics;

/**
 * The files of a Table 1 reproduction: {@code table1.json} (a list of entries: method, m_test, estimator, mean, std,
 * paper, difference, and how many seeds), {@code table1.md} (the table laid out like the paper's, ours beside the
 * printed value, then the differences) and {@code config.json} (the resolved preset), written together atomically.
 */
public final class Table1Files {

    public static final String JSON = "table1.json";
    public static final String MARKDOWN = "table1.md";

    /**
     * What the Markdown says about how the table was made.
     *
     * @param title     the preset's title
     * @param setting   one line with the main parameters
     * @param seeds     the seeds of the training runs
     * @param testTasks fresh test tasks per seed
     * @param wallTime  training and evaluation time
     * @param version   program version
     * @param notes     warnings and remarks, one per line (may be empty)
     */
    public record Header(String title, String setting, List<Long> seeds, int testTasks, Duration wallTime,
            String version, List<String> notes) {

        public Header {
            seeds = List.copyOf(seeds);
            notes = List.copyOf(notes);
        }
    }

    private Table1Files() {
    }

    /** Writes table1.json, table1.md and config.json into {@code dir} (which must exist); returns the paths. */
    public static List<Path> write(Path dir, Table1Comparison table, Header header, String configJson)
            throws IOException {
        String json = json(table);
        String markdown = markdown(table, header);
        Map<Path, AtomicFiles.TextContent> files = new LinkedHashMap<>();
        files.put(dir.resolve(MARKDOWN), out -> out.write(markdown));
        files.put(dir.resolve(JSON), out -> out.write(json));
        files.put(dir.resolve(ResultFiles.CONFIG), out -> out.write(configJson));
        AtomicFiles.writeAll(files);
        return List.copyOf(files.keySet());
    }

    /** The JSON name of a column: "1-GD" or "ridge". */
    public static String estimatorName(Table1Column column) {
        return column == Table1Column.ONE_STEP_GD ? "1-GD" : "ridge";
    }

    public static String json(Table1Comparison table) {
        ArrayNode entries = Json.array();
        for (Table1Comparison.Entry e : table.entries()) {
            ObjectNode o = Json.object();
            o.put("method", e.method());
            o.put("m_test", e.mTest());
            o.put("estimator", estimatorName(e.column()));
            o.set("mean", Json.number(e.mean()));
            o.set("std", Json.number(e.std()));
            o.put("spread", SeedStatistics.NAME);
            Optional<PublishedTable1.Cell> paper = e.paper();
            if (paper.isPresent()) {
                o.put("paper", paper.get().mean());
                o.set("difference", Json.number(e.difference().getAsDouble()));
                o.put("paper_std", paper.get().std());
            } else {
                o.putNull("paper");
                o.putNull("difference");
                o.putNull("paper_std");
            }
            o.put("seeds", e.seeds());
            o.put("seeds_with_lambda_at_grid_edge", e.seedsWithLambdaAtEdge());
            o.put("risk", table.convention().name().toLowerCase(Locale.ROOT));
            entries.add(o);
        }
        try {
            return Json.MAPPER.writeValueAsString(entries) + "\n";
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot render " + JSON, ex);
        }
    }

    public static String markdown(Table1Comparison table, Header h) {
        List<Integer> mTests = table.entries().stream().map(Table1Comparison.Entry::mTest).distinct().sorted().toList();
        StringBuilder b = new StringBuilder();
        b.append("# ").append(h.title()).append(" — reproduction\n\n");
        b.append("Excess risk ½‖θ̂ − θ⋆‖² on ").append(h.testTasks()).append(" fresh test tasks per training run; ")
                .append(SeedStatistics.describe(h.seeds().size())).append(" (seeds ")
                .append(seedRange(h.seeds())).append("). In brackets: the value printed in Yüksel, Boursier, ")
                .append("Flammarion (ICLR 2024), Table 1. 1-GD is one head-only gradient step of size α from the ")
                .append("learned head; Ridge is ridge regression on the learned features, λ chosen on a grid by the ")
                .append("best mean risk. The two baselines print one value per m_test, listed under Ridge.\n\n");
        header(b, mTests);
        for (String method : table.methods()) {
            b.append("| ").append(method);
            for (int m : mTests) {
                for (Table1Column c : Table1Column.values()) {
                    b.append(" | ").append(table.find(method, m, c).map(Table1Files::cell).orElse("—"));
                }
            }
            b.append(" |\n");
        }

        b.append("\n## Differences (ours − paper)\n\n");
        header(b, mTests);
        for (String method : table.methods()) {
            b.append("| ").append(method);
            for (int m : mTests) {
                for (Table1Column c : Table1Column.values()) {
                    Optional<Table1Comparison.Entry> e = table.find(method, m, c);
                    OptionalDouble diff = e.isPresent() ? e.get().difference() : OptionalDouble.empty();
                    b.append(" | ").append(diff.isPresent() ? signed(diff.getAsDouble()) : "—");
                }
            }
            b.append(" |\n");
        }
        table.largestDifference().ifPresent(e -> b.append("\nLargest |difference|: ")
                .append(format(Math.abs(e.difference().getAsDouble()))).append(" (").append(e.method())
                .append(", m_test = ").append(e.mTest()).append(", ").append(e.column().label()).append(").\n"));

        b.append("\n## Setting\n\n");
        b.append("- ").append(h.setting()).append("\n");
        b.append("- Training and evaluation took ").append(duration(h.wallTime())).append(".\n");
        b.append("- anil-explorer ").append(h.version()).append("; the complete parameters are in config.json.\n");
        for (String note : h.notes()) {
            b.append("- ").append(note).append("\n");
        }
        return b.toString();
    }

    private static void header(StringBuilder b, List<Integer> mTests) {
        b.append("| method");
        for (int m : mTests) {
            for (Table1Column c : Table1Column.values()) {
                b.append(" | m_test = ").append(m).append(", ").append(c.label());
            }
        }
        b.append(" |\n|---");
        b.append("|---".repeat(mTests.size() * Table1Column.values().length)).append("|\n");
    }

    private static String cell(Table1Comparison.Entry e) {
        String ours = Double.isNaN(e.std()) ? format(e.mean()) : format(e.mean()) + " ± " + format(e.std());
        return e.paper().map(p -> ours + " (" + String.format(Locale.ROOT, "%.2f ± %.2f", p.mean(), p.std()) + ")")
                .orElse(ours);
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** With its sign, except for a value that rounds to zero (no "-0.000"). */
    private static String signed(double v) {
        return Math.abs(v) < 0.0005 ? "0.000" : String.format(Locale.ROOT, "%+.3f", v);
    }

    private static String seedRange(List<Long> seeds) {
        if (seeds.isEmpty()) {
            return "none";
        }
        long first = seeds.get(0);
        boolean consecutive = true;
        for (int i = 0; i < seeds.size(); i++) {
            consecutive &= seeds.get(i) == first + i;
        }
        return consecutive && seeds.size() > 2 ? first + "–" + seeds.get(seeds.size() - 1)
                : String.join(", ", seeds.stream().map(String::valueOf).toList());
    }

    private static String duration(Duration d) {
        long s = Math.round(d.toMillis() / 1000.0);
        return s >= 60 ? String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60) : s + " s";
    }
}
