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

    public final ExperimentRequest request;
    public boolean running;
    public boolean cancelled;
    public boolean closed;
    public long limit = -1;
    public long stepped;
    private long iteration;
    private RunState terminal;
    private String reason = "";

    public FakeDriver(ExperimentRequest request) {
        this.request = request;
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

    /** Moves every run forward by {@code n} iterations. */
    public void advance(long n) {
        iteration = Math.min(iteration + n, request.maxIterations());
        if (iteration == request.maxIterations()) {
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
