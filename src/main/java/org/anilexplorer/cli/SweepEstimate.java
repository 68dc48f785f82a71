package org.anilexplorer.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.run.DynamicsSource;
import org.anilexplorer.core.run.RiskRecording;
import org.anilexplorer.core.run.RunEstimate;
import org.anilexplorer.core.run.RunOptions;
import org.anilexplorer.core.run.Variant;
import org.anilexplorer.core.sweep.CostModel;
import org.anilexplorer.core.sweep.SweepJob;

/**
 * How long a sweep will take, for {@code sweep --dry-run}: the step time of its distinct cells (the seeds of a cell
 * cost the same) is measured as {@code run --dry-run} measures a method, single-threaded for a short time each. A
 * large grid measures an evenly spread sample of at most {@value #MOST_MEASURED} settings (cell × method) and gives the others the
 * measured seconds per unit of the sweep's cost model. The jobs share the cores as the sweep runs them, one thread
 * each: wall ≈ max(Σ job times ÷ min(cores, jobs), longest job). A job that diverges stops early, so this is an
 * upper bound for a grid with unstable cells.
 *
 * @param wallTime the estimated wall time
 * @param measured settings measured
 * @param settings distinct settings (cell × method) among the jobs
 */
record SweepEstimate(Duration wallTime, int measured, int settings) {

    static final int MOST_MEASURED = 16;
    private static final Duration BUDGET_PER_CELL = Duration.ofMillis(100);
    /** What a sweep's job records: a plain run's snapshots, no test-risk series. */
    private static final RunOptions JOB_OPTIONS = RunOptions.DEFAULT.withRisk(RiskRecording.NONE);

    static SweepEstimate measure(List<SweepJob> jobs, DynamicsSource source, int cores) {
        Map<Params, List<SweepJob>> byCell = new LinkedHashMap<>();
        for (SweepJob j : jobs) {
            if (!j.refused()) {
                byCell.computeIfAbsent(j.variant().params(), p -> new ArrayList<>()).add(j);
            }
        }
        List<Params> cells = new ArrayList<>(byCell.keySet());
        if (cells.isEmpty()) {
            return new SweepEstimate(Duration.ZERO, 0, 0);
        }
        int count = Math.min(MOST_MEASURED, cells.size());
        List<Variant> sample = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Params p = cells.get((int) ((long) i * cells.size() / count));
            sample.add(new Variant("cell " + i, p));
        }
        RunEstimate measured = RunEstimate.measure(sample, 1, 1, source, JOB_OPTIONS, BUDGET_PER_CELL);
        Map<Params, Double> secondsPerIteration = new LinkedHashMap<>();
        double[] secondsPerCost = new double[count];
        for (int i = 0; i < count; i++) {
            Params p = sample.get(i).params();
            double s = measured.perVariant().get(i).secondsPerIteration();
            secondsPerIteration.put(p, s);
            secondsPerCost[i] = s / costPerIteration(byCell.get(p).get(0));
        }
        Arrays.sort(secondsPerCost);
        double typical = secondsPerCost[count / 2];
        double total = 0;
        double longest = 0;
        for (Map.Entry<Params, List<SweepJob>> cell : byCell.entrySet()) {
            SweepJob any = cell.getValue().get(0);
            Double own = secondsPerIteration.get(cell.getKey());
            double perIteration = own != null ? own : typical * costPerIteration(any);
            double jobSeconds = perIteration * any.iterations();
            total += jobSeconds * cell.getValue().size();
            longest = Math.max(longest, jobSeconds);
        }
        int parallel = (int) Math.max(1, Math.min(cores, byCell.values().stream().mapToLong(List::size).sum()));
        double wall = Math.max(total / parallel, longest);
        return new SweepEstimate(Duration.ofNanos((long) Math.min(Long.MAX_VALUE / 2.0, wall * 1e9)), count,
                cells.size());
    }

    private static double costPerIteration(SweepJob job) {
        return CostModel.cost(job) / Math.max(1, job.iterations());
    }

    /** "estimate: at most about 20 s on 2 core(s) (16 of 50 settings measured, …)". */
    String describe(int cores) {
        return String.format(Locale.ROOT, "estimate: at most about %s on %d core(s) (%d of %d settings measured, "
                        + "the others scaled by their cost; a run that diverges stops early)",
                ProgressBar.words(wallTime), cores, measured, settings);
    }
}
