package org.anilexplorer.app.viewmodel;

import java.util.List;

/**
 * The newest state of the experiment as the window shows it, built from {@code core.run}'s view by
 * {@link LiveViews}. Immutable, so the UI reads it without locks; {@code version} grows with every change, so a frame
 * can skip an unchanged view.
 *
 * @param iteration the iteration the furthest still-running run has reached (the experiment's t; a method
 *                  started or replaced later runs behind it)
 * @param horizon   the largest iteration count among the methods
 * @param state     the experiment as a whole: running or paused, or terminal once every run is
 */
public record LiveView(long version, long iteration, long horizon, ExperimentState state, List<MethodView> methods) {

    public LiveView {
        methods = List.copyOf(methods);
    }

    public static final LiveView EMPTY = new LiveView(0, 0, 0, ExperimentState.READY, List.of());
}
