package org.anilexplorer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.anilexplorer.core.stats.SeedStatistics;
import java.util.concurrent.Callable;
import org.anilexplorer.core.params.ParamSpec;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.run.AggregateSeries;
import org.anilexplorer.core.run.Band;
import org.anilexplorer.core.run.ExperimentEvaluation;
import org.anilexplorer.core.run.ExperimentView;
import org.anilexplorer.core.run.RunOptions;
import org.anilexplorer.core.run.RunView;
import org.anilexplorer.core.run.SeriesMetric;
import org.anilexplorer.core.run.Variant;
import org.anilexplorer.core.theory.LambdaStar;
import org.anilexplorer.io.EvaluationJson;
import org.anilexplorer.io.ResultFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Trains every method of a preset on every seed and writes config.json, metrics.csv, risk.csv and summary.json. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        description = {"Train the methods of a preset (or the defaults) on N seeds and write config.json, "
                + "metrics.csv, risk.csv and summary.json into the output folder.",
                Cli.EXIT_CODES},
        footer = {"", "Examples:",
                "  anil-explorer run --out results",
                "  anil-explorer run --set tasks=inf --set iterations=20000 --out inf",
                "  anil-explorer run --preset NAME --seeds 5 --out cmp",
                "  anil-explorer run --preset presets/teaching.json --set alpha=0.05 --evaluate --out ev",
                "  anil-explorer run --preset figures-2-3 --seeds 10 --dry-run",
                "  anil-explorer run --checkpoint-every 500 --out base",
                "  anil-explorer run --from base --at 1000 --set alpha=0.05 --out branch",
                "", "Parameter keys: see 'anil-explorer params'. Bundled presets: see 'anil-explorer presets'."})
final class RunCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--preset", paramLabel = "NAME|FILE",
            description = "A preset file, or the name of a bundled preset. Default: the built-in defaults.")
    String preset;

    @Mixin
    ExperimentOptions options = new ExperimentOptions();

    @Option(names = "--from", paramLabel = "DIR", description = "Continue every method and seed of the result set DIR "
            + "from its checkpoint at --at T (see --checkpoint-every) to 'iterations', under DIR's configuration and "
            + "the --set values; the files hold the rows from T on. Without --set they equal DIR's rows from T on.")
    java.nio.file.Path from;

    @Option(names = "--at", paramLabel = "T", description = "With --from: the checkpoint iteration to continue from.")
    Long at;

    @Option(names = "--evaluate", description = "Also evaluate each trained model on fresh test tasks (1-GD, k-step GD, ridge, baselines).")
    boolean evaluate;

    RunCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        return ExperimentDriver.execute(preset, continuation(), options, RunOptions.DEFAULT, context,
                spec.commandLine().getOut(),
                spec.commandLine().getErr(), (done, dir) -> {
                    JsonNode evaluation = null;
                    ExperimentEvaluation evaluated = null;
                    if (evaluate) {
                        evaluated = ExperimentEvaluation.of(done.view(), done.resolved().variants(), done.cores());
                        evaluation = EvaluationJson.toJson(evaluated);
                        evaluated.warnings().forEach(w -> done.stderr().println("warning: " + w));
                    }
                    ResultFiles.write(dir, done.record(), evaluation);
                    ExperimentEvaluation shown = evaluated;
                    return out -> printSummary(out, done.view(), done.resolved().variants(), shown);
                });
    }

    /** The --from and --at pair, checked; null without them. */
    private Continuation continuation() {
        if (from == null && at == null) {
            return null;
        }
        if (from == null) {
            throw new UsageException("--at needs --from DIR (the result set to continue)");
        }
        if (at == null) {
            throw new UsageException("--from needs --at T (the checkpoint iteration to continue from)");
        }
        if (preset != null) {
            throw new UsageException("--from and --preset cannot be given together: --from continues DIR's own "
                    + "configuration (change it with --set)");
        }
        if (at < 0) {
            throw new UsageException("--at: must be an iteration ≥ 0, got " + at);
        }
        return new Continuation(from, at);
    }

    private static void printSummary(PrintWriter out, ExperimentView view, List<Variant> variants,
                                     ExperimentEvaluation evaluated) {
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
                lambda[lambda.length - 1], lambda[0], first.get(ParamSpec.ALPHA));
        if (evaluated != null) {
            printEvaluation(out, evaluated);
        }
    }

    private static void printEvaluation(PrintWriter out, ExperimentEvaluation e) {
        out.println("excess risk ½‖θ̂ − θ⋆‖² on fresh test tasks (" + SeedStatistics.NAME + " over runs):");
        JsonNode table = EvaluationJson.toJson(e).get("table");
        for (JsonNode row : table) {
            JsonNode half = row.get("half_squared_error");
            out.printf(Locale.ROOT, "  %-24s %-18s m_test=%-5d %s%n", row.get("method").asText(),
                    row.get("estimator").asText(), row.get("m_test").asInt(), SeedStatistics.format("%.4f",
                            half.get("mean").asDouble(Double.NaN), half.get("std_over_runs").asDouble(Double.NaN)));
        }
    }

    private static String band(Band b, int i) {
        String mean = String.format(Locale.ROOT, "%.4g", b.mean(i));
        return Double.isFinite(b.std(i)) ? mean + " ± " + String.format(Locale.ROOT, "%.2g", b.std(i)) : mean;
    }
}
