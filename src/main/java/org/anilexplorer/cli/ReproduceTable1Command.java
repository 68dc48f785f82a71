package org.anilexplorer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.anilexplorer.core.stats.SeedStatistics;
import java.util.Map;
import java.util.Optional;
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
import org.anilexplorer.core.run.RiskRecording;
import org.anilexplorer.core.run.RunOptions;
import org.anilexplorer.core.run.Variant;
import org.anilexplorer.io.ConfigJson;
import org.anilexplorer.io.Table1Files;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
                Cli.EXIT_CODES},
        footer = {"", "Examples:",
                "  anil-explorer reproduce table1 --seeds 10 --out table1",
                "  anil-explorer reproduce table1 --seeds 2 --set test_tasks=200 --out quick"})
final class ReproduceTable1Command implements Callable<Integer> {

    /** Few records suffice, and no risk curve (a ridge fit per record): the table needs only the final model. */
    private static final RunOptions RECORDING = RunOptions.DEFAULT.withSchedule(new RecordingSchedule(10, 10))
            .withRisk(RiskRecording.NONE);
    /** The bundled preset holding the paper's setting. */
    static final String PAPER_PRESET = "table1";

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--preset", paramLabel = "NAME|FILE", defaultValue = "table1",
            description = "The preset to reproduce (default: ${DEFAULT-VALUE}).")
    String preset;

    @Mixin
    ExperimentOptions options = new ExperimentOptions();

    ReproduceTable1Command(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        return ExperimentDriver.execute(preset, options, RECORDING, context, spec.commandLine().getOut(),
                spec.commandLine().getErr(), this::write);
    }

    private ExperimentDriver.Report write(ExperimentDriver.Completed done, Path dir) throws IOException {
        ExperimentDriver.Resolved resolved = done.resolved();
        PrintWriter stderr = done.stderr();
        Params base = resolved.base();
        if (!options.quiet) {
            stderr.println("evaluating the trained models on " + base.testTasks() + " test tasks per seed …");
            stderr.flush();
        }
        long t0 = System.nanoTime();
        ExperimentEvaluation evaluation = ExperimentEvaluation.of(done.view(), resolved.variants(), done.cores(),
                Table1Summary.ESTIMATORS);
        Duration wall = done.wallTime().plusNanos(System.nanoTime() - t0);

        Table1Comparison table = Table1Comparison.of(summary(evaluation, resolved.variants()));
        List<String> notes = new ArrayList<>();
        Optional<String> setting = paperSettingDiffers(resolved);
        setting.ifPresent(notes::add);
        notes.addAll(resolved.warnings());
        evaluation.warnings().forEach(w -> {
            stderr.println("warning: " + w);
            notes.add(w);
        });
        ExperimentDriver.failed(done.view()).forEach(r -> notes.add(r.label() + ", seed " + r.seed()
                + " did not finish (" + r.reason() + "); it is left out of the table"));
        Table1Files.Header header = new Table1Files.Header(resolved.preset().title(), setting(base),
                resolved.seedList(), base.testTasks(), wall, VersionProvider.version(), notes);
        Table1Files.write(dir, table, header, ConfigJson.render(done.record()));
        return out -> {
            setting.ifPresent(n -> out.println("note: " + n));
            print(out, table, resolved.seeds(), wall, setting.isPresent());
        };
    }

    /**
     * Why the paper's column does not apply, when the parameters differ from the bundled {@code table1} preset (the
     * paper's setting) other than in the seeds; empty when they are the same.
     */
    static Optional<String> paperSettingDiffers(ExperimentDriver.Resolved resolved) {
        ExperimentDriver.Resolved paper = ExperimentDriver.resolve(PAPER_PRESET, List.of(), null);
        List<String> differences = new ArrayList<>();
        if (paper.variants().size() != resolved.variants().size()) {
            differences.add("other methods");
        } else {
            for (int i = 0; i < paper.variants().size(); i++) {
                Variant ours = resolved.variants().get(i);
                Variant theirs = paper.variants().get(i);
                if (!ours.label().equals(theirs.label())) {
                    differences.add("method " + ours.label());
                }
                for (ParamSpec s : ParamSpec.values()) {
                    if (s != ParamSpec.SEED && s != ParamSpec.SEEDS && !ours.params().get(s).equals(theirs.params().get(s))
                            && !differences.contains(s.key())) {
                        differences.add(s.key());
                    }
                }
            }
        }
        if (differences.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("the setting differs from the paper's (bundled preset '" + PAPER_PRESET + "'): "
                + String.join(", ", differences) + "; the paper column does not apply to these numbers and the "
                + "differences are shown for reference only");
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

    private static void print(PrintWriter out, Table1Comparison table, int seeds, Duration wall, boolean otherSetting) {
        int width = Math.max(6, table.methods().stream().mapToInt(String::length).max().orElse(6));
        String row = "%-" + width + "s  %6s  %-5s  %-15s  %-5s  %s%n";
        out.printf(Locale.ROOT, "excess risk ½‖θ̂ − θ⋆‖², %s, beside Table 1 of the paper%s:%n",
                SeedStatistics.describe(seeds), otherSetting ? " (another setting: for reference only)" : "");
        out.printf(Locale.ROOT, row, "method", "m_test", "est.", "ours", "paper", "difference");
        for (Table1Comparison.Entry e : table.entries()) {
            OptionalDouble diff = e.difference();
            out.printf(Locale.ROOT, row, e.method(), e.mTest(), Table1Files.estimatorName(e.column()),
                    SeedStatistics.format("%.3f", e.mean(), e.std()),
                    e.paper().map(p -> String.format(Locale.ROOT, "%.2f", p.mean())).orElse("—"),
                    diff.isPresent() ? signed(diff.getAsDouble()) : "—");
        }
        table.largestDifference().ifPresent(e -> out.printf(Locale.ROOT,
                "largest |difference| %.3f (%s, m_test = %d, %s)%s; took %s%n", Math.abs(e.difference().getAsDouble()),
                e.method(), e.mTest(), Table1Files.estimatorName(e.column()),
                otherSetting ? " — not a comparison: the setting differs from the paper's" : "", ProgressBar.clock(wall)));
    }
}
