package org.anilexplorer.core.algo;

import java.util.Arrays;
import java.util.function.LongSupplier;

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
     * The best of several passes by the wall clock, and all passes by CPU time: {@code bytesPerCpuSecond} is the
     * bytes read per second of CPU time summed over the threads, times the thread count (what the threads stream
     * while they hold their cores, which on a machine shared with other work is steadier than the wall clock). It
     * is taken over all passes together because process CPU time may advance in steps of several milliseconds.
     */
    public record Result(double bytesPerSecond, double bytesPerCpuSecond) {
    }

    /**
     * Best bytes per second over {@code passes} parallel sums of the probe array with {@code threads} threads.
     *
     * @throws IllegalArgumentException if threads or passes is &lt; 1
     */
    public static double measure(int threads, int passes) {
        return measure(threads, passes, () -> 0).bytesPerSecond();
    }

    /**
     * As {@link #measure(int, int)}, also timing each pass by {@code cpuNanos} (the process's CPU time, or 0 when
     * it is not known; then {@code bytesPerCpuSecond} is 0).
     */
    public static Result measure(int threads, int passes, LongSupplier cpuNanos) {
        if (threads < 1 || passes < 1) {
            throw new IllegalArgumentException("threads and passes must be ≥ 1, got " + threads + ", " + passes);
        }
        double[] data = new double[PROBE_DOUBLES];
        Arrays.fill(data, 1.0);
        int chunks = threads * 8;
        int chunkLength = data.length / chunks;
        double[] partial = new double[chunks];
        double best = 0;
        long cpuUsed = 0;
        try (ChunkExecutor executor = new ChunkExecutor(threads, "anil-bandwidth")) {
            ChunkExecutor.ChunkTask sum = (c, worker) -> partial[c] = sum(data, c * chunkLength, (c + 1) * chunkLength);
            executor.run(chunks, sum); // warm-up: compiles the loop, maps the pages
            double bytes = 8.0 * chunks * chunkLength;
            long cpuStart = cpuNanos.getAsLong();
            for (int p = 0; p < passes; p++) {
                long start = System.nanoTime();
                executor.run(chunks, sum);
                long nanos = System.nanoTime() - start;
                best = Math.max(best, bytes / (nanos * 1e-9));
            }
            cpuUsed = cpuNanos.getAsLong() - cpuStart;
        }
        double total = 0;
        for (double s : partial) {
            total += s;
        }
        if (total != (double) chunks * chunkLength) {
            throw new IllegalStateException("bandwidth probe summed " + total + ", expected " + chunks * chunkLength);
        }
        double perCpu = cpuUsed > 0 ? threads * 8.0 * chunks * chunkLength * passes / (cpuUsed * 1e-9) : 0;
        return new Result(best, perCpu);
    }

    /**
     * The probe array kept for repeated single-thread passes, so that a benchmark can time the floor between its
     * own rounds, under the same conditions as each round, instead of once.
     */
    public static final class Probe {

        private final double[] data = new double[PROBE_DOUBLES];

        /** Allocates the probe array and passes over it once (maps its pages, compiles the loop). */
        public Probe() {
            Arrays.fill(data, 1.0);
            check(sum(data, 0, data.length));
        }

        /** One pass on this thread: seconds per byte by {@code cpuNanos} (this thread's CPU time, say). */
        public double secondsPerByte(LongSupplier cpuNanos) {
            long start = cpuNanos.getAsLong();
            double total = sum(data, 0, data.length);
            long used = cpuNanos.getAsLong() - start;
            check(total);
            return used * 1e-9 / (8.0 * data.length);
        }

        private void check(double total) {
            if (total != data.length) {
                throw new IllegalStateException("bandwidth probe summed " + total + ", expected " + data.length);
            }
        }
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
