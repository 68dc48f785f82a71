package org.anilexplorer.core.algo;

import java.util.Arrays;

/**
 * The rate at which this machine streams memory into the cores: a parallel sum over an array far larger than the
 * last-level cache, each thread summing its own contiguous part. A finite-task iteration must read every task's
 * samples once, so bytes of task data per iteration ÷ this rate is the fastest an iteration can possibly be (the
 * "streaming floor" the benchmark compares the kernels with).
 *
 * <p>The sum keeps eight independent accumulators, so the loop is limited by memory, not by addition latency; the
 * best of several passes is reported (the machine's capability, not its load at one moment).
 */
public final class StreamingBandwidth {

    /** Doubles in the probe array (256 MB: eight times a large last-level cache). */
    private static final int PROBE_DOUBLES = 32 << 20;

    private StreamingBandwidth() {
    }

    /**
     * Best bytes per second over {@code passes} parallel sums of the probe array with {@code threads} threads.
     *
     * @throws IllegalArgumentException if threads or passes is &lt; 1
     */
    public static double measure(int threads, int passes) {
        if (threads < 1 || passes < 1) {
            throw new IllegalArgumentException("threads and passes must be ≥ 1, got " + threads + ", " + passes);
        }
        double[] data = new double[PROBE_DOUBLES];
        Arrays.fill(data, 1.0);
        int chunks = threads * 8;
        int chunkLength = data.length / chunks;
        double[] partial = new double[chunks];
        double best = 0;
        try (ChunkExecutor executor = new ChunkExecutor(threads, "anil-bandwidth")) {
            ChunkExecutor.ChunkTask sum = (c, worker) -> partial[c] = sum(data, c * chunkLength, (c + 1) * chunkLength);
            executor.run(chunks, sum); // warm-up: compiles the loop, maps the pages
            for (int p = 0; p < passes; p++) {
                long start = System.nanoTime();
                executor.run(chunks, sum);
                long nanos = System.nanoTime() - start;
                best = Math.max(best, 8.0 * chunks * chunkLength / (nanos * 1e-9));
            }
        }
        double total = 0;
        for (double s : partial) {
            total += s;
        }
        if (total != (double) chunks * chunkLength) {
            throw new IllegalStateException("bandwidth probe summed " + total + ", expected " + chunks * chunkLength);
        }
        return best;
    }

    private static double sum(double[] x, int from, int to) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double s5 = 0;
        double s6 = 0;
        double s7 = 0;
        int i = from;
        for (; i + 7 < to; i += 8) {
            s0 += x[i];
            s1 += x[i + 1];
            s2 += x[i + 2];
            s3 += x[i + 3];
            s4 += x[i + 4];
            s5 += x[i + 5];
            s6 += x[i + 6];
            s7 += x[i + 7];
        }
        for (; i < to; i++) {
            s0 += x[i];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }
}
