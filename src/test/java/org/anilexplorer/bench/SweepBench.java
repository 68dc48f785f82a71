package org.anilexplorer.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.run.DynamicsSource;
import org.anilexplorer.core.run.Variant;
import org.anilexplorer.core.sweep.SweepColumns;
import org.anilexplorer.core.sweep.SweepGrid;
import org.anilexplorer.core.sweep.SweepPlan;
import org.anilexplorer.core.sweep.SweepRunner;

/**
 * How well a sweep uses the machine: the same infinite-task cell (d = k' = 50, k = 5, m_in = 20) run alone on one
 * thread, then 4 × cores such cells as one sweep on all cores. Reports the sweep's throughput against cores × the
 * single-run speed (the issue's ≥ 80 % goal), and the share of cores × wall time this process was on a CPU, so a
 * shortfall caused by other processes on a shared machine is visible as such.
 * Run: {@code java -cp <test classpath> org.anilexplorer.bench.SweepBench [iterations per cell] [cores]}.
 */
public final class SweepBench {

    private SweepBench() {
    }

    public static void main(String[] args) throws InterruptedException {
        long iterations = args.length > 0 ? Long.parseLong(args[0]) : 40_000;
        int cores = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        Params p = Params.defaults().withAll(Map.of("tasks", "inf", "d", "50", "k", "5", "k_prime", "50", "m_in", "20",
                "alpha", "0.1", "beta", "0.1", "sigma2", "4", "init_scale", "0.1"))
                .with("w0_scale", "0.07").with("iterations", Long.toString(iterations));

        run(plan(p, 2), 1); // warm-up: compile the step
        Result single = run(plan(p, 1), 1);
        int cells = 4 * cores;
        Result sweep = run(plan(p, cells), cores);

        double singleRate = single.iterations / single.wall;
        double sweepRate = sweep.iterations / sweep.wall;
        System.out.printf("single run:  %,.0f it/s (1 thread)%n", singleRate);
        System.out.printf("sweep:       %,.0f it/s over %d cells on %d cores (%.1f s)%n", sweepRate, cells, cores, sweep.wall);
        System.out.printf("utilisation: %.0f %% of cores × single-run speed (goal ≥ 80 %%)%n", 100 * sweepRate / (cores * singleRate));
        System.out.printf("cpu share:   this process was on a CPU for %.0f %% of cores × wall time%n",
                100 * sweep.cpu / (cores * sweep.wall));
        System.out.printf("per CPU-second: single %,.0f it/s, sweep %,.0f it/s per core (%.0f %%)%n",
                single.iterations / single.cpu, sweep.iterations / sweep.cpu,
                100 * (sweep.iterations / sweep.cpu) / (single.iterations / single.cpu));
    }

    private record Result(double iterations, double wall, double cpu) {
    }

    private static SweepPlan plan(Params p, int cells) {
        // distinct seeds in one cell: the same cost per job, different numbers
        return SweepPlan.of(SweepGrid.parse(List.of("alpha=0.1")), List.of("FO-ANIL"), cells, p.seed(),
                cell -> List.of(new Variant("FO-ANIL", p.withAll(cell))));
    }

    private static Result run(SweepPlan plan, int cores) throws InterruptedException {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        AtomicInteger done = new AtomicInteger();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        try (SweepRunner r = new SweepRunner(plan.jobs(), DynamicsSource.FACTORY, cores, SweepColumns.of(List.of()),
                x -> done.incrementAndGet(), Duration.ofSeconds(1))) {
            r.start();
            r.await();
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        double its = plan.jobs().stream().mapToLong(j -> j.iterations()).sum();
        return new Result(its, wall, cpu);
    }
}
