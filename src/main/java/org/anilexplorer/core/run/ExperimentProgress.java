package org.anilexplorer.core.run;

import java.time.Duration;

/**
 * How far an experiment has come, summed over its runs.
 *
 * @param iterations         iterations completed, all runs together
 * @param targetIterations   iterations requested, all runs together
 * @param iterationsPerSecond iterations per second of elapsed time (all runs together)
 * @param elapsed            wall time since start, pauses excluded
 * @param runsDone           runs in a final state
 * @param runsTotal          number of runs
 * @param secondsLeft        expected time to the end from each run's own speed (NaN until a run has a speed); the overall rate
 *                           would mislead when a fast run and a slow one share the cores
 */
public record ExperimentProgress(long iterations, long targetIterations, double iterationsPerSecond, Duration elapsed,
                                 int runsDone, int runsTotal, double secondsLeft) {

    /** Progress without a time-left estimate. */
    public ExperimentProgress(long iterations, long targetIterations, double iterationsPerSecond, Duration elapsed,
            int runsDone, int runsTotal) {
        this(iterations, targetIterations, iterationsPerSecond, elapsed, runsDone, runsTotal, Double.NaN);
    }

    public boolean done() {
        return runsDone == runsTotal;
    }

    public double fractionDone() {
        return targetIterations <= 0 ? 1.0 : Math.min(1.0, (double) iterations / targetIterations);
    }
}
