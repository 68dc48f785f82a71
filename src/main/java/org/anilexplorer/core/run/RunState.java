package org.anilexplorer.core.run;

/** Where a run is in its life. The last four are final: a run in one of them never changes again. */
public enum RunState {
    /** Queued: waiting for a worker thread. */
    PENDING("pending"),
    RUNNING("running"),
    PAUSED("paused"),
    /** Stopped early because its {@link ConvergenceCriterion} held (only when one was given). */
    CONVERGED("converged"),
    /** Completed every requested iteration. */
    FINISHED("finished"),
    CANCELLED("cancelled"),
    /** Stopped because ‖B‖²+‖w‖² became non-finite or exploded; the status carries the reason. */
    DIVERGED("diverged"),
    /** The dynamics could not be built or threw; the status carries the message. */
    FAILED("failed");

    private final String key;

    RunState(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public boolean isFinal() {
        return this == CONVERGED || this == FINISHED || this == CANCELLED || this == DIVERGED || this == FAILED;
    }

    /** Whether the run ended well: it reached its iteration budget or its convergence criterion. */
    public boolean isSuccess() {
        return this == CONVERGED || this == FINISHED;
    }

    @Override
    public String toString() {
        return key;
    }
}
