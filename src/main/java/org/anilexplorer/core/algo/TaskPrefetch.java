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
        int n = pool.labelsAt() + pool.rows();
        for (int i = from; i < to; i++) {
            double[] slab = pool.slab(i);
            int start = pool.offset(i);
            int end = start + n;
            int j = start;
            for (; j + LINE < end; j += 2 * LINE) {
                s0 += slab[j];
                s1 += slab[j + LINE];
            }
            s0 += slab[end - 1];
        }
        return s0 + s1;
    }
}
