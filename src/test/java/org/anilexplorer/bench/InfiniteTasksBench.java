package org.anilexplorer.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.anilexplorer.core.algo.Dynamics;
import org.anilexplorer.core.algo.DynamicsFactory;
import org.anilexplorer.core.params.Params;

/**
 * Iterations per second of infinite-task FO-ANIL at k' = 50, k = 5, m_in = 20 for growing d (the cost must not grow
 * with d), and with m_in = ∞. Run: {@code java -cp <test classpath> org.anilexplorer.bench.InfiniteTasksBench [seconds]}.
 * Reports the rate per second of this thread's CPU time (robust on a shared machine) and per wall-clock second.
 */
public final class InfiniteTasksBench {

    private InfiniteTasksBench() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        Params base = Params.defaults().with("tasks", "inf").with("k", "5").with("k_prime", "50").with("m_in", "20")
                .with("alpha", "0.1").with("beta", "0.1").with("sigma2", "4").with("init_scale", "0.1")
                .with("w0_scale", "0.07");
        String[][] cases = {{"50", "20"}, {"200", "20"}, {"1000", "20"}, {"50", "inf"}, {"1000", "inf"}};
        for (String[] c : cases) {
            Params p = base.with("d", c[0]).with("m_in", c[1]);
            Dynamics dyn = DynamicsFactory.create(p, 1, 1);
            measure(dyn, 0.5); // warm-up: let C2 compile the step
            double[] rate = measure(dyn, seconds);
            System.out.printf("d=%5s k'=50 k=5 m_in=%-4s %9.0f it/s (CPU)  %9.0f it/s (wall)  %6.2f GFLOP/s (CPU)%n",
                    c[0], c[1], rate[0], rate[1], rate[0] * dyn.flopsPerIteration() / 1e9);
        }
    }

    /** {iterations per CPU second, iterations per wall second}. */
    private static double[] measure(Dynamics dyn, double cpuSeconds) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long wall0 = System.nanoTime();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long steps = 0;
        long cpu;
        do {
            for (int i = 0; i < 256; i++) {
                dyn.step();
            }
            steps += 256;
            cpu = threads.getCurrentThreadCpuTime();
        } while (cpu - cpu0 < cpuSeconds * 1e9);
        long wall = System.nanoTime();
        return new double[] {steps / ((cpu - cpu0) / 1e9), steps / ((wall - wall0) / 1e9)};
    }
}
