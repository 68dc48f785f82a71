package org.anilexplorer.app.sim;

import java.util.List;

/**
 * The newest published state of an experiment, handed from the simulation threads to the UI. Immutable, so the
 * UI reads it without locks; {@code version} grows with every publication, so a frame can skip an unchanged view.
 *
 * @param iteration the iteration every still-running run has reached
 * @param horizon   the largest iteration count among the methods
 * @param status    the experiment as a whole: running or paused, or terminal once every run is
 */
public record ExperimentView(long version, long iteration, long horizon, RunStatus status, List<MethodView> methods) {

    public ExperimentView {
        methods = List.copyOf(methods);
    }

    public static final ExperimentView EMPTY = new ExperimentView(0, 0, 0, RunStatus.READY, List.of());
}
