package org.anilexplorer.core.algo;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;

/**
 * The vector and the scalar kernels on data in the core's cache at d = 50 (a task of 30 rows, a group of four or 16
 * tasks), in multiply-adds per ns of the thread's CPU time, each kernel repeated 200,000 times, the third of three
 * rounds reported, twice alternating. Not a unit test:
 * <pre>
 *   java --add-modules jdk.incubator.vector -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *       org.anilexplorer.core.algo.KernelMicroBench
 * </pre>
 */
public final class KernelMicroBench {

    private KernelMicroBench() {
    }

    public static void main(String[] args) {
        int d = 50;
        int rows = 30;
        SplittableRandom rng = new SplittableRandom(1);
        double[] task = new double[rows * (d + 1)];
        for (int i = 0; i < task.length; i++) {
            task[i] = rng.nextGaussian();
        }
        double[][] m = new double[d][d];
        double[][] g = new double[8][d];
        double[][] out = new double[8][d];
        double[][] acc = new double[d][d];
        for (double[] r : m) {
            for (int j = 0; j < d; j++) {
                r[j] = rng.nextGaussian();
            }
        }
        for (double[] r : g) {
            for (int j = 0; j < d; j++) {
                r[j] = rng.nextGaussian() * 1e-3;
            }
        }
        double[] p = g[0].clone();
        double[][] g16 = new double[d][16];
        for (double[] r : g16) {
            for (int j = 0; j < 16; j++) {
                r[j] = rng.nextGaussian() * 1e-6;
            }
        }
        double[] o = new double[d];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (Kernels k : new Kernels[] {Kernels.vector().orElseThrow(), Kernels.scalar(), Kernels.vector().orElseThrow(), Kernels.scalar()}) {
            TaskRows tr = k.taskRows(rows, d);
            int reps = 200_000;
            for (int round = 0; round < 3; round++) {
                long t0 = threads.getCurrentThreadCpuTime();
                double sink = 0;
                for (int i = 0; i < reps; i++) {
                    sink += tr.residualGradient(task, 0, rows * d, 0, 20, p, o);
                }
                long t1 = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < reps; i++) {
                    k.rowsTimesBlock(g, 0, 4, d, m, d, out);
                }
                long t2 = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < reps; i++) {
                    k.multiplyAdd(acc, g16, d, 16, m, d);
                }
                long t3 = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < reps; i++) {
                    tr.addGramTimes(task, 0, 0, 20, p, o);
                }
                long t4 = threads.getCurrentThreadCpuTime();
                if (round == 2) {
                    System.out.printf(java.util.Locale.ROOT,
                            "%s: residual grad 20 rows %.0f ns (%.1f fma/ns); G·M 4 tasks %.0f ns (%.1f); rank-16 update %.0f ns (%.1f); gram %.0f ns %s%n",
                            k.name(), (t1 - t0) / (double) reps, 2000.0 * reps / (t1 - t0), (t2 - t1) / (double) reps,
                            4 * 2500.0 * reps / (t2 - t1), (t3 - t2) / (double) reps, 16 * 2500.0 * reps / (t3 - t2),
                            (t4 - t3) / (double) reps, sink > 0 ? "" : " ");
                }
            }
        }
    }
}
