package org.anilexplorer.app.sim;

import java.util.ArrayList;
import java.util.List;
import org.anilexplorer.app.viewmodel.ExperimentRequest;
import org.anilexplorer.app.viewmodel.ResolvedMethod;
import org.anilexplorer.core.metrics.Snapshot;

/**
 * A synchronous stand-in for the simulation: the test moves it with {@link #advance(long)} and reads back what the
 * view model asked for. The recorded numbers are arbitrary placeholders, not dynamics.
 */
public final class FakeDriver implements ExperimentDriver {

    public final ExperimentRequest request;
    public boolean running;
    public boolean cancelled;
    public boolean closed;
    public long limit = -1;
    public long stepped;
    private long iteration;
    private long version = 1;
    private RunStatus terminal;
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
        version++; // the real driver publishes a paused view too (its status changes)
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

    /** Moves every run forward by {@code n} iterations and publishes a new view. */
    public void advance(long n) {
        iteration = Math.min(iteration + n, request.maxIterations());
        version++;
        if (iteration == request.maxIterations()) {
            terminal = RunStatus.FINISHED;
        }
    }

    public void diverge(String why) {
        terminal = RunStatus.DIVERGED;
        reason = why;
        version++;
    }

    @Override
    public ExperimentView latest() {
        List<MethodView> methods = new ArrayList<>();
        for (ResolvedMethod m : request.methods()) {
            List<SeedSeries> seeds = new ArrayList<>();
            for (int s = 0; s < m.params().seeds(); s++) {
                List<Snapshot> snaps = new ArrayList<>();
                for (long t = 0; t <= iteration; t += Math.max(1, iteration / 20)) {
                    snaps.add(placeholder(t, m.params().k()));
                }
                RunStatus st = terminal != null ? terminal : running ? RunStatus.RUNNING : RunStatus.PAUSED;
                long[] t = snaps.stream().mapToLong(Snapshot::iteration).toArray();
                double[] r = java.util.Arrays.stream(t).mapToDouble(x -> 1 + 1.0 / (1 + x)).toArray();
                seeds.add(new SeedSeries(m.params().seedOf(s), snaps, st, terminal == RunStatus.DIVERGED ? reason : "",
                        new RiskSeries(m.params().mTest().get(0), t, r)));
            }
            methods.add(new MethodView(m, seeds));
        }
        RunStatus status = terminal != null ? terminal : running ? RunStatus.RUNNING : RunStatus.PAUSED;
        return new ExperimentView(version, iteration, request.maxIterations(), status, methods);
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
