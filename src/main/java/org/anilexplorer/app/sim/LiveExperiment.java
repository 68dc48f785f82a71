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

    /**
     * Speed control: runs park when they reach this iteration until the limit is raised. The iteration is on the
     * experiment's clock, where a method started after the others counts from the moment it joined.
     */
    void limitTo(long iteration);

    /**
     * Speed control as the window uses it: every running run may go {@code iterations} further than the slowest
     * running run has got (counted, for a method started later, from when it joined); Long.MAX_VALUE: unthrottled.
     */
    void limitAhead(long iterations);

    /**
     * Turns this experiment into {@code next} in place, method by method as {@link RequestChange#between} says:
     * methods whose parameters are unchanged keep their runs (only relabelled), changed methods get fresh runs from
     * t = 0, new methods start, removed ones stop. The pause, the speed limit and every kept run go on untouched.
     * Returns at once (stopped runs are joined by {@link #close()}).
     *
     * @return false when this experiment cannot change (a recorded one): open a new experiment instead
     */
    default boolean update(ExperimentRequest next) {
        return false;
    }

    /**
     * Replaces the runs of method {@code m} (by its colour slot) by fresh ones under the same settings, which start
     * where {@link RunStates} says (a branch point): a branch with nothing changed. False when this experiment cannot.
     */
    default boolean restart(ResolvedMethod m) {
        return false;
    }

    /**
     * The states of the runs of the method in colour slot {@code slot} at their checkpoint nearest at or before
     * iteration {@code t} (one per seed, in seed order): where a branch from a scrubbed t starts. Empty when a run has
     * none (or the experiment keeps no states).
     */
    default java.util.Optional<java.util.List<org.anilexplorer.core.run.RunCheckpoint>> statesAt(int slot, long t) {
        return java.util.Optional.empty();
    }

    /**
     * Once the runs of {@code stopped} (a method this experiment's last {@link #update} replaced or removed) have
     * ended: the exact states they stopped in, one per seed (empty when they keep none).
     */
    default java.util.concurrent.CompletableFuture<java.util.List<org.anilexplorer.core.run.RunCheckpoint>> finalStates(
            ResolvedMethod stopped) {
        return java.util.concurrent.CompletableFuture.completedFuture(java.util.List.of());
    }

    /**
     * Every live method's run states as a session saves them, by colour slot, one entry per seed in seed order: the
     * exact state of each run parked in the gate or ended, with its earlier kept checkpoints. Waits at most
     * {@code patience} for computing runs to park (pause first); a run still computing then gives its newest kept
     * checkpoint. Empty when this experiment keeps no states.
     */
    default java.util.Map<Integer, java.util.List<SeedStates>> statesNow(java.time.Duration patience) {
        return java.util.Map.of();
    }

    /** The newest published picture of every run (snapshots and test risk); never blocks, never null. */
    ExperimentView latest();

    /** Asks the runs to stop; returns at once. */
    void cancel();

    /** Cancels and waits for every simulation thread to finish. */
    @Override
    void close();
}
