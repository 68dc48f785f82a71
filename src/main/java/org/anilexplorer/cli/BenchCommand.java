package org.anilexplorer.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.anilexplorer.core.algo.Dynamics;
import org.anilexplorer.core.algo.FiniteTasks;
import org.anilexplorer.core.algo.StreamingBandwidth;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.run.Divergence;
import org.anilexplorer.core.run.Experiment;
import org.anilexplorer.core.run.ExperimentView;
import org.anilexplorer.core.run.RunOptions;
import org.anilexplorer.core.run.RunView;
import org.anilexplorer.core.run.Variant;
import org.anilexplorer.core.sweep.JobResult;
import org.anilexplorer.core.sweep.JobStatus;
import org.anilexplorer.core.sweep.SweepException;
import org.anilexplorer.core.sweep.SweepJob;
import org.anilexplorer.core.sweep.SweepPlan;
import org.anilexplorer.core.sweep.SweepRunner;
import org.anilexplorer.io.Json;
import org.anilexplorer.io.Preset;
import org.anilexplorer.sweep.SweepConfig;
import org.anilexplorer.sweep.SweepSection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Times the chosen algorithm: builds it, warms the JIT up, then measures wall time over a number of iterations
 * and reports iterations per second and GFLOP/s from {@code Dynamics.flopsPerIteration()}. For finite-task methods it
 * also times the machine's streaming bandwidth in the same run and reports the "floor": the iterations per second
 * a step could reach if it did nothing but read every task's samples once, and the fraction of it the kernel reaches.
 *
 * <p>With {@code --preset} (and no {@code --method}) it times the whole experiment instead: every method × seed
 * scheduled as {@code run} schedules them, against the ideal of every core running single-thread runs at the speed
 * each method reaches alone. A preset with a sweep section is timed as the sweep it describes (every cell × method
 * × seed, as {@code sweep} runs it).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        description = {"Time one training step of the chosen algorithm (after a warm-up) and report iterations/s, "
                + "GFLOP/s, task data read per second and the fraction of the machine's streaming floor.",
                "With --preset (and no --method): the throughput of the preset's whole experiment (all methods × seeds); "
                        + "for a preset with a sweep section, of the whole sweep (every cell × method × seed)."},
        footer = {"", "Examples:",
                "  anil-explorer bench --set d=50 --set k=5 --set k_prime=50 --set tasks=5000",
                "  anil-explorer bench --preset table1 --method FO-MAML --json",
                "  anil-explorer bench --preset table1 --seeds 2 --iterations 100",
                "  anil-explorer bench --preset sweep-stability --seeds 1 --iterations 1000",
                "  anil-explorer bench --set tasks=inf --iterations 20000 --json"})
final class BenchCommand implements Callable<Integer> {

    private static final double AUTO_WARMUP_SECONDS = 1.0;
    private static final double AUTO_MEASURE_SECONDS = 3.0;
    private static final double SINGLE_RUN_SECONDS = 1.0;
    private static final int BANDWIDTH_PASSES = 8;

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--preset", paramLabel = "NAME|FILE",
            description = "Start from a preset; without --method, time its whole experiment (all methods × seeds).")
    String preset;

    @Option(names = "--method", paramLabel = "LABEL", description = "Time only this method of the preset (its label, e.g. FO-MAML).")
    String method;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Set one parameter (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--seeds", paramLabel = "N", description = "Experiment mode: runs per method (default: the preset's seeds).")
    Integer seeds;

    @Option(names = "--iterations", paramLabel = "N", description = "Iterations to time (default: as many as fit in about "
            + "3 s); for a whole experiment, every run's iterations (default: each method's own).")
    Long iterations;

    @Option(names = "--warmup", paramLabel = "N", description = "Warm-up iterations (default: as many as fit in about 1 s; "
            + "for a whole experiment, of each method's single-run timing).")
    Long warmup;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads inside one step (default: all cores).")
    Integer threads;

    @Option(names = "--cores", paramLabel = "N", description = "Experiment mode: cores to use in total (default: all).")
    Integer cores;

    @Option(names = "--json", description = "Print one JSON object instead of sentences.")
    boolean json;

    BenchCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws JsonProcessingException, InterruptedException {
        if (iterations != null && iterations < 1) {
            throw new UsageException("--iterations: must be an integer ≥ 1, got " + iterations);
        }
        if (warmup != null && warmup < 0) {
            throw new UsageException("--warmup: must be an integer ≥ 0, got " + warmup);
        }
        if (threads != null && threads < 1) {
            throw new UsageException("--threads: must be an integer ≥ 1, got " + threads);
        }
        if (cores != null && cores < 1) {
            throw new UsageException("--cores: must be an integer ≥ 1, got " + cores);
        }
        if (seeds != null && seeds < 1) {
            throw new UsageException("--seeds: must be an integer ≥ 1, got " + seeds);
        }
        if (preset != null && method == null && hasSweep(preset)) {
            if (threads != null || warmup != null) {
                throw new UsageException((threads != null ? "--threads" : "--warmup") + " applies to one method's "
                        + "timing; a sweep runs each job on one thread (time one method with --method LABEL)");
            }
            return sweep();
        }
        Preset chosen = ExperimentDriver.loadPreset(preset);
        Map<String, String> settings = Settings.parse(sets, chosen.params());
        if (seeds != null) {
            settings.put("seeds", Integer.toString(seeds));
        }
        boolean wholeExperiment = preset != null && method == null;
        if (wholeExperiment && iterations != null) {
            settings.put("iterations", Long.toString(iterations));
        }
        List<Variant> variants = chosen.variants(settings);
        ExperimentDriver.validate(variants);
        if (wholeExperiment) {
            if (threads != null) {
                throw new UsageException("--threads sets the threads of one method's step; a whole experiment gives "
                        + "each run its share of --cores (or time one method with --method LABEL)");
            }
            return experiment(variants);
        }
        if (cores != null || seeds != null) {
            throw new UsageException("--cores and --seeds apply to a whole experiment (--preset without --method)");
        }
        Variant variant = method == null ? variants.get(0) : variants.stream()
                .filter(v -> v.label().equalsIgnoreCase(method.strip())).findFirst()
                .orElseThrow(() -> new UsageException("--method: the preset has no method '" + method + "'; it has "
                        + variants.stream().map(v -> "'" + v.label() + "'").collect(Collectors.joining(", "))));
        return single(variant);
    }

    private Integer single(Variant variant) throws JsonProcessingException {
        Params p = variant.params();
        int t = threads != null ? threads : context.cores();
        Timing timing;
        try (Dynamics dynamics = build(p, t)) {
            timing = time(dynamics, warmup, iterations, AUTO_WARMUP_SECONDS, AUTO_MEASURE_SECONDS, 0);
        }
        // the floor is measured after the kernel, with the same threads, while its pool is garbage
        StreamingBandwidth.Result probe = timing.taskBytes > 0
                ? StreamingBandwidth.measure(t, BANDWIDTH_PASSES, BenchCommand::processCpuNanos)
                : new StreamingBandwidth.Result(0, 0);
        double bandwidth = probe.bytesPerSecond();
        PrintWriter out = spec.commandLine().getOut();
        double floorRate = timing.taskBytes > 0 ? bandwidth / timing.taskBytes : 0;
        double cpuRate = timing.cpuSeconds > 0 ? t * timing.iterations / timing.cpuSeconds : 0;
        double cpuFloorRate = timing.taskBytes > 0 ? probe.bytesPerCpuSecond() / timing.taskBytes : 0;
        if (json) {
            ObjectNode o = Json.object();
            o.put("algorithm", p.algorithm().key());
            o.put("method", variant.label());
            o.put("threads", t);
            if (timing.taskBytes > 0) {
                o.put("kernels", FiniteTasks.kernelPath());
            }
            o.put("warmup_iterations", timing.warmup);
            o.put("iterations", timing.iterations);
            o.set("seconds", Json.number(timing.seconds));
            o.set("iterations_per_second", Json.number(timing.rate()));
            o.set("flops_per_iteration", Json.number(timing.flops));
            o.set("gflops", Json.number(timing.rate() * timing.flops / 1e9));
            if (timing.taskBytes > 0) {
                o.set("task_bytes_per_iteration", Json.number(timing.taskBytes));
                o.set("task_gb_per_second", Json.number(timing.rate() * timing.taskBytes / 1e9));
                o.set("streaming_gb_per_second", Json.number(bandwidth / 1e9));
                o.set("floor_iterations_per_second", Json.number(floorRate));
                o.set("fraction_of_floor", Json.number(timing.rate() / floorRate));
                o.set("best_window_iterations_per_second", Json.number(timing.bestWindowRate));
                o.set("best_window_fraction_of_floor", Json.number(timing.bestWindowRate / floorRate));
                if (cpuRate > 0 && cpuFloorRate > 0) {
                    // per CPU-second of the threads used, times their count: what they do while they hold the cores
                    o.set("cpu_iterations_per_second", Json.number(cpuRate));
                    o.set("cpu_streaming_gb_per_second", Json.number(probe.bytesPerCpuSecond() / 1e9));
                    o.set("cpu_floor_iterations_per_second", Json.number(cpuFloorRate));
                    o.set("cpu_fraction_of_floor", Json.number(cpuRate / cpuFloorRate));
                }
            }
            if (p.tasks().infinite() && timing.threadCpuRate() > 0) {
                // the step runs on this thread: its CPU time is what a shared machine cannot inflate
                o.set("thread_cpu_iterations_per_second", Json.number(timing.threadCpuRate()));
                o.set("thread_cpu_gflops", Json.number(timing.threadCpuRate() * timing.flops / 1e9));
            }
            o.put("version", VersionProvider.version());
            // the parameters as timed: iterations is the count measured, not the preset's run length
            o.set("params", Json.params(p.with("iterations", Long.toString(timing.iterations))));
            out.println(oneLine(o));
        } else {
            out.printf(Locale.ROOT, "%s (d=%d, k=%d, k'=%d, N=%s, m_in=%s, m_out=%s): %.1f iterations/s, %.2f GFLOP/s "
                            + "(%.3g flop/iteration; %d iterations in %.2f s after %d warm-up; %d thread%s)%n",
                    p.algorithm().key(), p.d(), p.k(), p.kPrime(), p.tasks(), p.mIn(), p.mOut(), timing.rate(),
                    timing.rate() * timing.flops / 1e9, timing.flops, timing.iterations, timing.seconds, timing.warmup,
                    t, t == 1 ? "" : "s");
            if (p.tasks().infinite() && timing.threadCpuRate() > 0) {
                out.printf(Locale.ROOT, "per CPU-second of the stepping thread: %.1f iterations/s, %.2f GFLOP/s "
                                + "(%.0f%% of the wall time on a CPU)%n", timing.threadCpuRate(),
                        timing.threadCpuRate() * timing.flops / 1e9, 100 * timing.threadCpuSeconds / timing.seconds);
            }
            if (timing.taskBytes > 0) {
                out.printf(Locale.ROOT, "task data: %.1f MB/iteration read at %.1f GB/s; streaming floor %.1f GB/s "
                                + "(best of %d parallel sums, %d thread%s) = %.1f iterations/s; this kernel (%s path): %.0f%% "
                                + "of the floor (fastest 0.1 s window: %.1f iterations/s, %.0f%%)%n",
                        timing.taskBytes / 1e6, timing.rate() * timing.taskBytes / 1e9, bandwidth / 1e9,
                        BANDWIDTH_PASSES, t, t == 1 ? "" : "s", floorRate, FiniteTasks.kernelPath(),
                        100 * timing.rate() / floorRate,
                        timing.bestWindowRate, 100 * timing.bestWindowRate / floorRate);
                if (cpuRate > 0 && cpuFloorRate > 0) {
                    out.printf(Locale.ROOT, "per CPU-second held (x %d thread%s): %.1f iterations/s against a floor of %.1f "
                                    + "(%.1f GB/s): %.0f%% of the floor%n", t, t == 1 ? "" : "s", cpuRate, cpuFloorRate,
                            probe.bytesPerCpuSecond() / 1e9, 100 * cpuRate / cpuFloorRate);
                }
            }
        }
        return Cli.OK;
    }

    /**
     * Experiment mode: first each method alone on one thread (its single-run speed), then the whole experiment as
     * {@code run} schedules it. Ideal = cores × (all iterations) ÷ Σ over runs of iterations ÷ single-run speed.
     */
    private Integer experiment(List<Variant> variants) throws JsonProcessingException, InterruptedException {
        int coreCount = cores != null ? cores : context.cores();
        int seedCount = variants.get(0).params().seeds();
        double[] singleRate = new double[variants.size()];
        for (int i = 0; i < variants.size(); i++) {
            Params p = variants.get(i).params();
            try (Dynamics dynamics = build(p, 1)) {
                singleRate[i] = time(dynamics, warmup, null, SINGLE_RUN_SECONDS / 2, SINGLE_RUN_SECONDS, p.iterations()).rate();
            }
        }
        double idealSeconds = 0;
        long total = 0;
        for (int i = 0; i < variants.size(); i++) {
            long it = variants.get(i).params().iterations();
            total += it * seedCount;
            idealSeconds += seedCount * it / singleRate[i];
        }
        double ideal = coreCount * total / idealSeconds;
        long t0 = System.nanoTime();
        ExperimentView view;
        try (Experiment experiment = new Experiment(variants, seedCount, context.source(), RunOptions.DEFAULT,
                coreCount, Duration.ofSeconds(1))) {
            experiment.start();
            view = experiment.await();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long done = view.runs().stream().mapToLong(RunView::iteration).sum();
        List<RunView> failed = view.runs().stream().filter(r -> !r.state().isSuccess()).toList();
        if (!failed.isEmpty()) {
            RunView first = failed.get(0);
            throw new RuntimeFailure(first.label() + ", seed " + first.seed() + ": " + first.reason());
        }
        double rate = done / seconds;
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode o = Json.object();
            o.put("preset", preset);
            o.put("cores", coreCount);
            o.put("runs", view.runs().size());
            o.put("iterations", done);
            o.set("seconds", Json.number(seconds));
            o.set("iterations_per_second", Json.number(rate));
            o.set("ideal_iterations_per_second", Json.number(ideal));
            o.set("fraction_of_ideal", Json.number(rate / ideal));
            ArrayNode methods = o.putArray("methods");
            for (int i = 0; i < variants.size(); i++) {
                ObjectNode m = methods.addObject();
                m.put("method", variants.get(i).label());
                m.put("iterations_per_run", variants.get(i).params().iterations());
                m.set("single_run_iterations_per_second", Json.number(singleRate[i]));
            }
            o.put("version", VersionProvider.version());
            out.println(oneLine(o));
        } else {
            for (int i = 0; i < variants.size(); i++) {
                out.printf(Locale.ROOT, "%-28s alone on 1 thread: %10.1f iterations/s (%d iterations per run)%n",
                        variants.get(i).label(), singleRate[i], variants.get(i).params().iterations());
            }
            out.printf(Locale.ROOT, "experiment: %d runs, %d iterations in %.2f s = %.1f iterations/s on %d core%s; "
                            + "ideal (every core running single-thread runs at their own speed) %.1f: %.0f%% of ideal%n",
                    view.runs().size(), done, seconds, rate, coreCount, coreCount == 1 ? "" : "s", ideal,
                    100 * rate / ideal);
        }
        return Cli.OK;
    }

    private static boolean hasSweep(String presetName) {
        try {
            return !SweepSection.ofPreset(presetName).grid().isEmpty();
        } catch (SweepException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /**
     * Sweep mode: the preset's sweep as {@code sweep} runs it (every cell × method × seed, one thread per job, on
     * --cores), timed as a whole. Its cores were busy for Σ job times ÷ (cores × wall): the share of the machine the
     * scheduling kept at work, which is the sweep's throughput against cores × the jobs' own speed.
     */
    private Integer sweep() throws JsonProcessingException, InterruptedException {
        List<String> allSets = new ArrayList<>(sets);
        if (iterations != null) {
            allSets.add("iterations=" + iterations);
        }
        SweepConfig config = SweepCommand.resolve(preset, allSets, seeds == null ? null : seeds.toString(), List.of(),
                false, List.of(), null);
        SweepPlan plan = config.plan();
        List<SweepJob> jobs = plan.jobs().stream().filter(j -> !j.refused()).toList();
        if (jobs.isEmpty()) {
            throw new UsageException("every cell of the sweep was refused; the first: " + plan.jobs().get(0).refusal());
        }
        int coreCount = cores != null ? cores : context.cores();
        List<JobResult> results = java.util.Collections.synchronizedList(new ArrayList<>());
        long cpuStart = processCpuNanos();
        long t0 = System.nanoTime();
        try (SweepRunner runner = new SweepRunner(jobs, context.source(), coreCount, config.columns(), results::add,
                Duration.ofSeconds(1))) {
            runner.start();
            runner.await();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
        JobResult failed = results.stream().filter(r -> r.status() == JobStatus.FAILED).findFirst().orElse(null);
        if (failed != null) {
            SweepJob job = plan.jobs().get(failed.jobIndex());
            throw new RuntimeFailure(plan.grid().settings(job.cell()) + " " + job.methodLabel() + ", seed " + job.seed()
                    + ": " + failed.reason());
        }
        long done = results.stream().mapToLong(JobResult::iteration).sum();
        double busy = results.stream().mapToLong(JobResult::activeNanos).sum() / 1e9;
        double rate = done / seconds;
        double busyFraction = busy / (coreCount * seconds);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode o = Json.object();
            o.put("preset", preset);
            o.put("mode", "sweep");
            o.put("cores", coreCount);
            o.put("cells", plan.grid().cellCount());
            o.put("runs", results.size());
            o.put("iterations", done);
            o.set("seconds", Json.number(seconds));
            o.set("iterations_per_second", Json.number(rate));
            o.set("busy_seconds", Json.number(busy));
            o.set("busy_fraction", Json.number(busyFraction));
            o.set("cpu_fraction", Json.number(cpuSeconds / (coreCount * seconds)));
            o.put("version", VersionProvider.version());
            out.println(oneLine(o));
        } else {
            out.printf(Locale.ROOT, "sweep: %d runs (%d cells × %d method(s) × %d seed(s)), %d iterations in %.2f s = "
                            + "%.1f iterations/s on %d core%s; the runs were computing for %.0f%% of cores × wall time "
                            + "(this process was on a CPU for %.0f%%)%n", results.size(), plan.grid().cellCount(),
                    plan.methodLabels().size(), plan.seeds(), done, seconds, rate, coreCount, coreCount == 1 ? "" : "s",
                    100 * busyFraction, 100 * cpuSeconds / (coreCount * seconds));
        }
        return Cli.OK;
    }

    private Dynamics build(Params p, int t) {
        try {
            return context.source().create(p, p.seed(), t);
        } catch (RuntimeException e) {
            throw new RuntimeFailure("cannot build " + p.algorithm().key() + ": " + e.getMessage());
        }
    }

    private static String oneLine(ObjectNode o) throws JsonProcessingException {
        return Json.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(o);
    }

    /**
     * What one timing measured. {@code bestWindowRate} is the rate of the fastest window of consecutive steps (about
     * a tenth of a second each): on a machine shared with other work it shows what the kernel does while it holds
     * the cores, as the streaming probe's best pass does for the memory.
     */
    private record Timing(long warmup, long iterations, double seconds, double cpuSeconds, double threadCpuSeconds,
                          double bestWindowRate, double flops, double taskBytes) {
        double rate() {
            return iterations / seconds;
        }

        /** Iterations per CPU-second of the stepping thread (0 where the JVM does not say). */
        double threadCpuRate() {
            return threadCpuSeconds > 0 ? iterations / threadCpuSeconds : 0;
        }
    }

    /**
     * Warms up (a count, or for about warmSeconds), then times a count of steps or about measureSeconds; with
     * {@code maxSteps} &gt; 0, warm-up and timing together take at most that many steps, a third of them warm-up
     * (a run's own length: its trajectory, not one stepped past where it stops).
     */
    private static Timing time(Dynamics dynamics, Long warmupCount, Long count, double warmSeconds, double measureSeconds,
                               long maxSteps) {
        Params p = dynamics.params();
        double initial = dynamics.magnitude();
        double limit = Divergence.limit(initial);
        long warmStart = System.nanoTime();
        long warm = 0;
        long warmDeadline = warmStart + (long) (warmSeconds * 1e9);
        long warmLimit = maxSteps > 0 ? maxSteps / 3 : Long.MAX_VALUE;
        while (warm < warmLimit && (warmupCount != null ? warm < warmupCount : warm < 2 || System.nanoTime() < warmDeadline)) {
            step(dynamics, p, initial, limit);
            warm++;
        }
        double warmRate = warm / Math.max(1e-9, (System.nanoTime() - warmStart) / 1e9);
        long window = Math.max(2, (long) (0.1 * warmRate));
        long cpuStart = processCpuNanos();
        long threadCpuStart = threadCpuNanos();
        long start = System.nanoTime();
        long deadline = start + (long) (measureSeconds * 1e9);
        long n = 0;
        long windowStart = start;
        long bestWindow = Long.MAX_VALUE;
        long stepLimit = maxSteps > 0 ? Math.max(1, maxSteps - warm) : Long.MAX_VALUE;
        while (n < stepLimit && (count != null ? n < count : n < 5 || System.nanoTime() < deadline)) {
            step(dynamics, p, initial, limit);
            n++;
            if (n % window == 0) {
                long now = System.nanoTime();
                bestWindow = Math.min(bestWindow, now - windowStart);
                windowStart = now;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = cpuStart > 0 ? (processCpuNanos() - cpuStart) / 1e9 : 0;
        double threadCpuSeconds = threadCpuStart >= 0 ? (threadCpuNanos() - threadCpuStart) / 1e9 : 0;
        double best = bestWindow == Long.MAX_VALUE ? n / seconds : window / (bestWindow / 1e9);
        return new Timing(warm, n, seconds, cpuSeconds, threadCpuSeconds, best, dynamics.flopsPerIteration(),
                dynamics.taskBytesPerIteration());
    }

    /** CPU time of the calling thread, or −1 where the JVM does not measure it. */
    private static long threadCpuNanos() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : -1;
    }

    /** CPU time of this process (all its threads), or 0 where the platform does not say. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? Math.max(0, os.getProcessCpuTime()) : 0;
    }

    private static void step(Dynamics d, Params p, double initial, double limit) {
        d.step();
        double m = d.magnitude();
        if (Divergence.exceeded(m, limit)) {
            throw new RuntimeFailure(Divergence.explain(p, d.iteration(), m, initial));
        }
    }
}
