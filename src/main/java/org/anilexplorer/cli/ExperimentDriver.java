package org.anilexplorer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.anilexplorer.core.params.ParamException;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.run.Checkpointing;
import org.anilexplorer.core.run.Experiment;
import org.anilexplorer.core.run.Experiment.RunPlan;
import org.anilexplorer.core.run.ExperimentView;
import org.anilexplorer.core.run.RunEstimate;
import org.anilexplorer.core.run.RunOptions;
import org.anilexplorer.core.run.RunState;
import org.anilexplorer.core.run.RunView;
import org.anilexplorer.core.run.Variant;
import org.anilexplorer.io.ConfigJson;
import org.anilexplorer.io.ExperimentRecord;
import org.anilexplorer.io.MethodSpec;
import org.anilexplorer.io.OutputRefusedException;
import org.anilexplorer.io.Preset;
import org.anilexplorer.io.PresetException;
import org.anilexplorer.io.PresetReader;
import org.anilexplorer.io.ResultFiles;
import org.anilexplorer.io.ResultSet;

/**
 * The one life of every experiment command ({@code run}, {@code reproduce table1}, {@code reproduce figures},
 * {@code figure}): resolve the preset with {@code --set} and {@code --seeds} into checked variants; on
 * {@code --dry-run} print them with the time and memory estimate and stop; otherwise take the output folder
 * ({@link ResultSet}), train every variant on every seed with progress (a long run is announced early, from its own
 * speed: {@link LongRunNotice}), let the command write
 * its files into the staging folder, and put the set in place. Ctrl-C or SIGTERM keeps what was done
 * ({@link InterruptGuard}); failures are one line, with the same wording for every command.
 */
final class ExperimentDriver {

    /** How long the estimate steps each variant. */
    private static final Duration ESTIMATE_BUDGET = Duration.ofMillis(200);

    private ExperimentDriver() {
    }

    /** What a command makes of a complete experiment. */
    interface Products {

        /**
         * Writes the command's files into {@code dir} (the staging folder). Runs after training; may evaluate or draw.
         *
         * @return what to print on stdout once the set is in place
         */
        Report write(Completed completed, Path dir) throws IOException;
    }

    /** Lines for stdout after the set is in place. */
    @FunctionalInterface
    interface Report {
        void print(PrintWriter out);
    }

    /** The variants of a preset after the user's settings, validated, with the warnings to show. */
    record Resolved(Preset preset, Map<String, String> settings, List<Variant> variants, List<String> warnings) {

        int seeds() {
            return variants.get(0).params().seeds();
        }

        List<Long> seedList() {
            List<Long> out = new ArrayList<>();
            for (int i = 0; i < seeds(); i++) {
                out.add(variants.get(0).params().seedOf(i));
            }
            return out;
        }

        /** The preset's parameters with the user's settings. */
        Params base() {
            return preset.params().withAll(settings);
        }
    }

    /** A trained experiment, for the command to write. */
    record Completed(Resolved resolved, ExperimentView view, Duration wallTime, int cores, PrintWriter stderr) {

        ExperimentRecord record() {
            Preset p = resolved.preset();
            return new ExperimentRecord(p.title(), p.description(), p.source(), resolved.base(), resolved.variants(),
                    resolved.warnings(), view, wallTime);
        }
    }

    /**
     * Runs an experiment command end to end and returns its exit code.
     *
     * @param preset    the preset's name or file (null: the built-in defaults)
     * @param recording how the runs record
     * @param products  the command's own files
     */
    static int execute(String preset, ExperimentOptions o, RunOptions recording, CliContext context, PrintWriter stdout,
            PrintWriter stderr, Products products) throws InterruptedException {
        return execute(preset, null, o, recording, context, stdout, stderr, products);
    }

    /**
     * As {@link #execute(String, ExperimentOptions, RunOptions, CliContext, PrintWriter, PrintWriter, Products)};
     * with a {@code continuation}, every run continues from its checkpoint in another result set (whose
     * configuration replaces the preset) and the command's files hold what was recorded from that checkpoint on.
     */
    static int execute(String preset, Continuation continuation, ExperimentOptions o, RunOptions recording,
            CliContext context, PrintWriter stdout, PrintWriter stderr, Products products) throws InterruptedException {
        Resolved resolved = resolve(continuation == null ? preset : continuation.preset(), o.sets, o.seeds);
        List<RunPlan> plans = continuation == null ? plan(resolved)
                : continuation.plans(resolved.variants(), resolved.seedList(), resolved.settings());
        if (continuation != null) {
            Preset p = resolved.preset();
            resolved = new Resolved(new Preset(p.origin(), p.title(), (p.description() + " Continued from "
                    + continuation.dir() + " at iteration " + continuation.at() + ".").strip(), p.source(), p.params(),
                    p.methods()), resolved.settings(), resolved.variants(), resolved.warnings());
        }
        if (o.checkpointEvery != null && o.checkpointEvery < 1) {
            throw new UsageException("--checkpoint-every: must be an integer ≥ 1, got " + o.checkpointEvery);
        }
        int cores = cores(o.cores, context);
        if (o.dryRun) {
            dryRun(resolved, continuation == null ? 0 : continuation.at(), recording, cores, context, stdout);
            return Cli.OK;
        }
        if (o.out == null) {
            throw new UsageException("Missing required option: '--out=DIR'");
        }
        try (InterruptGuard guard = InterruptGuard.install(); ResultSet set = openOutput(o, context);
             CheckpointWriter checkpoints = o.checkpointEvery == null ? null
                     : new CheckpointWriter(set.staging(), resolved.variants())) {
            resolved.warnings().forEach(w -> stderr.println("warning: " + w));
            RunOptions options = checkpoints == null ? recording
                    : recording.withCheckpoints(new Checkpointing(o.checkpointEvery, checkpoints));
            long t0 = System.nanoTime();
            ExperimentView view = train(resolved, plans, context, options, cores, !o.quiet, stderr, guard);
            if (continuation != null) {
                view = since(view, continuation.at());
            }
            Completed done = new Completed(resolved, view, Duration.ofNanos(System.nanoTime() - t0), cores, stderr);
            if (checkpoints != null) {
                try {
                    checkpoints.finish();
                } catch (IOException e) {
                    throw new RuntimeFailure(writeFailure(o.out, set, e));
                }
            }
            if (guard.fired()) {
                keepInterrupted(done, set, o.out, stderr);
                return Cli.INTERRUPTED;
            }
            Report report;
            List<String> files;
            try {
                report = products.write(done, set.staging());
                files = listing(set.staging());
                set.commit();
            } catch (IOException e) {
                throw new RuntimeFailure(writeFailure(o.out, set, e));
            }
            report.print(stdout);
            stdout.println("wrote " + o.out + ": " + String.join(", ", files));
            stdout.flush();
            reportFailures(view, stderr);
            return Cli.OK;
        } catch (IOException e) {
            // only removing the staging folder or the lock can fail here; the results are in place or refused
            throw new RuntimeFailure("cannot clean up beside " + o.out + ": " + ResultSet.reason(e));
        }
    }

    private static ResultSet openOutput(ExperimentOptions o, CliContext context) {
        try {
            return context.output().open(o.out, o.overwrite);
        } catch (OutputRefusedException e) {
            throw new UsageException("--out " + e.getMessage());
        } catch (IOException e) {
            throw new UsageException("--out " + o.out + ": cannot write there (" + ResultSet.reason(e) + ")");
        }
    }

    /** After a signal: the plain result files of every run as far as it got, marked interrupted, and one line. */
    private static void keepInterrupted(Completed done, ResultSet set, Path out, PrintWriter stderr) {
        List<RunView> runs = done.view().runs();
        long finished = runs.stream().filter(r -> r.state().isSuccess()).count();
        long partial = runs.stream().filter(r -> r.state() == RunState.CANCELLED && r.series().size() > 0).count();
        long failed = runs.stream().filter(r -> r.state() == RunState.DIVERGED || r.state() == RunState.FAILED).count();
        long notStarted = runs.size() - finished - partial - failed;
        List<String> files;
        try {
            ResultFiles.write(set.staging(), done.record(), null);
            files = listing(set.staging());
            set.commit();
        } catch (IOException e) {
            stderr.println("error: interrupted, and " + writeFailure(out, set, e));
            stderr.flush();
            return;
        }
        stderr.printf(Locale.ROOT, "interrupted: kept %d finished and %d unfinished run(s) (up to their last recorded "
                + "iteration) in %s (%s; summary.json says \"interrupted\": true)%s%s%n",
                finished, partial, out, String.join(", ", files), failed > 0 ? "; " + failed + " failed" : "",
                notStarted > 0 ? "; " + notStarted + " never started" : "");
        stderr.flush();
    }

    /** "cannot write out/figure2.png: No space left on device (the folder out is left as it was)". */
    private static String writeFailure(Path out, ResultSet set, IOException e) {
        Path file = set.failedPath(e);
        Path shown = file.equals(set.target()) ? out : out.resolve(set.target().relativize(file));
        return "cannot write " + shown + ": " + ResultSet.reason(e) + " (nothing was written; " + out
                + (Files.exists(set.target()) ? " is left as it was)" : " was not created)");
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Loads {@code nameOrPath} (null: the built-in defaults); a bad preset is a usage error naming the field. */
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

    /**
     * Loads {@code presetName}, applies {@code sets} and {@code seeds} (null keeps the preset's), and checks every
     * variant; bad input becomes a {@link UsageException} naming the field.
     */
    static Resolved resolve(String presetName, List<String> sets, String seeds) {
        Preset chosen = loadPreset(presetName);
        Map<String, String> settings = Settings.parse(sets, chosen.params());
        if (seeds != null) {
            try {
                chosen.params().with("seeds", seeds);
            } catch (ParamException e) {
                throw new UsageException("--seeds: " + e.getMessage().substring("seeds: ".length()));
            }
            String set = settings.get("seeds");
            if (set != null && !set.equals(seeds)) {
                throw new UsageException("--seeds " + seeds + " and --set seeds=" + set + " disagree; give only one");
            }
            settings.put("seeds", seeds);
        }
        List<Variant> variants;
        try {
            variants = chosen.variants(settings);
        } catch (ParamException e) {
            throw new UsageException(e.getMessage());
        }
        List<String> warnings = new ArrayList<>(overriddenMethodSettings(chosen, settings));
        validate(variants).forEach(w -> {
            if (!warnings.contains(w)) {
                warnings.add(w);
            }
        });
        Variant first = variants.get(0);
        for (Variant v : variants) {
            if (v.params().seeds() != first.params().seeds() || v.params().seed() != first.params().seed()) {
                throw new UsageException(v.label() + ": seed and seeds must be the same for every method, so that "
                        + "methods are compared on the same tasks");
            }
        }
        return new Resolved(chosen, settings, variants, warnings);
    }

    /** Warns when a --set replaces a value that one of the preset's methods sets itself (its label may then mislead). */
    static List<String> overriddenMethodSettings(Preset preset, Map<String, String> settings) {
        List<String> out = new ArrayList<>();
        for (MethodSpec m : preset.methods()) {
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

    /** The cores to use: {@code --cores} if given (≥ 1), else the context's. */
    static int cores(Integer option, CliContext context) {
        if (option != null && option < 1) {
            throw new UsageException("--cores: must be an integer ≥ 1, got " + option);
        }
        return option != null ? option : context.cores();
    }

    private static RunEstimate estimate(Resolved r, RunOptions recording, int cores, CliContext context) {
        try {
            return RunEstimate.measure(r.variants(), r.seeds(), cores, context.source(), recording, ESTIMATE_BUDGET);
        } catch (RuntimeException e) {
            // building the dynamics failed: the run itself will fail the same way and say so per run
            System.getLogger(ExperimentDriver.class.getName()).log(System.Logger.Level.DEBUG,
                    "no estimate: building the dynamics failed", e);
            return null;
        }
    }

    /**
     * Prints the resolved configuration (as config.json would hold it) and the estimate of the iterations from
     * {@code start} (a continuation's checkpoint; 0 otherwise) to each run's end; writes nothing.
     */
    private static void dryRun(Resolved r, long start, RunOptions recording, int cores, CliContext context,
            PrintWriter out) {
        try (Experiment unstarted = new Experiment(r.variants(), r.seeds(), context.source(), recording, cores,
                Duration.ofSeconds(1))) {
            Preset p = r.preset();
            ExperimentRecord record = new ExperimentRecord(p.title(), p.description(), p.source(), r.base(),
                    r.variants(), r.warnings(), unstarted.view(), Duration.ZERO);
            out.print(ConfigJson.render(record));
        }
        RunEstimate e = estimate(r, recording, cores, context);
        if (e == null) {
            out.println("estimate: not available (building the dynamics failed; a run would report why)");
            return;
        }
        if (start > 0) {
            e = e.from(start, r.seeds(), cores);
            out.printf(Locale.ROOT, "continuing from iteration %,d: only the iterations after it are counted%n", start);
        }
        out.println(estimateLine(e, r, cores));
        for (RunEstimate.VariantCost c : e.perVariant()) {
            out.printf(Locale.ROOT, "  %s: %,d iterations at %.3g ms each (single core, measured), %s per run%n",
                    c.label(), c.iterations(), c.secondsPerIteration() * 1e3,
                    ProgressBar.words(Duration.ofNanos((long) Math.min(Long.MAX_VALUE / 2.0,
                            c.secondsPerIteration() * c.iterations() * 1e9))));
        }
    }

    static String estimateLine(RunEstimate e, Resolved r, int cores) {
        return String.format(Locale.ROOT, "estimate: about %s for %d run(s) (%,d iterations) on %d core(s), "
                + "about %s of memory", ProgressBar.words(e.wallTime()), r.variants().size() * r.seeds(),
                e.totalIterations(), cores, megabytes(e.heapBytes()));
    }

    private static String megabytes(long bytes) {
        double mb = bytes / 1e6;
        return mb >= 1000 ? String.format(Locale.ROOT, "%.1f GB", mb / 1000) : String.format(Locale.ROOT, "%.0f MB", Math.max(1, mb));
    }

    /** Every variant on every seed from t = 0, in the order of the results. */
    private static List<RunPlan> plan(Resolved r) {
        List<RunPlan> plans = new ArrayList<>();
        for (long seed : r.seedList()) {
            for (Variant v : r.variants()) {
                plans.add(new RunPlan(v, seed, null));
            }
        }
        return plans;
    }

    /** The view with only what each run recorded at or after iteration t. */
    private static ExperimentView since(ExperimentView view, long t) {
        return new ExperimentView(view.runs().stream().map(r -> r.since(t)).toList(), view.progress());
    }

    /** Runs the planned runs with progress; a signal cancels the runs (see {@link InterruptGuard}). */
    private static ExperimentView train(Resolved r, List<RunPlan> plans, CliContext context, RunOptions options,
            int cores, boolean progress, PrintWriter stderr, InterruptGuard guard) throws InterruptedException {
        try (Experiment experiment = new Experiment(plans, context.source(), options, cores,
                Duration.ofMillis(250))) {
            ProgressBar bar = null;
            if (progress) {
                bar = new ProgressBar(stderr, context.stderrIsTerminal().getAsBoolean());
                experiment.addListener(new LongRunNotice(bar, r.variants().size() * r.seeds(), cores));
                experiment.addListener(bar);
            }
            guard.attach(experiment);
            experiment.start();
            ExperimentView view = experiment.await();
            if (bar != null) {
                bar.finish(view.progress());
            }
            return view;
        }
    }

    /** Runs that diverged or failed; empty when every run finished. */
    static List<RunView> failed(ExperimentView view) {
        return view.runs().stream().filter(x -> x.state() == RunState.DIVERGED || x.state() == RunState.FAILED)
                .toList();
    }

    /**
     * After the files are in place: each failed run but the first as a warning, then the first as the one-line
     * failure (exit code 1). Does nothing when every run finished.
     */
    static void reportFailures(ExperimentView view, PrintWriter stderr) {
        List<RunView> failed = failed(view);
        if (failed.isEmpty()) {
            return;
        }
        for (RunView r : failed.subList(1, failed.size())) {
            stderr.println("warning: " + r.label() + ", seed " + r.seed() + ": " + r.reason());
        }
        RunView first = failed.get(0);
        String more = failed.size() > 1 ? " (and " + (failed.size() - 1) + " more run(s), above; see summary.json)" : "";
        throw new RuntimeFailure(first.label() + ", seed " + first.seed() + ": " + first.reason() + more);
    }
}
