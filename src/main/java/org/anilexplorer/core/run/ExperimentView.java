package org.anilexplorer.core.run;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An immutable picture of a whole experiment: every run's view (seed-major order: all variants of the first seed,
 * then the next seed) and the overall progress. Cheap to take; aggregates are computed on request.
 */
public record ExperimentView(List<RunView> runs, ExperimentProgress progress) {

    public ExperimentView {
        runs = List.copyOf(runs);
    }

    /** The variant labels in the experiment's order. */
    public List<String> labels() {
        Set<String> labels = new LinkedHashSet<>();
        for (RunView r : runs) {
            labels.add(r.label());
        }
        return List.copyOf(labels);
    }

    /** The runs (one per seed) of one variant. */
    public List<RunView> runsOf(String label) {
        List<RunView> out = new ArrayList<>();
        for (RunView r : runs) {
            if (r.label().equals(label)) {
                out.add(r);
            }
        }
        return out;
    }

    /** Mean ± std across seeds of one variant's curves. */
    public AggregateSeries aggregate(String label) {
        return AggregateSeries.of(label, runsOf(label));
    }

    public boolean done() {
        return progress.done();
    }

    /** Whether every run reached its budget or its convergence criterion. */
    public boolean allSucceeded() {
        return runs.stream().allMatch(r -> r.state().isSuccess());
    }
}
