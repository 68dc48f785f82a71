package org.anilexplorer.app.viewmodel;

import java.util.Map;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.run.ExperimentProgress;
import org.anilexplorer.core.sweep.JobResult;
import org.anilexplorer.core.sweep.JobStatus;
import org.anilexplorer.core.sweep.SweepColumns;
import org.anilexplorer.core.sweep.SweepJob;
import org.anilexplorer.core.sweep.SweepPlan;
import org.anilexplorer.sweep.SweepConfig;

/**
 * What the Sweep view shows at one moment, immutable: the sweep's definition, the results that have arrived (by
 * canonical job index), how far it has come and whether it is still running. A new snapshot replaces the old one
 * whenever results arrive; nothing in it changes afterwards, so the renderer may read it on its own thread.
 *
 * @param config   the sweep (base preset, grid, seeds), as the command line's config.json would hold it
 * @param plan     every job in canonical order
 * @param results  the jobs that ended so far (an unmodifiable copy)
 * @param progress iterations and runs done, with the rate
 * @param status   running, stopped before the end, or finished
 * @param cores    worker threads (one run per core)
 */
public record SweepSnapshot(SweepConfig config, SweepPlan plan, Map<Integer, JobResult> results,
                            ExperimentProgress progress, Status status, int cores) {

    /** Where a sweep is. */
    public enum Status {
        RUNNING, STOPPED, FINISHED
    }

    public SweepSnapshot {
        results = Map.copyOf(results);
    }

    public SweepColumns columns() {
        return config.columns();
    }

    /** The figures' title: the base preset's, as the command line's figures of the same sweep have it. */
    public String title() {
        return config.preset().title();
    }

    /** The parameters a cell runs with for the first method (null when refused): what the theory is computed from. */
    public Params cellParams(int cell) {
        return config.cellParams(cell);
    }

    /** Runs that ended with this status. */
    public int count(JobStatus s) {
        int n = 0;
        for (JobResult r : results.values()) {
            if (r.status() == s) {
                n++;
            }
        }
        return n;
    }

    /** Whether every job of the cell has ended. */
    public boolean cellDone(int cell) {
        for (SweepJob j : plan.jobsOf(cell)) {
            if (!results.containsKey(j.index())) {
                return false;
            }
        }
        return true;
    }
}
