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
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.anilexplorer.core.eval.EvaluationReport;
import org.anilexplorer.core.eval.PublishedTable1;
import org.anilexplorer.core.eval.Table1Comparison;
import org.anilexplorer.core.eval.Table1Summary;
import org.anilexplorer.core.metrics.RecordingSchedule;
import org.anilexplorer.core.params.ParamSpec;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.run.ExperimentEvaluation;
import org.anilexplorer.core.run.ExperimentView;
import org.anilexplorer.core.run.RiskRecording;
import org.anilexplorer.core.run.RunOptions;
import org.anilexplorer.core.run.Variant;
import org.anilexplorer.io.ConfigJson;
import org.anilexplorer.io.ExperimentRecord;
import org.anilexplorer.io.Table1Files;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Table 1 of [Y]: trains the preset's methods on every seed, evaluates each trained model on fresh test tasks with
 * 1-GD and ridge on the learned features (plus single-task and oracle ridge), and writes the table beside the
 * published one.
 */
@Command(name = "table1", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        description = {"Reproduce Table 1 (excess risk on new tasks): train every method of the preset on each seed, "
                + "evaluate it on fresh test tasks (1-GD, ridge on the learned features, single-task and oracle "
                + "ridge) and write table1.md, table1.json and config.json.",
                "Exit codes: 0 done, 1 a run diverged or failed (the table is still written), 2 bad input."},
        footer = {"", "Examples:",
                "  anil-explorer reproduce table1 --seeds 10 --out table1",
                "  anil-explorer reproduce table1 --seeds 2 --set test_tasks=200 --out quick"})
final class ReproduceTable1Command implements Callable<Integer> {

    /** Few records suffice: the table needs only the final model. */
    // Table 1 evaluates the final models only: no risk over iterations, so its measured cost is unchanged
    private static final RunOptions RECORDING = RunOptions.DEFAULT.withSchedule(new RecordingSchedule(10, 10))
            .withRisk(RiskRecording.NONE);

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--preset", paramLabel = "NAME|FILE", defaultValue = "table1",
            description = "The preset to reproduce (default: ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--seeds", paramLabel = "N", description = "Training runs per method (default: the preset's).")
    String seeds;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Set one parameter (repeatable), for every method.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created if missing).")
    Path out;

    @Option(names = "--progress", description = "Show progress on stderr even when it is not a terminal.")
    boolean progress;

    @Option(names = "--cores", paramLabel = "N", description = "Cores to use in total (default: all).")
    Integer cores;

    ReproduceTable1Command(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        ExperimentDriver.Resolved resolved = ExperimentDriver.resolve(preset, sets, seeds);
        int coreCount = ExperimentDriver.cores(cores, context);
        Path dir = RunCommand.prepareOutput(out);
        resolved.warnings().forEach(w -> stderr.println("warning: " + w));

        long t0 = System.nanoTime();
        ExperimentView view = ExperimentDriver.run(resolved, context, RECORDING, coreCount, progress, stderr);
        Params base = resolved.preset().params().withAll(resolved.settings());
        if (progress || context.stderrIsTerminal().getAsBoolean()) {
            stderr.println("evaluating the trained models on " + base.testTasks() + " test tasks per seed …");
            stderr.flush();
        }
        ExperimentEvaluation evaluation = ExperimentEvaluation.of(view, resolved.variants(), coreCount,
                Table1Summary.ESTIMATORS);
        Duration wall = Duration.ofNanos(System.nanoTime() - t0);

        Table1Comparison table = Table1Comparison.of(summary(evaluation, resolved.variants()));
        List<String> notes = new ArrayList<>();
        if (resolved.settings().keySet().stream().anyMatch(k -> !k.equals("seeds"))) {
            notes.add("--set changed the preset's parameters (" + resolved.settings() + "), so the paper's values are "
                    + "shown for reference only");
        }
        notes.addAll(resolved.warnings());
        evaluation.warnings().forEach(w -> {
            stderr.println("warning: " + w);
            notes.add(w);
        });
        ExperimentDriver.failed(view).forEach(r -> notes.add(r.label() + ", seed " + r.seed() + " did not finish ("
                + r.reason() + "); it is left out of the table"));
        ExperimentRecord record = new ExperimentRecord(resolved.preset().title(), resolved.preset().description(),
                resolved.preset().source(), base, resolved.variants(), resolved.warnings(), view, wall);
        Table1Files.Header header = new Table1Files.Header(resolved.preset().title(), setting(base),
                resolved.seedList(), base.testTasks(), wall, VersionProvider.version(), notes);
        List<Path> written;
        try {
            written = Table1Files.write(dir, table, header, ConfigJson.render(record));
        } catch (IOException e) {
            throw new RuntimeFailure("cannot write the results to " + dir + ": " + RunCommand.reason(e));
        }
        print(stdout, table, resolved.seeds(), wall);
        stdout.println("wrote " + String.join(", ", written.stream().map(Path::toString).toList()));
        ExperimentDriver.reportFailures(view, stderr);
        return Cli.OK;
    }

    /** Per method (in the preset's order) its per-seed reports, and the baselines of every seed. */
    static Table1Summary summary(ExperimentEvaluation evaluation, List<Variant> variants) {
        Map<String, List<EvaluationReport>> methods = new LinkedHashMap<>();
        for (Variant v : variants) {
            methods.put(v.label(), new ArrayList<>());
        }
        for (ExperimentEvaluation.RunEvaluation r : evaluation.runs()) {
            methods.get(r.label()).add(r.report());
        }
        methods.values().removeIf(List::isEmpty);
        return Table1Summary.of(evaluation.baselines().values(), methods, PublishedTable1.CONVENTION);
    }

    /** The main parameters in one line, with the paper's symbols. */
    private static String setting(Params p) {
        StringBuilder b = new StringBuilder();
        for (ParamSpec s : List.of(ParamSpec.TASKS, ParamSpec.D, ParamSpec.K, ParamSpec.K_PRIME, ParamSpec.M_IN,
                ParamSpec.M_OUT, ParamSpec.SIGMA2, ParamSpec.TASK_COV, ParamSpec.ALPHA, ParamSpec.BETA,
                ParamSpec.ITERATIONS, ParamSpec.INIT_SCALE, ParamSpec.M_TEST)) {
            b.append(b.length() == 0 ? "" : ", ").append(s.symbol().isEmpty() ? s.key() : s.symbol()).append(" = ")
                    .append(p.get(s));
        }
        return b.append(" (each method's own settings are in config.json)").toString();
    }

    private static String signed(double v) {
        return Math.abs(v) < 0.0005 ? "0.000" : String.format(Locale.ROOT, "%+.3f", v);
    }

    private static void print(PrintWriter out, Table1Comparison table, int seeds, Duration wall) {
        int width = Math.max(6, table.methods().stream().mapToInt(String::length).max().orElse(6));
        String row = "%-" + width + "s  %6s  %-5s  %-15s  %-5s  %s%n";
        out.printf(Locale.ROOT, "excess risk ½‖θ̂ − θ⋆‖², mean ± std over %d seed(s), beside Table 1 of the paper:%n",
                seeds);
        out.printf(Locale.ROOT, row, "method", "m_test", "est.", "ours", "paper", "difference");
        for (Table1Comparison.Entry e : table.entries()) {
            OptionalDouble diff = e.difference();
            out.printf(Locale.ROOT, row, e.method(), e.mTest(), Table1Files.estimatorName(e.column()),
                    String.format(Locale.ROOT, "%.3f ± %.3f", e.mean(), e.std()),
                    e.paper().map(p -> String.format(Locale.ROOT, "%.2f", p.mean())).orElse("—"),
                    diff.isPresent() ? signed(diff.getAsDouble()) : "—");
        }
        table.largestDifference().ifPresent(e -> out.printf(Locale.ROOT,
                "largest |difference| %.3f (%s, m_test = %d, %s); took %s%n", Math.abs(e.difference().getAsDouble()),
                e.method(), e.mTest(), Table1Files.estimatorName(e.column()), ProgressBar.clock(wall)));
    }
}
