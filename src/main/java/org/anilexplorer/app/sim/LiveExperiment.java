package org.anilexplorer.app.sim;

import org.anilexplorer.core.run.ExperimentView;

/**
 * A running experiment as the app drives it: {@code core.run}'s runs on background threads, throttled, paused and
 * single-stepped through an {@link IterationGate}. Every method returns at once (except {@link #close()}, which joins
 * the threads) and may be called from any thread.
 */
public interface LiveExperiment extends AutoCloseable {

    ExperimentRequest request();

    /** Lets the runs go (up to the current {@link #limitTo limit}). A new experiment starts paused. */
    void resume();

    /** Parks the runs after their current iteration. */
    void pause();

    /** Whether the runs are parked by {@link #pause()}. */
    boolean isPaused();

    /** While paused: advances every run by {@code iterations} iterations, then parks it again. */
    void step(long iterations);

    /** Speed control: runs park when they reach this iteration until the limit is raised. */
    void limitTo(long iteration);

    /** The newest published picture of every run (snapshots and test risk); never blocks, never null. */
    ExperimentView latest();

    /** Asks the runs to stop; returns at once. */
    void cancel();

    /** Cancels and waits for every simulation thread to finish. */
    @Override
    void close();
}
