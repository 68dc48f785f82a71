package org.anilexplorer.app.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.run.DynamicsSource;
import org.anilexplorer.core.run.Experiment;
import org.anilexplorer.core.run.ExperimentView;
import org.anilexplorer.core.run.RunOptions;
import org.anilexplorer.core.run.Variant;

/**
 * Opens experiments on the simulation package ({@link Experiment}): every method × seed is a run on its own
 * thread, so all curves grow together on screen, unless their task pools would not fit in memory together, in
 * which case the rest wait their turn. Every dynamics waits at the experiment's {@link IterationGate} before each
 * step. The runs record their snapshots and test risk themselves ({@link RunOptions#DEFAULT}), exactly as on the
 * command line.
 */
public final class CoreExperimentLauncher implements ExperimentLauncher {

    /** Share of the heap the task pools of simultaneously running runs may take. */
    private static final double POOL_MEMORY_SHARE = 0.4;

    private final DynamicsSource source;

    public CoreExperimentLauncher() {
        this(DynamicsSource.FACTORY);
    }

    /** Tests pass a small stand-in dynamics. */
    public CoreExperimentLauncher(DynamicsSource source) {
        this.source = source;
    }

    @Override
    public LiveExperiment open(ExperimentRequest request) {
        IterationGate gate = new IterationGate();
        List<Variant> variants = new ArrayList<>();
        for (ResolvedMethod m : request.methods()) {
            variants.add(new Variant(m.label(), m.params()));
        }
        int seeds = request.base().seeds();
        int runs = variants.size() * seeds;
        DynamicsSource gated = (p, seed, threads) -> new GatedDynamics(source.create(p, seed, threads), gate);
        Experiment experiment = new Experiment(variants, seeds, gated, RunOptions.DEFAULT,
                parallelRuns(request, runs), Duration.ofMillis(250));
        experiment.start();
        return new Driver(request, experiment, gate);
    }

    /**
     * Refuses at once a request whose largest task pool would not fit in the share of the heap a run may hold (the
     * core refuses the same pool, but only once a run starts building it, which may take a minute and gigabytes).
     */
    @Override
    public java.util.Optional<String> refusal(ExperimentRequest request) {
        double limit = TASK_POOL_HEAP_SHARE * Runtime.getRuntime().maxMemory();
        for (ResolvedMethod m : request.methods()) {
            long bytes = poolBytes(m.params());
            if (bytes > limit) {
                Params p = m.params();
                return java.util.Optional.of(String.format(java.util.Locale.ROOT,
                        "%s cannot run here: its %,d tasks of %s samples in d = %d need about %,.0f MB of memory, "
                                + "and this app can give a run %,.0f MB. Lower N (tasks), m_in, m_out or d.",
                        m.label(), p.tasks().get(), rowsText(p), p.d(), bytes / 1e6, limit / 1e6));
            }
        }
        return java.util.Optional.empty();
    }

    /** How long each method's dynamics is measured for the estimate (the command line's budget). */
    private static final Duration ESTIMATE_BUDGET = Duration.ofMillis(200);

    @Override
    public java.util.Optional<Duration> estimate(ExperimentRequest request) {
        List<Variant> variants = new ArrayList<>();
        for (ResolvedMethod m : request.methods()) {
            variants.add(new Variant(m.label(), m.params()));
        }
        try {
            return java.util.Optional.of(org.anilexplorer.core.run.RunEstimate.measure(variants,
                    request.base().seeds(), Runtime.getRuntime().availableProcessors(), source, RunOptions.DEFAULT,
                    ESTIMATE_BUDGET).wallTime());
        } catch (RuntimeException e) {
            // building the dynamics failed: the run itself will say why; the estimate is only left out
            System.getLogger(CoreExperimentLauncher.class.getName()).log(System.Logger.Level.INFO,
                    "no time estimate for this experiment", e);
            return java.util.Optional.empty();
        }
    }

    /** The share of the heap one run's task pool may take (the core's own limit, in {@code TaskPool.allocate}). */
    static final double TASK_POOL_HEAP_SHARE = 0.6;

    private static String rowsText(Params p) {
        long rows = (p.mIn().finite() ? p.mIn().get() : 0) + (p.mOut().finite() ? p.mOut().get() : 0);
        return "m_in + m_out = " + rows;
    }

    /** As many runs at once as there are runs, bounded by memory for large task pools, and at least the core count. */
    static int parallelRuns(ExperimentRequest request, int runs) {
        long largest = 1;
        for (ResolvedMethod m : request.methods()) {
            largest = Math.max(largest, poolBytes(m.params()));
        }
        long budget = (long) (Runtime.getRuntime().maxMemory() * POOL_MEMORY_SHARE);
        long fit = Math.max(1, budget / largest);
        int cores = Runtime.getRuntime().availableProcessors();
        return (int) Math.max(1, Math.min(runs, Math.max(cores, fit)));
    }

    /** Rough size of one run's fixed task pool (inputs and labels), the only per-run storage that can be large. */
    public static long poolBytes(Params p) {
        if (p.tasks().infinite() || p.freshTasks()) {
            return (long) p.d() * p.kPrime() * 8 * 16;
        }
        long rows = (p.mIn().finite() ? p.mIn().get() : 0) + (p.mOut().finite() ? p.mOut().get() : 0);
        return (long) p.tasks().get() * Math.max(1, rows) * (p.d() + 1) * 8;
    }

    /** The app's handle on one {@link Experiment}: the gate it waits at, and the runs themselves. */
    record Driver(ExperimentRequest request, Experiment experiment, IterationGate gate) implements LiveExperiment {

        @Override
        public void resume() {
            gate.resume();
        }

        @Override
        public void pause() {
            gate.pause();
        }

        @Override
        public boolean isPaused() {
            return gate.isPaused();
        }

        @Override
        public void step(long iterations) {
            gate.step(iterations);
        }

        @Override
        public void limitTo(long iteration) {
            gate.limitTo(iteration);
        }

        @Override
        public ExperimentView latest() {
            return experiment.view();
        }

        @Override
        public void cancel() {
            experiment.cancel();
            gate.open();
        }

        @Override
        public void close() {
            cancel();
            experiment.close();
        }
    }
}
