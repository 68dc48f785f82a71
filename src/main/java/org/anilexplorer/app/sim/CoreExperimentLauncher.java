package org.anilexplorer.app.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.anilexplorer.app.viewmodel.ExperimentRequest;
import org.anilexplorer.app.viewmodel.ResolvedMethod;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.run.DynamicsSource;
import org.anilexplorer.core.run.Experiment;
import org.anilexplorer.core.run.RunOptions;
import org.anilexplorer.core.run.RunView;
import org.anilexplorer.core.run.Variant;

/**
 * Opens experiments on the simulation package ({@link Experiment}): every method × seed is a run on its own
 * thread, so all curves grow together on screen, unless their task pools would not fit in memory together, in
 * which case the rest wait their turn. Every dynamics waits at the driver's {@link IterationGate} before each step.
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
    public ExperimentDriver open(ExperimentRequest request) {
        IterationGate gate = new IterationGate();
        List<Variant> variants = new ArrayList<>();
        for (ResolvedMethod m : request.methods()) {
            variants.add(new Variant(m.label(), m.params()));
        }
        int seeds = request.base().seeds();
        int runs = variants.size() * seeds;
        Map<RunKey, GatedDynamics> byRun = new ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicBoolean cancelled = new java.util.concurrent.atomic.AtomicBoolean();
        // every dynamics, for cancelling (two methods with equal parameters share a key in byRun)
        java.util.Queue<GatedDynamics> all = new java.util.concurrent.ConcurrentLinkedQueue<>();
        DynamicsSource gated = (p, seed, threads) -> {
            GatedDynamics g = new GatedDynamics(source.create(p, seed, threads), gate,
                    RunOptions.DEFAULT.schedule(), p.algorithm().hasOneStepGdRisk(), seed, RidgeRiskTracker.SHARED,
                    RidgeRiskTracker.BUDGET_SHARE);
            byRun.put(new RunKey(p, seed), g);
            all.add(g);
            if (cancelled.get()) {
                g.cancel(); // built while the experiment was being cancelled
            }
            return g;
        };
        Experiment experiment = new Experiment(variants, seeds, gated, RunOptions.DEFAULT,
                parallelRuns(request, runs), Duration.ofMillis(250));
        experiment.start();
        return new Driver(request, experiment, gate, byRun, all, cancelled);
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
            return java.util.Optional.empty(); // building the dynamics failed: the run itself says why
        }
    }

    /** The share of the heap one run's task pool may take (the core's own limit, in {@code TaskPool.allocate}). */
    static final double TASK_POOL_HEAP_SHARE = 0.6;

    private static String rowsText(Params p) {
        long rows = (p.mIn().finite() ? p.mIn().get() : 0) + (p.mOut().finite() ? p.mOut().get() : 0);
        return "m_in + m_out = " + rows;
    }

    /** Which run a dynamics belongs to: the variants of one experiment have different parameters. */
    record RunKey(Params params, long seed) {
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
    static long poolBytes(Params p) {
        if (p.tasks().infinite() || p.freshTasks()) {
            return (long) p.d() * p.kPrime() * 8 * 16;
        }
        long rows = (p.mIn().finite() ? p.mIn().get() : 0) + (p.mOut().finite() ? p.mOut().get() : 0);
        return (long) p.tasks().get() * Math.max(1, rows) * (p.d() + 1) * 8;
    }

    /** The app's view of one {@link Experiment}. */
    static final class Driver implements ExperimentDriver {

        private final ExperimentRequest request;
        private final Experiment experiment;
        private final IterationGate gate;
        private final Map<RunKey, GatedDynamics> byRun;
        private final java.util.Queue<GatedDynamics> all;
        private final java.util.concurrent.atomic.AtomicBoolean cancelled;
        private long version;
        private long[] lastFingerprint = new long[0];
        private ExperimentView last = ExperimentView.EMPTY;

        Driver(ExperimentRequest request, Experiment experiment, IterationGate gate, Map<RunKey, GatedDynamics> byRun,
               java.util.Queue<GatedDynamics> all, java.util.concurrent.atomic.AtomicBoolean cancelled) {
            this.all = all;
            this.cancelled = cancelled;
            this.request = request;
            this.experiment = experiment;
            this.gate = gate;
            this.byRun = byRun;
        }

        @Override
        public ExperimentRequest request() {
            return request;
        }

        @Override
        public void resume() {
            gate.resume();
        }

        @Override
        public void pause() {
            gate.pause();
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
        public synchronized ExperimentView latest() {
            List<RunView> runs = experiment.view().runs();
            long[] fingerprint = new long[runs.size() * 3 + 1];
            for (int i = 0; i < runs.size(); i++) {
                RunView r = runs.get(i);
                fingerprint[3 * i] = r.iteration();
                fingerprint[3 * i + 1] = r.series().size();
                fingerprint[3 * i + 2] = r.state().ordinal();
            }
            // ridge points arrive after the run records them (and after it ends)
            long ridgePoints = 0;
            for (GatedDynamics g : byRun.values()) {
                ridgePoints += g.ridgeRisk().size();
            }
            fingerprint[fingerprint.length - 1] = ridgePoints;
            boolean paused = gate.isPaused();
            if (java.util.Arrays.equals(fingerprint, lastFingerprint) && last.status() != RunStatus.READY
                    && (last.status() == RunStatus.PAUSED) == paused) {
                return last;
            }
            lastFingerprint = fingerprint;
            last = Views.of(++version, request, runs, paused, (p, seed) -> byRun.get(new RunKey(p, seed)));
            return last;
        }

        @Override
        public void cancel() {
            cancelled.set(true);
            for (GatedDynamics g : all) {
                g.cancel();
            }
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
