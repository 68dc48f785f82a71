package org.anilexplorer.app.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.run.CheckpointStore;
import org.anilexplorer.core.run.Checkpointing;
import org.anilexplorer.core.run.RunCheckpoint;

/**
 * The app's memory of run states: every run the launcher starts hands its checkpoints to one
 * {@link CheckpointStore} within a byte budget (so a scrubbed iteration can be branched from), and a method can be
 * told to start from given states instead of t = 0 the next time it starts (undo bringing an earlier run back, a
 * branch, a session resuming a paused run). Thread-safe.
 *
 * <p>Runs are filed in the store under a key of their own ("run-17"), not their label: labels follow the settings
 * and may repeat over an exploration, states must not mix.
 */
public final class RunStates {

    /** Checkpoints per run over its horizon before thinning (t = 0, T/400, 2T/400, …). */
    static final long CHECKPOINTS_PER_RUN = 400;

    private final CheckpointStore store;
    private final AtomicLong serial = new AtomicLong();
    /**
     * Starts asked for, by the parameters of the methods that should take them, oldest first (two methods of a
     * session may have equal parameters: each takes its own).
     */
    private final Map<Params, java.util.Deque<List<SeedStates>>> starts = new HashMap<>();

    /** @param budgetBytes what the kept checkpoints may take in all */
    public RunStates(long budgetBytes) {
        this.store = new CheckpointStore(budgetBytes);
    }

    /** A budget of a tenth of the heap, at most 512 MB. */
    public static RunStates withDefaultBudget() {
        return new RunStates(Math.min(512L << 20, Runtime.getRuntime().maxMemory() / 10));
    }

    public CheckpointStore store() {
        return store;
    }

    /** A fresh key to file a run's states under. */
    String newKey() {
        return "run-" + serial.incrementAndGet();
    }

    /** How often a run of {@code p} hands out a checkpoint. */
    static Checkpointing checkpointing(CheckpointStore store, Params p) {
        return Checkpointing.into(store, Math.max(1, p.iterations() / CHECKPOINTS_PER_RUN));
    }

    /**
     * The next method to start with exactly parameters {@code p} continues from {@code states} (one per seed, in seed
     * order) instead of starting at t = 0.
     */
    public synchronized void startNextFrom(Params p, List<RunCheckpoint> states) {
        starts.remove(p); // the newest request for these parameters wins
        ask(p, states.stream().map(c -> new SeedStates(c.seed(), c, List.of())).toList());
    }

    /**
     * The next method to start with exactly parameters {@code p} continues each seed from its
     * {@link SeedStates#latest()} (a seed without one starts at t = 0), and its earlier checkpoints are kept in the
     * store to branch from: a reopened session. Each call adds one start: methods with equal parameters take them in
     * the order they were asked for.
     *
     * @param seeds one per seed of {@code p}, in seed order
     */
    public synchronized void startNextFrom(Params p, List<SeedStates> seeds, boolean withEarlier) {
        ask(p, withEarlier ? List.copyOf(seeds)
                : seeds.stream().map(s -> new SeedStates(s.seed(), s.latest(), List.of())).toList());
    }

    private void ask(Params p, List<SeedStates> seeds) {
        starts.computeIfAbsent(p, k -> new java.util.ArrayDeque<>()).addLast(seeds);
    }

    /** Forks by colour slot: a branched method starts again from its branch point whenever its settings change. */
    private final Map<Integer, List<RunCheckpoint>> forks = new HashMap<>();

    /**
     * From now on, the method in colour slot {@code slot} starts from {@code states} (a branch point) whenever it
     * starts, under its settings then, where the states allow those settings ({@link RunCheckpoint#refusal}).
     */
    public synchronized void fork(int slot, List<RunCheckpoint> states) {
        forks.put(slot, List.copyOf(states));
    }

    /** The branch point of slot {@code slot}, if it is branched. */
    public synchronized Optional<List<RunCheckpoint>> forkOf(int slot) {
        return Optional.ofNullable(forks.get(slot));
    }

    /** Forgets every branch point (a new exploration). */
    public synchronized void clearForks() {
        forks.clear();
    }

    /**
     * The states a method should start from: those asked for with exactly its parameters, else its slot's branch
     * point when the parameters can continue from it; empty: from t = 0.
     */
    synchronized Optional<List<SeedStates>> takeStart(ResolvedMethod m) {
        java.util.Deque<List<SeedStates>> pending = starts.get(m.params());
        if (pending != null) {
            List<SeedStates> exact = pending.removeFirst();
            if (pending.isEmpty()) {
                starts.remove(m.params());
            }
            return Optional.of(exact);
        }
        List<RunCheckpoint> fork = forks.get(m.colourIndex());
        if (fork != null && fork.stream().allMatch(c -> c.refusal(m.params()).isEmpty())) {
            return Optional.of(fork.stream().map(c -> new SeedStates(c.seed(), c, List.of())).toList());
        }
        return Optional.empty();
    }

    /** {@code c} filed under run key {@code key} (a reopened session's checkpoints, for the run continuing them). */
    void keep(String key, RunCheckpoint c) {
        store.add(new RunCheckpoint(key, c.seed(), c.params(), c.dynamics(), c.cursor(), c.series(), c.risk()));
    }

    /** Why the method's settings cannot continue from its slot's branch point, if they cannot. */
    public synchronized Optional<String> forkRefusal(ResolvedMethod m) {
        List<RunCheckpoint> fork = forks.get(m.colourIndex());
        return fork == null ? Optional.empty() : fork.get(0).refusal(m.params());
    }

    /** Forgets a start that was asked for but not taken. */
    public synchronized void cancelStart(Params p) {
        starts.remove(p);
    }

    /** The run's checkpoint nearest at or before {@code t}, for each of the seeds, or empty if a seed has none. */
    Optional<List<RunCheckpoint>> atOrBefore(String key, List<Long> seeds, long t) {
        List<RunCheckpoint> out = new ArrayList<>();
        for (long seed : seeds) {
            Optional<RunCheckpoint> c = store.atOrBefore(key, seed, t);
            if (c.isEmpty()) {
                return Optional.empty();
            }
            out.add(c.get());
        }
        return Optional.of(out);
    }

    /** "checkpoints 12 MB of 256 MB". */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "checkpoints %s of %s", megabytes(store.bytesUsed()),
                megabytes(store.budget()));
    }

    private static String megabytes(long bytes) {
        return bytes < 1_000_000 ? String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1e6)
                : String.format(java.util.Locale.ROOT, "%,d MB", Math.round(bytes / 1e6));
    }
}
