package org.anilexplorer.app.sim;

/** Opens experiments: the seam between the app and the simulation package (tests pass a fake). */
@FunctionalInterface
public interface ExperimentLauncher {

    /** Prepares the runs of {@code request} on background threads; the driver starts paused. */
    LiveExperiment open(ExperimentRequest request);
}
