package org.anilexplorer.io;

import java.util.List;

/**
 * What a session file holds: the experiment in preset form (parameters, compared methods, title, description) and,
 * when it was saved after a run, every run's recorded series, the earlier runs of the app's run history (ghosts),
 * and how the window showed them ({@code view}: the app's own keys and values, e.g. log axes, zoom and speed).
 */
public record Session(Preset preset, List<RecordedRun> runs, List<RecordedGhost> history,
                      java.util.Map<String, String> view) {

    public Session {
        runs = List.copyOf(runs);
        history = List.copyOf(history);
        view = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(view));
    }

    /** A session without history or view (a preset, or a file written before they were saved). */
    public Session(Preset preset, List<RecordedRun> runs) {
        this(preset, runs, List.of(), java.util.Map.of());
    }
}
