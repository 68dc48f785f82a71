package org.anilexplorer.app.sim;

import org.anilexplorer.app.viewmodel.ExperimentRequest;

/**
 * A running experiment as the app drives it. The runs live on background threads; every method here returns at
 * once (except {@link #close()}, which joins them) and may be called from any thread.
 */
public interface ExperimentDriver extends AutoCloseable {

    ExperimentRequest request();

    /** Lets the runs go (up to the current {@link #limitTo limit}). A new driver starts paused. */
    void resume();

    /** Parks the runs after their current iteration. */
    void pause();

    /** While paused: advances every run by {@code iterations} iterations, then parks it again. */
    void step(long iterations);

    /** Speed control: runs park when they reach this iteration until the limit is raised. */
    void limitTo(long iteration);

    /** The newest published view; never blocks and never returns null. */
    ExperimentView latest();

    /** Asks the runs to stop; returns at once. */
    void cancel();

    /** Cancels and waits for every simulation thread to finish. */
    @Override
    void close();
}
