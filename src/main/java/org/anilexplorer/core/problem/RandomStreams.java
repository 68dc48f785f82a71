package org.anilexplorer.core.problem;

import java.util.SplittableRandom;

/**
 * Independent random streams per purpose, derived from one seed, so that changing one use of randomness (say, the
 * number of test tasks) never shifts another (the task pool or B₀). Two methods run with the same seed therefore see
 * the same ground truth, the same tasks and the same initialisation.
 */
public final class RandomStreams {

    /** What a stream is used for; the ordinal is part of the derivation, so only append. */
    public enum Purpose { GROUND_TRUTH, TASK_POOL, INIT, TEST_TASKS, FRESH_TASKS, VALIDATION_TASKS }

    private RandomStreams() {
    }

    public static SplittableRandom stream(long seed, Purpose purpose) {
        return new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + purpose.ordinal() * 0xD1B54A32D192ED03L + 0x632BE59BD9B4E019L));
    }

    /** A sub-stream (for example per task or per worker) that does not depend on how many draws came before. */
    public static SplittableRandom stream(long seed, Purpose purpose, long index) {
        return new SplittableRandom(mix(mix(seed * 0x9E3779B97F4A7C15L + purpose.ordinal() * 0xD1B54A32D192ED03L) + index * 0xBF58476D1CE4E5B9L));
    }

    /** Fills {@code out[from, from+n)} with i.i.d. N(0, scale²) draws. */
    public static void gaussian(SplittableRandom rng, double[] out, int from, int n, double scale) {
        for (int i = from; i < from + n; i++) {
            out[i] = scale * rng.nextGaussian();
        }
    }

    private static long mix(long z) {
        // SplitMix64 finaliser: decorrelates nearby seeds
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
