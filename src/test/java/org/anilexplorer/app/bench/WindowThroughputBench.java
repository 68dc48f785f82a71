package org.anilexplorer.app.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.anilexplorer.app.sim.CoreExperimentLauncher;
import org.anilexplorer.app.sim.ExperimentRequest;
import org.anilexplorer.app.sim.LiveExperiment;
import org.anilexplorer.app.sim.ResolvedMethod;
import org.anilexplorer.core.run.DynamicsSource;
import org.anilexplorer.core.run.Experiment;
import org.anilexplorer.core.run.ExperimentProgress;
import org.anilexplorer.core.run.ExperimentView;
import org.anilexplorer.core.run.RunOptions;
import org.anilexplorer.core.run.RunView;
import org.anilexplorer.core.run.Variant;
import org.anilexplorer.io.Preset;
import org.anilexplorer.io.PresetReader;

/**
 * The window's experiment throughput against the command line's, on the same preset in one sitting: the whole
 * experiment (every method × seed) once as {@code run} and {@code bench --preset} schedule it (one
 * {@link Experiment} on all cores), once as the window does (the app's launcher, unthrottled, its newest picture
 * pulled every animation frame, as the chart refresh does), alternating, so that both see the same machine state.
 * Reports iterations of all runs per second of each and their ratio (median over rounds, which alternate the
 * order), the share of cores × wall time the process was on a CPU, and iterations per CPU-second (on a shared
 * machine the wall-clock ratio also measures how the other processes' load fell on each).
 *
 * <p>Run: {@code java -cp <test classpath> org.anilexplorer.app.bench.WindowThroughputBench [preset] [iterations]
 * [rounds] [seeds]} (default figures-2-3, 300 iterations per run, 2 rounds, the preset's seeds).
 */
public final class WindowThroughputBench {

    private static final long FRAME_NANOS = 16_666_667L;

    private WindowThroughputBench() {
    }

    public static void main(String[] args) throws Exception {
        String presetName = args.length > 0 ? args[0] : "figures-2-3";
        String iterations = args.length > 1 ? args[1] : "300";
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Preset preset = PresetReader.load(presetName);
        Map<String, String> settings = new java.util.HashMap<>(Map.of("iterations", iterations));
        if (args.length > 3) {
            settings.put("seeds", args[3]);
        }
        List<Variant> variants = preset.variants(settings);
        int seeds = variants.get(0).params().seeds();
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "%s: %d methods × %d seeds, %s iterations per run, %d cores, load %.2f%n",
                presetName, variants.size(), seeds, iterations, cores, load());

        List<Double> ratios = new ArrayList<>();
        List<Double> cpuRatios = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            // alternate which goes first, so that a trend in the machine's load favours neither
            Result c;
            Result w;
            if (round % 2 == 0) {
                c = commandLine(variants, seeds, cores);
                w = window(variants);
            } else {
                w = window(variants);
                c = commandLine(variants, seeds, cores);
            }
            ratios.add(w.rate() / c.rate());
            cpuRatios.add(w.cpuRate() / c.cpuRate());
            System.out.printf(Locale.ROOT, "round %d: command line %6.1f it/s (%5.1f s, on a CPU %3.0f %% of cores × "
                            + "wall, %5.1f it/CPU-s)   window %6.1f it/s (%5.1f s, %3.0f %%, %5.1f it/CPU-s)   "
                            + "window/cli %.2f (per CPU-second %.2f)   load %.2f%n", round + 1, c.rate(), c.wall,
                    100 * c.cpu / (cores * c.wall), c.cpuRate(), w.rate(), w.wall, 100 * w.cpu / (cores * w.wall),
                    w.cpuRate(), w.rate() / c.rate(), w.cpuRate() / c.cpuRate(), load());
        }
        System.out.printf(Locale.ROOT, "median of %d rounds: window at %.0f %% of the command line's throughput "
                + "(%.0f %% per CPU-second)%n", rounds, 100 * median(ratios), 100 * median(cpuRatios));
    }

    private record Result(long iterations, double wall, double cpu) {
        double rate() {
            return iterations / wall;
        }

        /** Iterations per second this process spent on a CPU: what the machine's other load cannot inflate. */
        double cpuRate() {
            return iterations / cpu;
        }
    }

    private static Result commandLine(List<Variant> variants, int seeds, int cores) throws InterruptedException {
        long cpu0 = cpuNanos();
        long t0 = System.nanoTime();
        ExperimentView view;
        try (Experiment e = new Experiment(variants, seeds, DynamicsSource.FACTORY, RunOptions.DEFAULT, cores,
                Duration.ofSeconds(1))) {
            e.start();
            view = e.await();
        }
        return finish(view, t0, cpu0);
    }

    private static Result window(List<Variant> variants) throws InterruptedException {
        List<ResolvedMethod> methods = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            methods.add(new ResolvedMethod(variants.get(i).label(), i, variants.get(i).params()));
        }
        ExperimentRequest request = new ExperimentRequest(variants.get(0).params(), methods);
        long cpu0 = cpuNanos();
        long t0 = System.nanoTime();
        ExperimentView view;
        try (LiveExperiment e = new CoreExperimentLauncher().open(request)) {
            e.limitAhead(Long.MAX_VALUE);
            e.resume();
            while (true) {
                // what the window does every frame: take the newest picture and raise the speed limit
                view = e.latest();
                e.limitAhead(Long.MAX_VALUE);
                ExperimentProgress p = view.progress();
                if (p.runsTotal() > 0 && p.runsDone() == p.runsTotal()) {
                    break;
                }
                Thread.sleep(FRAME_NANOS / 1_000_000, (int) (FRAME_NANOS % 1_000_000));
            }
        }
        return finish(view, t0, cpu0);
    }

    private static Result finish(ExperimentView view, long t0, long cpu0) {
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (cpuNanos() - cpu0) / 1e9;
        long done = 0;
        for (RunView r : view.runs()) {
            if (!r.state().isSuccess()) {
                throw new IllegalStateException(r.label() + ", seed " + r.seed() + ": " + r.reason());
            }
            done += r.iteration();
        }
        return new Result(done, wall, cpu);
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private static long cpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? Math.max(0, os.getProcessCpuTime()) : 0;
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
