package org.anilexplorer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.anilexplorer.core.params.ParamException;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.run.AggregateSeries;
import org.anilexplorer.core.run.Band;
import org.anilexplorer.core.run.Experiment;
import org.anilexplorer.core.run.ExperimentEvaluation;
import org.anilexplorer.core.run.ExperimentView;
import org.anilexplorer.core.run.RunOptions;
import org.anilexplorer.core.run.RunState;
import org.anilexplorer.core.run.RunView;
import org.anilexplorer.core.run.SeriesMetric;
import org.anilexplorer.core.run.Variant;
import org.anilexplorer.core.theory.LambdaStar;
import org.anilexplorer.io.EvaluationJson;
import org.anilexplorer.io.ExperimentRecord;
import org.anilexplorer.io.Preset;
import org.anilexplorer.io.PresetException;
import org.anilexplorer.io.PresetReader;
import org.anilexplorer.io.ResultFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Trains every method of a preset on every seed and writes config.json, metrics.csv and summary.json. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        description = {"Train the methods of a preset (or the defaults) on N seeds and write config.json, "
                + "metrics.csv and summary.json into the output directory.",
                "Exit codes: 0 done, 1 a run diverged or failed (files are still written), 2 bad input (nothing written)."},
        footer = {"", "Examples:",
                "  anil-explorer run --out results",
                "  anil-explorer run --set tasks=inf --set iterations=20000 --out inf",
                "  anil-explorer run --preset NAME --seeds 5 --out cmp",
                "  anil-explorer run --preset my.json --set alpha=0.05 --evaluate --out ev",
                "", "Parameter keys: see 'anil-explorer params'. Bundled presets: see 'anil-explorer presets'."})
final class RunCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--preset", paramLabel = "NAME|FILE",
            description = "A preset file, or the name of a bundled preset. Default: the built-in defaults.")
    String preset;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Set one parameter (repeatable); applied after the preset and its methods.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--seeds", paramLabel = "N", description = "Number of independent runs per method (seeds seed … seed+N−1).")
    String seeds;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created if missing).")
    Path out;

    @Option(names = "--evaluate", description = "Also evaluate each trained model on fresh test tasks (1-GD, k-step GD, ridge, baselines).")
    boolean evaluate;

    @Option(names = "--progress", description = "Show progress on stderr even when it is not a terminal.")
    boolean progress;

    @Option(names = "--cores", paramLabel = "N", description = "Cores to use in total (default: all).")
    Integer cores;

    RunCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();

        Preset chosen = loadPreset(preset);
        Map<String, String> settings = Settings.parse(sets, chosen.params());
        if (seeds != null) {
            try {
                chosen.params().with("seeds", seeds);
            } catch (ParamException e) {
                throw new UsageException("--seeds: " + e.getMessage().substring("seeds: ".length()));
            }
            settings.put("seeds", seeds);
        }
        if (cores != null && cores < 1) {
            throw new UsageException("--cores: must be an integer ≥ 1, got " + cores);
        }
        List<Variant> variants = chosen.variants(settings);
        List<String> warnings = new ArrayList<>(overriddenMethodSettings(chosen, settings));
        validate(variants).forEach(w -> {
            if (!warnings.contains(w)) {
                warnings.add(w);
            }
        });
        int seedCount = variants.get(0).params().seeds();
        for (Variant v : variants) {
            if (v.params().seeds() != seedCount || v.params().seed() != variants.get(0).params().seed()) {
                throw new UsageException(v.label() + ": seed and seeds must be the same for every method, so that "
                        + "methods are compared on the same tasks");
            }
        }
        Path dir = prepareOutput(out);
        warnings.forEach(w -> stderr.println("warning: " + w));

        int coreCount = cores != null ? cores : context.cores();
        long t0 = System.nanoTime();
        ExperimentView view;
        try (Experiment experiment = new Experiment(variants, seedCount, context.source(), RunOptions.DEFAULT, coreCount,
                Duration.ofMillis(250))) {
            ProgressBar bar = null;
            boolean terminal = context.stderrIsTerminal().getAsBoolean();
            if (progress || terminal) {
                bar = new ProgressBar(stderr, terminal);
                experiment.addListener(bar);
            }
            experiment.start();
            view = experiment.await();
            if (bar != null) {
                bar.finish(view.progress());
            }
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - t0);

        JsonNode evaluation = null;
        ExperimentEvaluation evaluated = null;
        if (evaluate) {
            evaluated = evaluation(view, variants, coreCount);
            evaluation = EvaluationJson.toJson(evaluated);
            evaluated.warnings().forEach(w -> stderr.println("warning: " + w));
        }
        Params base = chosen.params().withAll(settings);
        ExperimentRecord record = new ExperimentRecord(chosen.title(), chosen.description(), chosen.source(), base,
                variants, warnings, view, wall);
        List<Path> written;
        try {
            written = ResultFiles.write(dir, record, evaluation);
        } catch (IOException e) {
            throw new RuntimeFailure("cannot write the results to " + dir + ": " + reason(e));
        }
        printSummary(stdout, view, variants, evaluated, written);

        List<RunView> failed = view.runs().stream()
                .filter(r -> r.state() == RunState.DIVERGED || r.state() == RunState.FAILED).toList();
        if (!failed.isEmpty()) {
            RunView first = failed.get(0);
            String more = failed.size() > 1 ? " (" + (failed.size() - 1) + " more run(s) did not finish; see summary.json)" : "";
            throw new RuntimeFailure(first.label() + ", seed " + first.seed() + ": " + first.reason() + more);
        }
        return Cli.OK;
    }

    /**
     * The --evaluate hook: trained models are evaluated on fresh test tasks by core.eval (Table 1 protocol).
     */
    private static ExperimentEvaluation evaluation(ExperimentView view, List<Variant> variants, int threads) {
        return ExperimentEvaluation.of(view, variants, threads);
    }

    static Preset loadPreset(String nameOrPath) {
        if (nameOrPath == null) {
            return new Preset("defaults", "ANIL Explorer run", "The built-in default parameters.", "", Params.defaults(),
                    List.of());
        }
        try {
            return PresetReader.load(nameOrPath);
        } catch (PresetException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Warns when a --set replaces a value that one of the preset's methods sets itself (its label may then mislead). */
    static List<String> overriddenMethodSettings(Preset preset, Map<String, String> settings) {
        List<String> out = new ArrayList<>();
        for (org.anilexplorer.io.MethodSpec m : preset.methods()) {
            for (Map.Entry<String, String> e : settings.entrySet()) {
                String own = m.overrides().get(e.getKey());
                if (own != null && !own.equals(e.getValue())) {
                    out.add("--set " + e.getKey() + "=" + e.getValue() + " replaces " + e.getKey() + " = " + own
                            + " of the method '" + m.label() + "'");
                }
            }
        }
        return out;
    }

    /** Cross-field checks of every variant; returns the warnings (prefixed by the method when there are several). */
    static List<String> validate(List<Variant> variants) {
        List<String> warnings = new ArrayList<>();
        for (Variant v : variants) {
            String prefix = variants.size() > 1 ? v.label() + ": " : "";
            try {
                for (String w : v.params().validate()) {
                    if (!warnings.contains(prefix + w)) {
                        warnings.add(prefix + w);
                    }
                }
            } catch (ParamException e) {
                throw new UsageException(prefix + e.getMessage());
            }
        }
        return warnings;
    }

    /** Creates the directory if needed and proves it writable before any work starts. */
    static Path prepareOutput(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UsageException("--out " + dir + ": is a file, not a directory");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UsageException("--out " + dir + ": cannot create the directory (" + reason(e) + ")");
        }
        try {
            Path probe = Files.createTempFile(dir, ".write-test-", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw new UsageException("--out " + dir + ": cannot write there (" + reason(e) + ")");
        }
        return dir;
    }

    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory: " + e.getMessage();
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void printSummary(PrintWriter out, ExperimentView view, List<Variant> variants,
                                     ExperimentEvaluation evaluated, List<Path> written) {
        int width = Math.max(6, variants.stream().mapToInt(v -> v.label().length()).max().orElse(6));
        String labelColumn = "%-" + width + "s ";
        out.printf(Locale.ROOT, labelColumn + "%-6s %-10s %-11s %-22s %-22s %-22s %s%n", "method", "runs", "state",
                "iteration", "sv2_star_min", "sv2_star_max", "sv2_perp_max", "it/s");
        for (Variant v : variants) {
            List<RunView> runs = view.runsOf(v.label());
            long ok = runs.stream().filter(r -> r.state().isSuccess()).count();
            String state = runs.stream().map(r -> r.state().key()).distinct().reduce((a, b) -> a + "," + b).orElse("");
            AggregateSeries agg = view.aggregate(v.label());
            double rate = runs.stream().mapToDouble(RunView::iterationsPerSecond).average().orElse(0);
            if (agg.size() == 0) {
                out.printf(Locale.ROOT, labelColumn + "%d/%-4d %-10s (nothing recorded)%n", v.label(), ok, runs.size(), state);
                continue;
            }
            int last = agg.size() - 1;
            out.printf(Locale.ROOT, labelColumn + "%d/%-4d %-10s %-11d %-22s %-22s %-22s %.0f%n", v.label(), ok, runs.size(), state,
                    agg.iteration(last), band(agg.band(SeriesMetric.SV2_STAR_MIN), last),
                    band(agg.band(SeriesMetric.SV2_STAR_MAX), last), band(agg.band(SeriesMetric.SV2_PERP_MAX), last), rate);
        }
        Params first = variants.get(0).params();
        double[] lambda = LambdaStar.eigenvalues(first);
        out.printf(Locale.ROOT, "theory (Theorem 1, eq. 8): eigenvalues of Λ⋆ from %.4g to %.4g (α = %s)%n",
                lambda[lambda.length - 1], lambda[0], first.get(org.anilexplorer.core.params.ParamSpec.ALPHA));
        if (evaluated != null) {
            printEvaluation(out, evaluated);
        }
        out.println("wrote " + String.join(", ", written.stream().map(Path::toString).toList()));
    }

    private static void printEvaluation(PrintWriter out, ExperimentEvaluation e) {
        out.println("excess risk ½‖θ̂ − θ⋆‖² on fresh test tasks (mean ± std over runs):");
        JsonNode table = EvaluationJson.toJson(e).get("table");
        for (JsonNode row : table) {
            JsonNode half = row.get("half_squared_error");
            out.printf(Locale.ROOT, "  %-24s %-18s m_test=%-5d %.4f ± %.4f%n", row.get("method").asText(),
                    row.get("estimator").asText(), row.get("m_test").asInt(), half.get("mean").asDouble(Double.NaN),
                    half.get("std_over_runs").asDouble(Double.NaN));
        }
    }

    private static String band(Band b, int i) {
        return String.format(Locale.ROOT, "%.4g ± %.2g", b.mean(i), b.std(i));
    }
}
