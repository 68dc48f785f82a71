package org.anilexplorer.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.anilexplorer.core.algo.Dynamics;
import org.anilexplorer.core.algo.FiniteTasks;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.problem.GroundTruth;

/**
 * Iterations/s and GFLOP/s of finite-task FO-ANIL at the paper's size (N = 5000, d = 50, m_in = 20, m_out = 10,
 * k = 5, k' = 50), for 1 and 2 threads. Not a unit test: run it by hand after {@code mvn -q test-compile},
 * <pre>
 *   java -cp target/classes:target/test-classes:$(cat cp.txt) org.anilexplorer.bench.FiniteFoAnilBench [key=value …]
 * </pre>
 * where any parameter key overrides the default (e.g. {@code algorithm=maml k_prime=10}), plus {@code threads=1,2}
 * and {@code seconds=5} (measuring time per thread count, after a warm-up of the same length).
 *
 * <p>Besides wall-clock it/s it prints the process CPU time (iterations per CPU-second: what the run gets per core
 * it actually holds) and the fastest 10-iteration window, because on a shared machine the wall clock also counts
 * the time other processes held the cores.
 */
public final class FiniteFoAnilBench {

    private FiniteFoAnilBench() {
    }

    public static void main(String[] args) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("algorithm", "fo-anil");
        settings.put("d", "50");
        settings.put("k", "5");
        settings.put("k_prime", "50");
        settings.put("m_in", "20");
        settings.put("m_out", "10");
        settings.put("tasks", "5000");
        settings.put("sigma2", "4");
        settings.put("alpha", "0.1");
        settings.put("beta", "0.1");
        String threadList = "1,2";
        double seconds = 5;
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("arguments are key=value, got " + a);
            }
            String key = a.substring(0, eq);
            String value = a.substring(eq + 1);
            switch (key) {
                case "threads" -> threadList = value;
                case "seconds" -> seconds = Double.parseDouble(value);
                default -> settings.put(key, value);
            }
        }
        Params p = Params.defaults().withAll(settings);
        p.validate();
        long seed = 1;
        GroundTruth truth = GroundTruth.sample(p, seed);
        int rows = (p.mIn().finite() ? p.mIn().get() : 0) + (p.mOut().finite() ? p.mOut().get() : 0);
        double taskBytes = 8.0 * p.tasks().get() * rows * (p.d() + 1);
        System.out.printf("%s  N=%s d=%d k=%d k'=%d m_in=%s m_out=%s fresh=%s  task data %.1f MB/iteration  (%d cores, %s)%n",
                p.algorithm().key(), p.tasks(), p.d(), p.k(), p.kPrime(), p.mIn(), p.mOut(), p.freshTasks(),
                taskBytes / 1e6, Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
        for (String t : threadList.split(",")) {
            int threads = Integer.parseInt(t.trim());
            long t0 = System.nanoTime();
            try (Dynamics dyn = FiniteTasks.create(p, truth, seed, threads)) {
                double setup = (System.nanoTime() - t0) / 1e9;
                run(dyn, seconds); // warm-up: JIT compilation, caches
                long cpu0 = processCpuNanos();
                long iterations = run(dyn, seconds);
                double cpu = (processCpuNanos() - cpu0) / 1e9;
                double elapsed = lastElapsed;
                double itPerSec = iterations / elapsed;
                System.out.printf("threads=%d  setup %.2f s  %d iterations in %.2f s  =  %.1f it/s  %.2f GFLOP/s  "
                                + "%.1f GB/s of task data  (%.1f MFLOP/iteration)%n",
                        threads, setup, iterations, elapsed, itPerSec, itPerSec * dyn.flopsPerIteration() / 1e9,
                        itPerSec * taskBytes / 1e9, dyn.flopsPerIteration() / 1e6);
                // on a shared machine the wall clock includes time other processes held the cores
                System.out.printf("           process CPU %.2f s = %.0f%% of %d cores  ->  %.1f it per CPU-second  %.2f GFLOP per CPU-second%n",
                        cpu, 100 * cpu / elapsed / threads, threads, iterations / cpu,
                        iterations * dyn.flopsPerIteration() / cpu / 1e9);
                System.out.printf("           fastest 10-iteration window: %.1f it/s  %.2f GFLOP/s%n",
                        10 / bestWindow, 10 / bestWindow * dyn.flopsPerIteration() / 1e9);
            }
        }
    }

    private static double lastElapsed;
    private static double bestWindow;

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    private static long run(Dynamics dyn, double seconds) {
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        long n = 0;
        long now = start;
        bestWindow = Double.MAX_VALUE;
        do {
            long windowStart = now;
            for (int i = 0; i < 10; i++) {
                dyn.step();
            }
            n += 10;
            now = System.nanoTime();
            bestWindow = Math.min(bestWindow, (now - windowStart) / 1e9);
        } while (now < deadline);
        lastElapsed = (now - start) / 1e9;
        if (!Double.isFinite(dyn.magnitude())) {
            throw new IllegalStateException("diverged: pick smaller steps for the benchmark");
        }
        return n;
    }
}
