package org.anilexplorer.app.sim;

/** Where a run (or a whole experiment) stands, as the status bar names it. */
public enum RunStatus {
    READY("ready"),
    RUNNING("running"),
    PAUSED("paused"),
    FINISHED("finished"),
    CONVERGED("converged"),
    DIVERGED("diverged"),
    FAILED("failed");

    private final String text;

    RunStatus(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** True when nothing more will happen without a new run. */
    public boolean isTerminal() {
        return this == FINISHED || this == CONVERGED || this == DIVERGED || this == FAILED;
    }
}
