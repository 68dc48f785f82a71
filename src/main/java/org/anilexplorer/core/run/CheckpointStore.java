package org.anilexplorer.core.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The checkpoints of several runs within a memory budget: what the app keeps so that a scrubbed iteration can be
 * branched from and a paused run saved. Thread-safe; runs add from their own threads
 * ({@link Checkpointing#into(CheckpointStore, long)}).
 *
 * <p>Thinning: while the checkpoints take more than the budget, the run holding the most bytes gives up the
 * checkpoint whose neighbours are closest on a log scale of t (its first and newest are never given up). Checkpoints
 * taken every N iterations thus thin into a roughly geometric set (ratios t_{i+1}/t_i about equal: dense early,
 * sparse late, as the log-scaled charts show them), whose count for a fixed budget stays the same however long the
 * run. Each run's newest checkpoint is
 * always kept, so a run can always be resumed; a single state larger than the budget is kept all the same, and
 * {@link #bytesUsed()} then exceeds {@link #budget()}.
 *
 * <p>For the app: {@link #iterations} lists where a run can be branched; {@link #atOrBefore} gives the checkpoint to
 * branch from at a scrubbed t; {@link RunCheckpoint#branch} with the changed parameters and
 * {@link Run#continuing} start the branch; {@link #bytesUsed()} and {@link #budget()} are for the status bar.
 */
public final class CheckpointStore {

    /** One run: its variant's label and its seed. */
    public record RunKey(String label, long seed) {
    }

    private final long budget;
    private final Map<RunKey, TreeMap<Long, RunCheckpoint>> runs = new LinkedHashMap<>();
    private long bytes;

    /** @param budgetBytes the bytes the checkpoints may take in all (≥ 0) */
    public CheckpointStore(long budgetBytes) {
        if (budgetBytes < 0) {
            throw new IllegalArgumentException("the budget must be ≥ 0 bytes, got " + budgetBytes);
        }
        this.budget = budgetBytes;
    }

    public long budget() {
        return budget;
    }

    /** Bytes the kept checkpoints take (see {@link RunCheckpoint#bytes()}). */
    public synchronized long bytesUsed() {
        return bytes;
    }

    /** Keeps {@code c} (replacing one of the same run and iteration), then thins to the budget. */
    public synchronized void add(RunCheckpoint c) {
        TreeMap<Long, RunCheckpoint> run = runs.computeIfAbsent(new RunKey(c.label(), c.seed()), k -> new TreeMap<>());
        RunCheckpoint old = run.put(c.iteration(), c);
        if (old != null) {
            bytes -= old.bytes();
        }
        bytes += c.bytes();
        while (bytes > budget && thinOnce()) {
            // each pass drops one checkpoint
        }
    }

    /** The iterations at which a run has a checkpoint, in increasing order (empty for an unknown run). */
    public synchronized List<Long> iterations(String label, long seed) {
        TreeMap<Long, RunCheckpoint> run = runs.get(new RunKey(label, seed));
        return run == null ? List.of() : List.copyOf(run.keySet());
    }

    /** The run's checkpoint nearest at or before iteration t: where a branch from a scrubbed t starts. */
    public synchronized Optional<RunCheckpoint> atOrBefore(String label, long seed, long t) {
        TreeMap<Long, RunCheckpoint> run = runs.get(new RunKey(label, seed));
        if (run == null) {
            return Optional.empty();
        }
        Map.Entry<Long, RunCheckpoint> e = run.floorEntry(t);
        return e == null ? Optional.empty() : Optional.of(e.getValue());
    }

    /** The run's newest checkpoint (a paused or ended run's state, when it was added). */
    public synchronized Optional<RunCheckpoint> latest(String label, long seed) {
        TreeMap<Long, RunCheckpoint> run = runs.get(new RunKey(label, seed));
        return run == null || run.isEmpty() ? Optional.empty() : Optional.of(run.lastEntry().getValue());
    }

    /** All checkpoints of a run, oldest first. */
    public synchronized List<RunCheckpoint> checkpoints(String label, long seed) {
        TreeMap<Long, RunCheckpoint> run = runs.get(new RunKey(label, seed));
        return run == null ? List.of() : List.copyOf(run.values());
    }

    /** The runs with checkpoints, in the order they first added one. */
    public synchronized List<RunKey> runs() {
        return List.copyOf(runs.keySet());
    }

    /** Forgets a run's checkpoints (a discarded run). */
    public synchronized void remove(String label, long seed) {
        TreeMap<Long, RunCheckpoint> run = runs.remove(new RunKey(label, seed));
        if (run != null) {
            run.values().forEach(c -> bytes -= c.bytes());
        }
    }

    /** Drops one checkpoint of the run holding the most bytes among those with one to spare; false if none has. */
    private boolean thinOnce() {
        TreeMap<Long, RunCheckpoint> largest = null;
        long largestBytes = -1;
        for (TreeMap<Long, RunCheckpoint> run : runs.values()) {
            if (run.size() < 2) {
                continue;
            }
            long b = 0;
            for (RunCheckpoint c : run.values()) {
                b += c.bytes();
            }
            if (b > largestBytes) {
                largest = run;
                largestBytes = b;
            }
        }
        if (largest == null) {
            return false;
        }
        long drop = leastValuable(new ArrayList<>(largest.keySet()));
        bytes -= largest.remove(drop).bytes();
        return true;
    }

    /**
     * Of iterations t_0 &lt; … &lt; t_n (n ≥ 1), the interior one whose neighbours are closest on a log scale,
     * log(t_{i+1} + 1) − log(t_{i−1} + 1); with only two, the older.
     */
    static long leastValuable(List<Long> ts) {
        if (ts.size() == 2) {
            return ts.get(0);
        }
        long best = ts.get(1);
        double bestGap = Double.POSITIVE_INFINITY;
        for (int i = 1; i < ts.size() - 1; i++) {
            double gap = Math.log1p(ts.get(i + 1)) - Math.log1p(ts.get(i - 1));
            if (gap < bestGap) {
                bestGap = gap;
                best = ts.get(i);
            }
        }
        return best;
    }
}
