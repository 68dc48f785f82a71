package org.anilexplorer.app.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.anilexplorer.core.metrics.Snapshot;
import org.anilexplorer.core.run.ExperimentProgress;
import org.anilexplorer.core.run.ExperimentView;
import org.anilexplorer.core.run.RiskSeries;
import org.anilexplorer.core.run.RunState;
import org.anilexplorer.core.run.RunStatus;
import org.anilexplorer.core.run.RunView;
import org.anilexplorer.core.run.SnapshotSeries;

/**
 * A synchronous stand-in for the simulation: the test moves it with {@link #advance(long)} and reads back what the
 * view model asked for. The recorded numbers are arbitrary placeholders, not dynamics.
 */
public final class FakeDriver implements LiveExperiment {

    public ExperimentRequest request;
    /** Every request this experiment was turned into by {@link #update}, in order. */
    public final List<RequestChange> updates = new ArrayList<>();
    public boolean running;
    public boolean cancelled;
    public boolean closed;
    public long limit = -1;
    public long stepped;
    /** Each method's completed iterations, by slot. */
    private final java.util.Map<Integer, Long> iterations = new java.util.HashMap<>();
    private RunState terminal;
    private String reason = "";

    public FakeDriver(ExperimentRequest request) {
        this.request = request;
        for (ResolvedMethod m : request.methods()) {
            iterations.put(m.colourIndex(), 0L);
        }
    }

    /** As the real driver: replaced and added methods start again at t = 0, kept ones keep their iteration. */
    @Override
    public boolean update(ExperimentRequest next) {
        RequestChange change = RequestChange.between(request, next);
        updates.add(change);
        java.util.Map<Integer, Long> now = new java.util.HashMap<>();
        for (ResolvedMethod m : next.methods()) {
            boolean kept = change.kept().contains(m);
            now.put(m.colourIndex(), kept ? iterations.get(m.colourIndex()) : 0L);
        }
        iterations.clear();
        iterations.putAll(now);
        request = next;
        if (!change.added().isEmpty() || !change.replaced().isEmpty()) {
            terminal = null;
        }
        return true;
    }

    /** The completed iterations of the method in this slot. */
    public long iterationOf(int slot) {
        return iterations.get(slot);
    }

    @Override
    public ExperimentRequest request() {
        return request;
    }

    @Override
    public void resume() {
        running = true;
    }

    @Override
    public void pause() {
        running = false;
    }

    @Override
    public boolean isPaused() {
        return !running;
    }

    @Override
    public void step(long iterations) {
        stepped += iterations;
        advance(iterations);
    }

    @Override
    public void limitTo(long iteration) {
        limit = iteration;
    }

    /** The limit the real gate sets: the slowest method's iteration plus {@code n}. */
    @Override
    public void limitAhead(long n) {
        long slowest = iterations.values().stream().mapToLong(Long::longValue).min().orElse(0);
        limit = n == Long.MAX_VALUE ? Long.MAX_VALUE : slowest + n;
    }

    /** Moves every run forward by {@code n} iterations (each method up to its own horizon). */
    public void advance(long n) {
        boolean all = true;
        for (ResolvedMethod m : request.methods()) {
            long t = Math.min(iterations.get(m.colourIndex()) + n, m.params().iterations());
            iterations.put(m.colourIndex(), t);
            all &= t == m.params().iterations();
        }
        if (all) {
            terminal = RunState.FINISHED;
        }
    }

    public void diverge(String why) {
        terminal = RunState.DIVERGED;
        reason = why;
    }

    @Override
    public ExperimentView latest() {
        List<RunView> runs = new ArrayList<>();
        for (ResolvedMethod m : request.methods()) {
            long iteration = iterations.get(m.colourIndex());
            for (int s = 0; s < m.params().seeds(); s++) {
                List<Snapshot> snaps = new ArrayList<>();
                for (long t = 0; t <= iteration; t += Math.max(1, iteration / 20)) {
                    snaps.add(placeholder(t, m.params().k()));
                }
                RunState st = terminal != null ? terminal : RunState.RUNNING;
                long[] t = snaps.stream().mapToLong(Snapshot::iteration).toArray();
                double[] r = java.util.Arrays.stream(t).mapToDouble(x -> 1 + 1.0 / (1 + x)).toArray();
                double[] none = new double[t.length];
                java.util.Arrays.fill(none, Double.NaN);
                runs.add(new RunView(m.label(), m.params().seedOf(s),
                        new RunStatus(st, terminal == RunState.DIVERGED ? reason : ""), iteration,
                        m.params().iterations(), SnapshotSeries.of(snaps), 0, null, null,
                        new RiskSeries(m.params().mTest().get(0), t, r, none)));
            }
        }
        return new ExperimentView(runs, new ExperimentProgress(0, 0, 0, Duration.ZERO, 0, runs.size()));
    }

    static Snapshot placeholder(long t, int k) {
        double[] star = new double[k];
        for (int i = 0; i < k; i++) {
            star[i] = (k - i) * (1 - 1.0 / (1 + t));
        }
        return new Snapshot(t, star, new double[] {1.0 / (1 + t), 0.5 / (1 + t)}, 0, 0, 1, Double.NaN);
    }

    @Override
    public void cancel() {
        cancelled = true;
        running = false;
    }

    @Override
    public void close() {
        cancel();
        closed = true;
    }
}
