package org.anilexplorer.core.algo;

import org.anilexplorer.core.problem.TaskPool;

/**
 * Brings tasks' sample blocks into the core's cache ahead of their arithmetic: one load per 64-byte cache line, all
 * independent, so the memory system serves many at once at close to its streaming rate. Java has no prefetch
 * instruction; the sum of the loaded values is returned so that the compiler cannot drop the loads.
 */
final class TaskPrefetch {

    /** Doubles per cache line. */
    private static final int LINE = 8;

    private TaskPrefetch() {
    }

    /** Loads every cache line of the sample blocks of tasks [from, to) (none if from ≥ to); returns their sum. */
    static double touch(TaskPool pool, int from, int to) {
        double s0 = 0;
        double s1 = 0;
        for (int i = from; i < to; i++) {
            double[] block = pool.samples(i);
            int n = block.length;
            int j = 0;
            for (; j + LINE < n; j += 2 * LINE) {
                s0 += block[j];
                s1 += block[j + LINE];
            }
            s0 += block[n - 1];
        }
        return s0 + s1;
    }
}
