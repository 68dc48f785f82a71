package org.anilexplorer.core.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Part {@code index} (1-based) of {@code count} disjoint parts of a sweep, balanced by estimated cost.
 *
 * <p>Every machine computes the same assignment from the same plan: jobs sorted by decreasing cost (ties by their
 * canonical index) go one by one to the part with the least cost so far (ties to the lowest part), the
 * longest-processing-time rule. The parts are therefore disjoint, cover the plan, and differ in cost by at most the
 * cost of one job.
 */
public record Shard(int index, int count) {

    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new SweepException("--shard: must be I/N with 1 ≤ I ≤ N, got " + index + "/" + count);
        }
    }

    /** Parses {@code I/N}. */
    public static Shard parse(String text) {
        String t = text.strip();
        int slash = t.indexOf('/');
        if (slash <= 0) {
            throw new SweepException("--shard: expected I/N (e.g. 3/10), got '" + t + "'");
        }
        try {
            return new Shard(Integer.parseInt(t.substring(0, slash).strip()), Integer.parseInt(t.substring(slash + 1).strip()));
        } catch (NumberFormatException e) {
            throw new SweepException("--shard: expected I/N with integers (e.g. 3/10), got '" + t + "'");
        }
    }

    public boolean isAll() {
        return count == 1;
    }

    /** This part's jobs, in canonical order. */
    public List<SweepJob> select(List<SweepJob> jobs) {
        int[] owner = assign(jobs, count);
        List<SweepJob> out = new ArrayList<>();
        for (SweepJob j : jobs) {
            if (owner[j.index()] == index - 1) {
                out.add(j);
            }
        }
        return out;
    }

    /** owner[job.index()] = 0-based part of each job (jobs must be indexed 0..n−1). */
    static int[] assign(List<SweepJob> jobs, int parts) {
        List<SweepJob> order = new ArrayList<>(jobs);
        order.sort(Comparator.comparingDouble((SweepJob j) -> -CostModel.cost(j)).thenComparingInt(SweepJob::index));
        double[] load = new double[parts];
        int[] owner = new int[jobs.size()];
        for (SweepJob j : order) {
            int best = 0;
            for (int p = 1; p < parts; p++) {
                if (load[p] < load[best]) {
                    best = p;
                }
            }
            owner[j.index()] = best;
            load[best] += CostModel.cost(j);
        }
        return owner;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
