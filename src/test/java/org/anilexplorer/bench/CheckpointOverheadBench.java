package org.anilexplorer.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.run.Checkpointing;
import org.anilexplorer.core.run.DynamicsSource;
import org.anilexplorer.core.run.Run;
import org.anilexplorer.core.run.RunControl;
import org.anilexplorer.core.run.RunOptions;
import org.anilexplorer.core.run.RiskRecording;
import org.anilexplorer.core.run.Variant;

/**
 * What checkpoints cost a run: CPU time per iteration of {@code core.run.Run} on the cheapest dynamics there is
 * (infinite tasks, d = k' = 20, a step of a few µs), without checkpoints and with one every 1,000, 100 and 10
 * iterations into a sink that keeps nothing (so only the capture, the copy of the state, is measured). The settings
 * alternate within one process, 9 rounds, and the median is reported with its ratio to "off".
 * Run: {@code java -cp <test classpath> org.anilexplorer.bench.CheckpointOverheadBench [d]}.
 */
public final class CheckpointOverheadBench {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long ITERATIONS = 100_000;

    private CheckpointOverheadBench() {
    }

    public static void main(String[] args) {
        String d = args.length > 0 ? args[0] : "20";
        Params p = Params.defaults().withAll(java.util.Map.of("tasks", "inf", "d", d, "k", "3", "k_prime", d,
                "iterations", String.valueOf(ITERATIONS)));
        long[] every = {0, 1000, 100, 10};
        double[][] nanos = new double[every.length][9];
        AtomicLong sink = new AtomicLong();
        for (int warm = 0; warm < 3; warm++) {
            for (long e : every) {
                time(p, e, sink);
            }
        }
        for (int round = 0; round < 9; round++) {
            for (int i = 0; i < every.length; i++) {
                nanos[i][round] = time(p, every[i], sink);
            }
        }
        double off = median(nanos[0]);
        System.out.printf(Locale.ROOT, "d = k' = %s, %,d iterations, infinite tasks (checkpoints taken: %d)%n", d,
                ITERATIONS, sink.get());
        for (int i = 0; i < every.length; i++) {
            double m = median(nanos[i]);
            System.out.printf(Locale.ROOT, "  checkpoints %-12s %8.1f ns/iteration  ×%.3f%n",
                    every[i] == 0 ? "off" : "every " + every[i], m, m / off);
        }
    }

    /** CPU nanoseconds per iteration of one whole run. */
    private static double time(Params p, long every, AtomicLong sink) {
        RunOptions o = RunOptions.DEFAULT.withRisk(RiskRecording.NONE);
        if (every > 0) {
            o = o.withCheckpoints(new Checkpointing(every, c -> sink.incrementAndGet()));
        }
        long start = THREADS.getCurrentThreadCpuTime();
        new Run(Variant.of(p), p.seed(), 1, DynamicsSource.FACTORY, o).execute(new RunControl());
        return (THREADS.getCurrentThreadCpuTime() - start) / (double) ITERATIONS;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
