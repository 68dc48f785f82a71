package org.anilexplorer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.anilexplorer.core.metrics.RecordingSchedule;
import org.anilexplorer.core.params.ParamSpec;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.run.ExperimentView;
import org.anilexplorer.core.run.RunOptions;
import org.anilexplorer.core.run.RunView;
import org.anilexplorer.core.run.Variant;
import org.anilexplorer.figure.Figure;
import org.anilexplorer.io.AtomicFiles;
import org.anilexplorer.io.ConfigJson;
import org.anilexplorer.io.ExperimentRecord;
import org.anilexplorer.io.FigureConfiguration;
import org.anilexplorer.io.ResultFiles;
import picocli.CommandLine.Option;

/**
 * What {@code figure} and {@code reproduce figures} share: their options, and train → figures → files (PNG, SVG,
 * CSV per figure, and config.json to repeat the run).
 */
final class FigureRun {

    /** Dense early, then 60 points per decade: smooth on a log axis at any horizon, and cheap. */
    static final RunOptions RECORDING = RunOptions.DEFAULT.withSchedule(new RecordingSchedule(50, 60));

    /** The options of both commands except {@code --preset}, whose default differs. */
    static final class Options {

        @Option(names = "--seeds", paramLabel = "N", description = "Runs per method; the bands are ± 1 std over them "
                + "(default: the preset's).")
        String seeds;

        @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Set one parameter (repeatable), for every method.")
        List<String> sets = new ArrayList<>();

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created if missing).")
        Path out;

        @Option(names = "--scale", paramLabel = "S", description = "PNG pixels per point (default: about 2, at least "
                + "1600 pixels wide; 4 ≈ 288 dpi).")
        Double scale;

        @Option(names = "--width", paramLabel = "W", description = "Drawing width in points, also the SVG's width "
                + "(default: 560 for one panel, 840 for two); the PNG is W × S pixels wide.")
        Double width;

        @Option(names = "--progress", description = "Show progress on stderr even when it is not a terminal.")
        boolean progress;

        @Option(names = "--cores", paramLabel = "N", description = "Cores to use in total (default: all).")
        Integer cores;
    }

    private FigureRun() {
    }

    static int execute(String preset, Options o, List<String> figureNames, CliContext context, PrintWriter stdout,
            PrintWriter stderr) throws InterruptedException {
        FigureSet.Size size = size(o);
        ExperimentDriver.Resolved resolved = ExperimentDriver.resolve(preset, o.sets, o.seeds);
        int coreCount = ExperimentDriver.cores(o.cores, context);
        Path dir = RunCommand.prepareOutput(o.out);
        resolved.warnings().forEach(w -> stderr.println("warning: " + w));

        long t0 = System.nanoTime();
        ExperimentView view = ExperimentDriver.run(resolved, context, RECORDING, coreCount, o.progress, stderr);
        Duration wall = Duration.ofNanos(System.nanoTime() - t0);

        Params base = resolved.preset().params().withAll(resolved.settings());
        Map<String, Figure> figures = FigureSet.build(view, resolved.variants(), figureNames,
                metadata(resolved, base));
        ExperimentRecord record = new ExperimentRecord(resolved.preset().title(), resolved.preset().description(),
                resolved.preset().source(), base, resolved.variants(), resolved.warnings(), view, wall);
        List<Path> written;
        try {
            written = new ArrayList<>(FigureSet.write(dir, figures, size));
            Path config = dir.resolve(ResultFiles.CONFIG);
            AtomicFiles.writeString(config, ConfigJson.render(record));
            written.add(config);
        } catch (IOException e) {
            throw new RuntimeFailure("cannot write the figures to " + dir + ": " + RunCommand.reason(e));
        }
        printRuns(stdout, view, resolved.variants());
        stdout.printf(Locale.ROOT, "trained %d run(s) in %s%n", view.runs().size(), ProgressBar.clock(wall));
        stdout.println("wrote " + String.join(", ", written.stream().map(Path::toString).toList()));
        ExperimentDriver.reportFailures(view, stderr);
        return Cli.OK;
    }

    private static FigureSet.Size size(Options o) {
        if (o.scale != null && !(o.scale >= 0.25 && o.scale <= 16)) {
            throw new UsageException("--scale: must be a number between 0.25 and 16, got " + o.scale);
        }
        if (o.width != null && !(o.width >= 200 && o.width <= 10_000)) {
            throw new UsageException("--width: must be a number of points between 200 and 10000, got " + o.width);
        }
        double pixels = (o.width != null ? o.width : 840) * (o.scale != null ? o.scale : 2);
        if (pixels > 32_000) {
            throw new UsageException("--width × --scale: the PNG would be " + Math.round(pixels)
                    + " pixels wide; at most 32000");
        }
        return new FigureSet.Size(o.width, o.scale);
    }

    /**
     * Parameters, methods and seeds, for the PNG text chunks, the SVG description and the CSV comments, and the whole
     * configuration for reading back ({@link FigureConfiguration}).
     */
    static Map<String, String> metadata(ExperimentDriver.Resolved r, Params base) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Preset", r.preset().title() + " (" + r.preset().origin() + ")");
        if (!r.preset().source().isBlank()) {
            m.put("Source", r.preset().source());
        }
        StringBuilder params = new StringBuilder();
        for (ParamSpec s : ParamSpec.values()) {
            if (s == ParamSpec.SEED || s == ParamSpec.SEEDS || s == ParamSpec.M_TEST || s == ParamSpec.TEST_TASKS
                    || s == ParamSpec.GD_STEPS) {
                continue;
            }
            params.append(params.length() == 0 ? "" : " ").append(s.key()).append('=').append(base.get(s));
        }
        m.put("Parameters", params.toString());
        StringBuilder methods = new StringBuilder();
        for (Variant v : r.variants()) {
            methods.append(methods.length() == 0 ? "" : "; ").append(v.label());
            Map<String, String> diff = new LinkedHashMap<>();
            for (ParamSpec s : ParamSpec.values()) {
                if (!v.params().get(s).equals(base.get(s))) {
                    diff.put(s.key(), v.params().get(s));
                }
            }
            if (!diff.isEmpty()) {
                methods.append(" (");
                diff.forEach((k, val) -> methods.append(k).append('=').append(val).append(','));
                methods.setLength(methods.length() - 1);
                methods.append(')');
            }
        }
        m.put("Methods", methods.toString());
        m.put("Seeds", String.join(", ", r.seedList().stream().map(String::valueOf).toList()));
        m.put("Program", "anil-explorer " + VersionProvider.version());
        m.putAll(FigureConfiguration.entries(FigureConfiguration.configuration(r.preset().title(),
                r.preset().description(), r.preset().source(), base, r.variants()), Map.of()));
        return m;
    }

    private static void printRuns(PrintWriter out, ExperimentView view, List<Variant> variants) {
        int width = Math.max(6, variants.stream().mapToInt(v -> v.label().length()).max().orElse(6));
        for (Variant v : variants) {
            List<RunView> runs = view.runsOf(v.label());
            long ok = runs.stream().filter(r -> r.state().isSuccess()).count();
            double rate = runs.stream().mapToDouble(RunView::iterationsPerSecond).average().orElse(0);
            out.printf(Locale.ROOT, "%-" + width + "s  %d/%d runs finished, %,d iterations each, %,.0f it/s%n",
                    v.label(), ok, runs.size(), v.params().iterations(), rate);
        }
    }
}
