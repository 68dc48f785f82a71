package org.anilexplorer.app.sim;

/** Opens experiments: the seam between the app and the simulation package (tests pass a fake). */
@FunctionalInterface
public interface ExperimentLauncher {

    /** Prepares the runs of {@code request} on background threads; the driver starts paused. */
    LiveExperiment open(ExperimentRequest request);

    /**
     * Why {@code request} cannot run here (e.g. its task pools would not fit in memory), in one sentence naming the
     * method and what to change; empty when it can. Decided at once, before any run allocates anything.
     */
    default java.util.Optional<String> refusal(ExperimentRequest request) {
        return java.util.Optional.empty();
    }

    /**
     * How long {@code request} takes at full speed on this machine (the command line's estimate: each method's
     * dynamics measured for a moment); empty when unknown. Slow: call it off the UI thread.
     */
    default java.util.Optional<java.time.Duration> estimate(ExperimentRequest request) {
        return java.util.Optional.empty();
    }

    /** Where the runs keep their states and which states a method starts from; empty when runs keep none. */
    default java.util.Optional<RunStates> runStates() {
        return java.util.Optional.empty();
    }
}
