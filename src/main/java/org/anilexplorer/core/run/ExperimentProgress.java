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
 */
public record ExperimentProgress(long iterations, long targetIterations, double iterationsPerSecond, Duration elapsed,
                                 int runsDone, int runsTotal) {

    public boolean done() {
        return runsDone == runsTotal;
    }

    public double fractionDone() {
        return targetIterations <= 0 ? 1.0 : Math.min(1.0, (double) iterations / targetIterations);
    }
}
