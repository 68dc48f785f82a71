package org.anilexplorer.core.sweep;

import java.util.Arrays;

/**
 * What one job produced: how it ended, its last iteration, and its measured columns (NaN where nothing was measured:
 * a diverged, refused or failed job has no final metrics).
 *
 * @param jobIndex    the job's canonical index
 * @param status      how it ended
 * @param iteration   iterations completed (for a diverged job, the iteration where it was stopped)
 * @param values      one value per {@link SweepColumns} column
 * @param reason      why it did not finish (empty when finished)
 * @param activeNanos wall time spent (for the summary only; never in sweep.csv)
 */
public record JobResult(int jobIndex, JobStatus status, long iteration, double[] values, String reason,
                        long activeNanos) {

    public JobResult {
        values = values.clone();
        reason = reason == null ? "" : reason;
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public double value(int column) {
        return values[column];
    }

    /** The same numbers; equality ignores the wall time. */
    public boolean sameOutcome(JobResult o) {
        return jobIndex == o.jobIndex && status == o.status && iteration == o.iteration
                && Arrays.equals(values, o.values) && reason.equals(o.reason);
    }

    public static double[] missing(int columns) {
        double[] v = new double[columns];
        Arrays.fill(v, Double.NaN);
        return v;
    }
}
