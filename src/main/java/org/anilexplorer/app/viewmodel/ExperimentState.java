package org.anilexplorer.app.viewmodel;

import org.anilexplorer.core.run.RunState;

/**
 * Where the experiment as a whole stands, as the status bar and the Play button name it. A run's own state is
 * {@code core.run}'s {@link RunState}; this adds READY (prepared, never played) and folds the runs together.
 */
public enum ExperimentState {
    READY("ready"),
    RUNNING("running"),
    PAUSED("paused"),
    FINISHED("finished"),
    CONVERGED("converged"),
    DIVERGED("diverged"),
    FAILED("failed");

    private final String text;

    ExperimentState(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** True when nothing more will happen without a new run. */
    public boolean isTerminal() {
        return this == FINISHED || this == CONVERGED || this == DIVERGED || this == FAILED;
    }

    /** How one run's state reads while the experiment is (not) paused; a cancelled run counts as finished. */
    public static ExperimentState of(RunState state, boolean paused) {
        return switch (state) {
            case PENDING, RUNNING, PAUSED -> paused ? PAUSED : RUNNING;
            case CONVERGED -> CONVERGED;
            case FINISHED, CANCELLED -> FINISHED;
            case DIVERGED -> DIVERGED;
            case FAILED -> FAILED;
        };
    }
}
