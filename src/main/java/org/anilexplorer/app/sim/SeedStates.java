package org.anilexplorer.app.sim;

import java.util.List;

import org.anilexplorer.core.run.RunCheckpoint;

/**
 * What a session keeps of one run's states: the state to resume it from and the earlier checkpoints to branch from.
 *
 * @param seed    the run's seed
 * @param latest  the state to resume from: the run's state where it is parked or ended, else its newest kept
 *                checkpoint (continuing from it recomputes, exactly, what the run did after it); null for a run that
 *                never started, which starts afresh
 * @param earlier kept checkpoints before {@code latest}, oldest first
 */
public record SeedStates(long seed, RunCheckpoint latest, List<RunCheckpoint> earlier) {

    public SeedStates {
        earlier = List.copyOf(earlier);
    }
}
