package org.anilexplorer.io;

import java.util.List;

/**
 * What a session file holds: the experiment in preset form (parameters, compared methods, title, description) and,
 * when it was saved after a run, every run's recorded series.
 */
public record Session(Preset preset, List<RecordedRun> runs) {

    public Session {
        runs = List.copyOf(runs);
    }
}
