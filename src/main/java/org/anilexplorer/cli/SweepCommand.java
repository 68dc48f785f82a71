package org.anilexplorer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.anilexplorer.core.params.ParamException;
import org.anilexplorer.core.sweep.JobResult;
import org.anilexplorer.core.sweep.JobStatus;
import org.anilexplorer.core.sweep.Shard;
import org.anilexplorer.core.sweep.SweepColumns;
import org.anilexplorer.core.sweep.SweepException;
import org.anilexplorer.core.sweep.SweepGrid;
import org.anilexplorer.core.sweep.SweepJob;
import org.anilexplorer.core.sweep.SweepPlan;
import org.anilexplorer.core.sweep.SweepRunner;
import org.anilexplorer.io.AtomicFiles;
import org.anilexplorer.io.Preset;
import org.anilexplorer.io.OutputRefusedException;
import org.anilexplorer.io.PresetException;
import org.anilexplorer.io.ResultSet;
import org.anilexplorer.sweep.SlurmScript;
import org.anilexplorer.sweep.SweepConfig;
import org.anilexplorer.sweep.SweepCsv;
import org.anilexplorer.sweep.SweepOutput;
import org.anilexplorer.sweep.SweepSection;
import org.anilexplorer.sweep.WorkFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sweep}: every cell of a grid × every method × every seed, in parallel, resumable, shardable; writes
 * sweep.csv, config.json, summary.json and the phase diagrams. {@code sweep merge} combines shards.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        description = {"Run a preset over a grid of parameter values (every cell × method × seed) on all cores and "
                + "write sweep.csv (one row per cell, method and seed), config.json, summary.json and phase diagrams "
                + "phase-<metric>.png/.svg.",
                "Results of finished runs are kept in DIR.partial as they end: after a crash or Ctrl-C the same "
                + "command resumes. --shard I/N runs one of N balanced parts; 'sweep merge' combines them; "
                + "--slurm FILE writes a script that does both on a Slurm cluster.",
                "Exit codes: 0 done (diverged cells are results, not errors), 1 a run failed or a write failed, "
                + "2 bad input, 130/143 interrupted (finished runs are kept)."},
        footer = {"", "Grid values: KEY=V1,V2,… or KEY=start:stop:count[:log] (endpoints included).", "",
                "Examples:",
                "  anil-explorer sweep --set tasks=inf --set iterations=2000 --grid alpha=0.05:0.8:5:log --grid m_in=5,20,80 --out s",
                "  anil-explorer sweep --preset sweep-stability --out stability",
                "  anil-explorer sweep --preset sweep-stability --shard 2/4 --out part2",
                "  anil-explorer sweep merge part1 part2 part3 part4 --out stability",
                "  anil-explorer sweep --preset sweep-stability --slurm submit.sh --shards 20 --slurm-option=--time=1:00:00 --out stability"})
final class SweepCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--preset", paramLabel = "NAME|FILE", description = "A preset (its parameters, methods and sweep section).")
    String preset;

    @Option(names = "--grid", paramLabel = "KEY=VALUES", description = "A swept parameter (repeatable; replaces the preset's grid).")
    List<String> grid = new ArrayList<>();

    @Option(names = "--metric", paramLabel = "NAME", description = "A metric to draw (repeatable; default: the preset's, else sv2_star_min, sv2_star_max, sv2_perp_max, distance).")
    List<String> metrics = new ArrayList<>();

    @Option(names = "--evaluate", description = "Also evaluate each trained model on fresh test tasks (adds risk_… columns).")
    boolean evaluate;

    /**
     * --set (for every cell), --seeds (per cell and method), --out, --overwrite, --dry-run, --quiet and --cores, as
     * every experiment command has them. --out is not required by picocli (that would demand it before 'sweep merge'
     * too): checked in call(). --checkpoint-every is refused: a sweep keeps each run's final values, not its states.
     */
    @Mixin
    ExperimentOptions options = new ExperimentOptions();

    @Option(names = "--shard", paramLabel = "I/N", description = "Run only part I of N balanced, disjoint parts.")
    String shard;

    @Option(names = "--slurm", paramLabel = "FILE", description = "Run nothing: write a bash script that submits the sweep to Slurm (array over shards + merge).")
    Path slurm;

    @Option(names = "--shards", paramLabel = "N", description = "Array tasks for --slurm (default 10).")
    Integer shards;

    @Option(names = "--slurm-option", paramLabel = "OPTION", description = "An extra sbatch option for --slurm (repeatable), e.g. --slurm-option=--partition=short.")
    List<String> slurmOptions = new ArrayList<>();

    SweepCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (options.checkpointEvery != null) {
            throw new UsageException("--checkpoint-every: a sweep keeps each run's final values, not its states; keep "
                    + "the states of one cell with 'run --set KEY=VALUE … --checkpoint-every N'");
        }
        SweepConfig config = resolve(preset, options.sets, options.seeds, grid, evaluate, metrics, shard);
        SweepPlan plan = config.plan();
        if (plan.jobs().stream().allMatch(SweepJob::refused)) {
            throw new UsageException("every cell was refused; the first: " + plan.jobs().get(0).refusal());
        }
        long refused = plan.jobs().stream().filter(SweepJob::refused).count();
        if (refused > 0) {
            SweepJob first = plan.jobs().stream().filter(SweepJob::refused).findFirst().orElseThrow();
            stderr.println("warning: " + refused + " of " + plan.jobs().size() + " runs have invalid parameters and are "
                    + "marked refused (first: " + plan.grid().settings(first.cell()) + " " + first.methodLabel() + ": "
                    + first.refusal() + ")");
        }
        if (options.dryRun) {
            dryRun(config, plan, ExperimentDriver.cores(options.cores, context), stdout);
            return Cli.OK;
        }
        if (options.out == null) {
            throw new UsageException("--out DIR is required (see 'anil-explorer sweep --help')");
        }
        if (slurm != null) {
            return writeSlurm(config, stdout);
        }
        int coreCount = ExperimentDriver.cores(options.cores, context);
        try (ResultSet set = openOutput(context, options.out, options.overwrite)) {
            return runSweep(set, config, plan, coreCount, stdout, stderr);
        } catch (IOException e) {
            // only removing the staging folder or the lock can fail here; the results are in place or refused
            throw new RuntimeFailure("cannot clean up beside " + options.out + ": " + ResultSet.reason(e));
        }
    }

    /** Takes --out for writing: refuses a non-empty folder without --overwrite, or one another process writes. */
    static ResultSet openOutput(CliContext context, Path dir, boolean overwrite) {
        try {
            return context.output().open(dir, overwrite);
        } catch (OutputRefusedException e) {
            throw new UsageException("--out " + e.getMessage());
        } catch (IOException e) {
            throw new UsageException("--out " + dir + ": cannot write there (" + ResultSet.reason(e) + ")");
        }
    }

    /**
     * The sweep a preset (null: the defaults) describes, with the command line's settings, seeds (null: the preset's
     * sweep section's, else its parameters'), grid (empty: the preset's), metrics and shard (null: all).
     */
    static SweepConfig resolve(String preset, List<String> sets, String seeds, List<String> grid, boolean evaluate,
            List<String> metrics, String shard) {
        Preset chosen = ExperimentDriver.loadPreset(preset);
        SweepSection section;
        try {
            section = SweepSection.ofPreset(preset);
        } catch (SweepException e) {
            throw new UsageException(e.getMessage());
        }
        List<String> allSets = new ArrayList<>();
        section.settings().forEach((k, v) -> allSets.add(k + "=" + v));
        allSets.addAll(sets);
        Map<String, String> settings = Settings.parse(allSets, chosen.params());
        try {
            SweepGrid g = grid.isEmpty() ? (section.grid().isEmpty() ? null : new SweepGrid(section.grid())) : SweepGrid.parse(grid);
            if (g == null) {
                throw new UsageException("--grid: at least one is needed (e.g. --grid alpha=0.05:0.8:5:log), "
                        + "or a preset with a sweep section");
            }
            for (String key : g.keys()) {
                if (settings.containsKey(key)) {
                    throw new UsageException("--set " + key + " and --grid " + key + ": a key is either set or swept");
                }
            }
            int n = seeds != null ? seedCount(seeds) : section.seeds() != null ? section.seeds()
                    : chosen.params().withAll(settings).seeds();
            if (n < 1 || n > 64) {
                throw new UsageException("--seeds: must be an integer in [1, 64], got " + n);
            }
            Shard s = shard == null ? Shard.ALL : Shard.parse(shard);
            return new SweepConfig(chosen, settings, g, n, evaluate || section.evaluate(),
                    metrics.isEmpty() ? section.metrics() : metrics, s);
        } catch (SweepException | ParamException | PresetException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static int seedCount(String seeds) {
        try {
            return Integer.parseInt(seeds.strip());
        } catch (NumberFormatException e) {
            throw new UsageException("--seeds: must be an integer in [1, 64], got '" + seeds + "'");
        }
    }

    /** Prints the sweep's config.json as it would be written, its size and its measured time estimate; writes nothing. */
    private void dryRun(SweepConfig config, SweepPlan plan, int coreCount, PrintWriter stdout) {
        List<SweepJob> mine = config.shard().select(plan.jobs());
        stdout.print(config.render());
        stdout.printf(Locale.ROOT, "sweep: %d cells × %d method(s) × %d seed(s) = %d runs%s, %,d iterations%n",
                plan.grid().cellCount(), plan.methodLabels().size(), plan.seeds(), plan.jobs().size(),
                config.shard().isAll() ? "" : " (shard " + config.shard() + ": " + mine.size() + ")",
                mine.stream().mapToLong(SweepJob::iterations).sum());
        try {
            SweepEstimate e = SweepEstimate.measure(mine, context.source(), coreCount);
            stdout.println(e.describe(coreCount) + (config.evaluate() ? " (the evaluation on test tasks comes on top)"
                    : ""));
        } catch (RuntimeException e) {
            // building a dynamics failed: the sweep marks that run failed and says why; the estimate is left out
            System.getLogger(SweepCommand.class.getName()).log(System.Logger.Level.DEBUG,
                    "no estimate: building a dynamics failed", e);
            stdout.println("estimate: not available (building a run failed; the sweep would report why)");
        }
    }

    private int runSweep(ResultSet set, SweepConfig config, SweepPlan plan, int coreCount, PrintWriter stdout,
            PrintWriter stderr) throws InterruptedException {
        SweepColumns columns = config.columns();
        List<SweepJob> mine = config.shard().select(plan.jobs());
        long t0 = System.nanoTime();
        try {
            WorkFolder folder = WorkFolder.open(options.out, config);
            Map<Integer, JobResult> results = new HashMap<>();
            for (Map.Entry<Integer, JobResult> e : folder.recorded(plan, columns).entrySet()) {
                if (config.shard().isAll() || mine.stream().anyMatch(j -> j.index() == e.getKey())) {
                    results.put(e.getKey(), e.getValue());
                }
            }
            int resumed = results.size();
            List<SweepJob> todo = mine.stream().filter(j -> !results.containsKey(j.index())).toList();
            stderr.printf(Locale.ROOT, "sweep: %d cells × %d method(s) × %d seed(s) = %d runs%s; %d to run on %d core(s)%s%n",
                    plan.grid().cellCount(), plan.methodLabels().size(), plan.seeds(), plan.jobs().size(),
                    config.shard().isAll() ? "" : " (shard " + config.shard() + ": " + mine.size() + ")",
                    todo.size(), coreCount, resumed > 0 ? " (" + resumed + " already done in " + folder.dir() + ")" : "");
            stderr.flush();
            Map<Integer, JobResult> fresh = new java.util.concurrent.ConcurrentHashMap<>();
            long iterations = todo.stream().mapToLong(SweepJob::iterations).sum();
            try (SweepRunner runner = new SweepRunner(todo, context.source(), coreCount, columns, r -> {
                try {
                    folder.record(plan.jobs().get(r.jobIndex()), r, columns);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                fresh.put(r.jobIndex(), r);
            }, Duration.ofMillis(250))) {
                ProgressBar bar = null;
                if (!options.quiet) {
                    bar = new ProgressBar(stderr, context.stderrIsTerminal().getAsBoolean());
                    runner.addListener(bar);
                }
                Thread hook = new Thread(() -> interrupted(runner, fresh, resumed, mine.size(), folder, stderr));
                Runtime.getRuntime().addShutdownHook(hook);
                try {
                    runner.start();
                    runner.await();
                } catch (UncheckedIOException e) {
                    throw new RuntimeFailure("cannot record a result in " + folder.dir() + ": " + ResultSet.reason(e.getCause()));
                } finally {
                    removeHook(hook);
                }
                if (runner.cancelled()) {
                    return Cli.INTERRUPTED; // Ctrl-C or SIGTERM: the hook has said what is kept; the JVM is exiting
                }
                if (bar != null) {
                    bar.finish(runner.progress());
                }
            }
            results.putAll(fresh);
            double wall = (System.nanoTime() - t0) / 1e9;
            Map<String, Object> timing = new LinkedHashMap<>();
            timing.put("wall_seconds", wall);
            timing.put("cores", coreCount);
            timing.put("runs_this_time", fresh.size());
            timing.put("runs_resumed", resumed);
            timing.put("iterations_this_time", iterations);
            timing.put("iterations_per_second", wall > 0 ? iterations / wall : 0);
            List<Path> written;
            try {
                written = SweepOutput.write(set.staging(), config, plan, results, timing, config.shard().isAll());
                set.commit();
            } catch (IOException e) {
                throw new RuntimeFailure("cannot write the results to " + options.out + ": " + ResultSet.reason(e)
                        + " (the finished runs stay in " + folder.dir() + ")");
            }
            try {
                folder.delete();
            } catch (IOException e) {
                stderr.println("warning: the results are in " + options.out + ", but " + folder.dir() + " could not be removed ("
                        + ResultSet.reason(e) + ")");
            }
            return report(stdout, stderr, plan, results, written);
        } catch (SweepException e) {
            throw new UsageException(e.getMessage());
        } catch (IOException e) {
            throw new RuntimeFailure("cannot use the work folder " + WorkFolder.pathFor(options.out) + ": " + ResultSet.reason(e));
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook is running or has run
        }
    }

    /** Ctrl-C or SIGTERM: stop the runs, keep every recorded result, say how to resume. */
    private void interrupted(SweepRunner runner, Map<Integer, JobResult> fresh, int resumed, int total, WorkFolder folder,
                             PrintWriter stderr) {
        try {
            runner.stop(Duration.ofSeconds(10)); // results of runs that ended are written before the JVM exits
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stderr.println();
        stderr.println("interrupted: " + (fresh.size() + resumed) + " of " + total + " runs are kept in " + folder.dir()
                + "; run the same command again to resume");
        stderr.flush();
    }

    private int report(PrintWriter stdout, PrintWriter stderr, SweepPlan plan, Map<Integer, JobResult> results,
            List<Path> written) {
        Map<JobStatus, Integer> counts = new java.util.EnumMap<>(JobStatus.class);
        results.values().forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        StringBuilder b = new StringBuilder();
        for (JobStatus s : JobStatus.values()) {
            if (counts.containsKey(s)) {
                b.append(b.length() == 0 ? "" : ", ").append(counts.get(s)).append(' ').append(s.key());
            }
        }
        stdout.println("runs: " + b);
        stdout.println("wrote " + String.join(", ", written.stream().map(p -> options.out.resolve(p.getFileName()).toString()).toList()));
        int failed = counts.getOrDefault(JobStatus.FAILED, 0);
        if (failed > 0) {
            JobResult first = results.values().stream().filter(r -> r.status() == JobStatus.FAILED).findFirst().orElseThrow();
            SweepJob job = plan.jobs().get(first.jobIndex());
            throw new RuntimeFailure(failed + " run(s) failed; the first, " + plan.grid().settings(job.cell()) + " "
                    + job.methodLabel() + " seed " + job.seed() + ": " + first.reason());
        }
        return Cli.OK;
    }

    private int writeSlurm(SweepConfig config, PrintWriter stdout) {
        int n = shards == null ? 10 : shards;
        if (n < 1 || n > 10_000) {
            throw new UsageException("--shards: must be an integer in [1, 10000], got " + n);
        }
        if (shard != null) {
            throw new UsageException("--shard and --slurm: the script runs every shard itself; leave out --shard");
        }
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String classPath = absoluteClassPath(System.getProperty("java.class.path"));
        String script = SlurmScript.render(config, java, classPath, options.out.toAbsolutePath().normalize(), n, slurmOptions);
        try {
            AtomicFiles.writeString(slurm, script);
            slurm.toFile().setExecutable(true);
        } catch (IOException e) {
            throw new RuntimeFailure("cannot write " + slurm + ": " + ResultSet.reason(e));
        }
        stdout.println("wrote " + slurm + ": submits " + n + " shards and a merge into " + options.out.toAbsolutePath().normalize()
                + "; run it on the cluster's login node with: bash " + slurm);
        return Cli.OK;
    }

    private static String absoluteClassPath(String cp) {
        List<String> parts = new ArrayList<>();
        for (String p : cp.split(java.io.File.pathSeparator)) {
            if (!p.isEmpty()) {
                parts.add(Path.of(p).toAbsolutePath().normalize().toString());
            }
        }
        return String.join(java.io.File.pathSeparator, parts);
    }

    /** {@code sweep merge DIR… --out DIR}: the shards' rows combined into one sweep.csv and its figures. */
    @Command(name = "merge", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Combine the result folders of all shards of one sweep (--shard 1/N … N/N) into one result set: "
                    + "the same sweep.csv rows and figures as a sweep on one machine.")
    static final class Merge implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "DIR", description = "The shards' output folders.")
        List<Path> dirs = new ArrayList<>();

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (must be empty or missing unless --overwrite).")
        Path out;

        @Option(names = "--overwrite", description = "Replace an existing result set in --out as a whole.")
        boolean overwrite;

        private final CliContext context;

        Merge(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            PrintWriter stdout = spec.commandLine().getOut();
            try (ResultSet set = openOutput(context, out, overwrite)) {
                SweepConfig first = null;
                Map<Integer, JobResult> all = new HashMap<>();
                Map<Integer, Path> shardDirs = new HashMap<>();
                SweepPlan plan = null;
                for (Path dir : dirs) {
                    Path cfg = dir.resolve(SweepOutput.CONFIG);
                    if (!Files.isRegularFile(cfg) || !Files.isRegularFile(dir.resolve(SweepCsv.FILE))) {
                        throw new UsageException(dir + ": not a finished sweep shard (no config.json and sweep.csv)");
                    }
                    SweepConfig c = SweepConfig.read(cfg);
                    if (first == null) {
                        first = c;
                        plan = c.plan();
                    } else if (!first.sameSweepAs(c)) {
                        throw new UsageException(dir + ": belongs to a different sweep than " + dirs.get(0));
                    } else if (c.shard().count() != first.shard().count()) {
                        throw new UsageException(dir + ": is shard " + c.shard() + ", but " + dirs.get(0) + " is shard "
                                + first.shard() + " (a different split)");
                    }
                    Path seen = shardDirs.put(c.shard().index(), dir);
                    if (seen != null) {
                        throw new UsageException(dir + " and " + seen + ": both hold shard " + c.shard());
                    }
                    Map<Integer, JobResult> rows = SweepCsv.read(dir.resolve(SweepCsv.FILE), plan, c.columns());
                    List<Integer> expected = c.shard().select(plan.jobs()).stream().map(SweepJob::index).sorted().toList();
                    if (!rows.keySet().stream().sorted().toList().equals(expected)) {
                        throw new UsageException(dir + ": its sweep.csv does not hold exactly the runs of shard " + c.shard()
                                + " (" + rows.size() + " rows, " + expected.size() + " expected)");
                    }
                    all.putAll(rows);
                }
                int n = first.shard().count();
                List<Integer> missing = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    if (!shardDirs.containsKey(i)) {
                        missing.add(i);
                    }
                }
                if (!missing.isEmpty()) {
                    throw new UsageException("shards " + missing + " of " + n + " are missing; give every shard's folder");
                }
                SweepConfig whole = first.withShard(Shard.ALL);
                Map<String, Object> timing = new LinkedHashMap<>();
                timing.put("merged_shards", n);
                List<Path> written = SweepOutput.write(set.staging(), whole, plan, all, timing, true);
                set.commit();
                stdout.println("merged " + n + " shard(s): " + all.size() + " runs");
                stdout.println("wrote " + String.join(", ", written.stream().map(p -> out.resolve(p.getFileName()).toString()).toList()));
                return Cli.OK;
            } catch (SweepException | PresetException e) {
                throw new UsageException(e.getMessage());
            } catch (IOException e) {
                throw new RuntimeFailure("cannot merge into " + out + ": " + ResultSet.reason(e));
            }
        }
    }
}
