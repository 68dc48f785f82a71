package org.anilexplorer.core.run;

import java.util.Objects;

/**
 * A run's state and, for a diverged or failed run, the plain-words reason. One immutable object so that a reader
 * never sees a new state with an old reason.
 */
public record RunStatus(RunState state, String reason) {

    public static final RunStatus PENDING = new RunStatus(RunState.PENDING, "");
    public static final RunStatus RUNNING = new RunStatus(RunState.RUNNING, "");
    public static final RunStatus PAUSED = new RunStatus(RunState.PAUSED, "");

    public RunStatus {
        Objects.requireNonNull(state, "state");
        reason = reason == null ? "" : reason;
    }

    public static RunStatus of(RunState state) {
        return new RunStatus(state, "");
    }
}
