package org.anilexplorer.core.algo;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.problem.GroundTruth;

/**
 * The vector and the scalar kernels of one finite-task method, stepped in alternation in one process on one thread
 * and timed by the thread's CPU time (best of the rounds after two warm-up rounds), beside the one-core streaming
 * floor timed the same way: a ratio taken in one run, for a machine shared with other work. Also checks that both
 * give the same B and that a compiled step allocates nothing. Not a unit test:
 * <pre>
 *   java --add-modules jdk.incubator.vector -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *       org.anilexplorer.core.algo.KernelPathsBench algorithm=fo-anil tasks=5000 rounds=8 steps=3
 * </pre>
 */
public final class KernelPathsBench {

    private KernelPathsBench() {
    }

    public static void main(String[] args) {
        Map<String, String> settings = new LinkedHashMap<>(Map.of("algorithm", "fo-anil", "d", "50", "k", "5",
                "k_prime", "50", "m_in", "20", "m_out", "10", "alpha", "0.2", "sigma2", "4", "task_cov", "linear",
                "tasks", "5000"));
        for (String a : args) {
            String[] kv = a.split("=", 2);
            settings.put(kv[0], kv[1]);
        }
        int rounds = Integer.parseInt(settings.getOrDefault("rounds", "8"));
        int steps = Integer.parseInt(settings.getOrDefault("steps", "3"));
        settings.remove("rounds");
        settings.remove("steps");
        Params p = Params.defaults().withAll(settings);
        GroundTruth truth = GroundTruth.sample(p, 1);
        Kernels vector = Kernels.vector().orElseThrow(() -> new IllegalStateException("start with --add-modules jdk.incubator.vector"));
        Dynamics[] runs = {create(p, truth, vector), create(p, truth, Kernels.scalar())};
        String[] names = {"vector", "scalar"};
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] best = {Double.MAX_VALUE, Double.MAX_VALUE};
        for (int r = 0; r < rounds; r++) {
            for (int j = 0; j < runs.length; j++) {
                long cpu = threads.getCurrentThreadCpuTime();
                for (int s = 0; s < steps; s++) {
                    runs[j].step();
                }
                double seconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9 / steps;
                if (r >= 2) {
                    best[j] = Math.min(best[j], seconds);
                }
            }
        }
        com.sun.management.ThreadMXBean tb = (com.sun.management.ThreadMXBean) threads;
        for (int j = 0; j < runs.length; j++) {
            long before = tb.getThreadAllocatedBytes(Thread.currentThread().getId());
            runs[j].step();
            long allocated = tb.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
            System.out.println(names[j] + " allocates per step: " + allocated + " bytes");
        }
        double bandwidth = StreamingBandwidth.measure(1, 8, threads::getCurrentThreadCpuTime).bytesPerCpuSecond();
        double floorRate = bandwidth / runs[0].taskBytesPerIteration();
        boolean same = java.util.Arrays.equals(runs[0].state().b().data, runs[1].state().b().data);
        for (int j = 0; j < runs.length; j++) {
            System.out.printf(java.util.Locale.ROOT, "%s %s N=%s: %.1f it/CPU-s, floor %.1f it/CPU-s (%.1f GB per CPU-second): %.0f%% of floor%n",
                    p.algorithm().key(), names[j], p.tasks(), 1 / best[j], floorRate, bandwidth / 1e9, 100 / best[j] / floorRate);
        }
        System.out.println("vector/scalar " + String.format(java.util.Locale.ROOT, "%.2f", best[1] / best[0])
                + ", identical B after the same steps: " + same);
    }

    private static Dynamics create(Params p, GroundTruth truth, Kernels k) {
        return switch (p.algorithm()) {
            case BURER_MONTEIRO -> new BurerMonteiro(p, truth, 1, 1, k);
            case AVERAGE_LOSS -> new AverageLoss(p, truth, 1, 1, k);
            default -> new FiniteMetaLearning(p, truth, 1, 1, 3 * p.kPrime() < 2 * p.d(), k);
        };
    }
}
