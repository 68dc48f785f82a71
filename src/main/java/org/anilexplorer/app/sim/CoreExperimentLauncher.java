package org.anilexplorer.app.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anilexplorer.core.run.ExperimentProgress;
import org.anilexplorer.core.run.RunView;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.run.DynamicsSource;
import org.anilexplorer.core.run.Experiment;
import org.anilexplorer.core.run.ExperimentView;
import org.anilexplorer.core.run.RunOptions;
import org.anilexplorer.core.run.Variant;

/**
 * Opens experiments on the simulation package ({@link Experiment}, one per method, so that one method can be
 * replaced while the others run on): every method × seed is a run on its own thread, so all curves grow together
 * on screen, unless their task pools would not fit in memory together, in which case the rest wait their turn. Every dynamics waits at the experiment's {@link IterationGate} before each
 * step. The runs record their snapshots and test risk themselves ({@link RunOptions#DEFAULT}), exactly as on the
 * command line.
 */
public final class CoreExperimentLauncher implements ExperimentLauncher {

    /** Share of the heap the task pools of simultaneously running runs may take. */
    private static final double POOL_MEMORY_SHARE = 0.4;

    private final DynamicsSource source;
    private final RunStates states;

    public CoreExperimentLauncher() {
        this(DynamicsSource.FACTORY);
    }

    /** Tests pass a small stand-in dynamics. */
    public CoreExperimentLauncher(DynamicsSource source) {
        this(source, RunStates.withDefaultBudget());
    }

    /** @param states where runs keep their checkpoints, and which states a method starts from */
    public CoreExperimentLauncher(DynamicsSource source, RunStates states) {
        this.source = source;
        this.states = states;
    }

    @Override
    public java.util.Optional<RunStates> runStates() {
        return java.util.Optional.of(states);
    }

    @Override
    public LiveExperiment open(ExperimentRequest request) {
        return new Driver(request, new IterationGate());
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
        int runs = request.methods().size() * request.base().seeds();
        long pool = largestPool(request);
        if ((parallelRuns(request, runs) + 1) * (double) pool > TASK_POOL_HEAP_SHARE * Runtime.getRuntime().maxMemory()) {
            // measuring builds one more task pool beside those of the running runs: no estimate rather than no memory
            return java.util.Optional.empty();
        }
        List<Variant> variants = new ArrayList<>();
        for (ResolvedMethod m : request.methods()) {
            variants.add(new Variant(m.label(), m.params()));
        }
        try {
            return java.util.Optional.of(org.anilexplorer.core.run.RunEstimate.measure(variants,
                    request.base().seeds(), Runtime.getRuntime().availableProcessors(), source, RunOptions.DEFAULT,
                    ESTIMATE_BUDGET).wallTime());
        } catch (java.util.concurrent.CancellationException e) {
            return java.util.Optional.empty(); // the experiment was replaced while it was being measured
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

    /**
     * As many runs at once as there are runs, unless their task pools would not fit in the pools' share of the heap
     * together: then as many as fit, at least one. (Memory wins over idle cores: two runs of a pool of half the heap
     * each cannot be held at once, whatever the core count.)
     */
    static int parallelRuns(ExperimentRequest request, int runs) {
        long budget = (long) (Runtime.getRuntime().maxMemory() * POOL_MEMORY_SHARE);
        long fit = Math.max(1, budget / largestPool(request));
        return (int) Math.max(1, Math.min(runs, fit));
    }

    private static long largestPool(ExperimentRequest request) {
        long largest = 1;
        for (ResolvedMethod m : request.methods()) {
            largest = Math.max(largest, poolBytes(m.params()));
        }
        return largest;
    }

    /** Rough size of one run's fixed task pool (inputs and labels), the only per-run storage that can be large. */
    static long poolBytes(Params p) {
        if (p.tasks().infinite() || p.freshTasks()) {
            return (long) p.d() * p.kPrime() * 8 * 16;
        }
        long rows = (p.mIn().finite() ? p.mIn().get() : 0) + (p.mOut().finite() ? p.mOut().get() : 0);
        return (long) p.tasks().get() * Math.max(1, rows) * (p.d() + 1) * 8;
    }

    /**
     * The app's handle on one experiment: one {@link Experiment} per method, all waiting at one gate, so that a
     * method can be replaced, added or removed ({@link #update}) while the others run on.
     */
    final class Driver implements LiveExperiment {

        /** One method's runs: its seeds, their gate group, and the method as the request now names it. */
        private record MethodRuns(ResolvedMethod method, Experiment experiment, IterationGate.Group group, String key,
                                  Map<Long, GatedDynamics> gated) {
        }

        /** Experiments stopped by an update, by the method they ran, until their final states are asked for. */
        private final Map<ResolvedMethod, Experiment> stoppedBy = new java.util.HashMap<>();

        private final IterationGate gate;
        /** By slot, in the request's order (guarded by this). */
        private Map<Integer, MethodRuns> live = new LinkedHashMap<>();
        /** Cancelled experiments not yet known to have ended, joined on close (guarded by this). */
        private final List<Experiment> stopped = new ArrayList<>();
        private volatile ExperimentRequest request;
        private boolean cancelled;

        Driver(ExperimentRequest request, IterationGate gate) {
            this.gate = gate;
            this.request = request;
            int parallel = parallelPerMethod(request);
            synchronized (this) {
                for (ResolvedMethod m : request.methods()) {
                    live.put(m.colourIndex(), start(m, parallel, threadsPerRun(request)));
                }
            }
        }

        private MethodRuns start(ResolvedMethod m, int parallel, int threadsPerRun) {
            IterationGate.Group group = gate.newGroup();
            Map<Long, GatedDynamics> built = new java.util.concurrent.ConcurrentHashMap<>();
            DynamicsSource gated = (p, seed, threads) -> {
                int megabytes = poolMegabytes(p);
                try {
                    poolBudget.acquire(megabytes); // the methods' runs share one memory budget for their pools
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.util.concurrent.CancellationException("the run was cancelled");
                }
                try {
                    GatedDynamics d = new GatedDynamics(source.create(p, seed, threads), group, threads, () -> {
                        built.remove(seed); // a closed run's dynamics (and its task pool) is not held on to
                        poolBudget.release(megabytes);
                    });
                    built.put(seed, d);
                    return d;
                } catch (RuntimeException e) {
                    poolBudget.release(megabytes);
                    throw e;
                }
            };
            String key = states.newKey();
            Variant variant = new Variant(key, m.params());
            List<Experiment.RunPlan> plans = new ArrayList<>();
            java.util.Optional<List<SeedStates>> from = states.takeStart(m);
            for (int i = 0; i < m.params().seeds(); i++) {
                SeedStates s = from.isPresent() && i < from.get().size() ? from.get().get(i) : null;
                if (s != null) {
                    s.earlier().forEach(c -> states.keep(key, c));
                }
                plans.add(s != null && s.latest() != null
                        ? Experiment.RunPlan.continuing(variant, s.latest())
                        : new Experiment.RunPlan(variant, m.params().seedOf(i), null));
            }
            RunOptions options = RunOptions.DEFAULT.withCheckpoints(RunStates.checkpointing(states.store(),
                    m.params()));
            // the core gives each of the `parallel` runs cores / parallel threads
            Experiment experiment = new Experiment(plans, gated, options, parallel * threadsPerRun,
                    Duration.ofMillis(250));
            experiment.start();
            return new MethodRuns(m, experiment, group, key, built);
        }

        @Override
        public synchronized boolean restart(ResolvedMethod m) {
            MethodRuns old = live.get(m.colourIndex());
            if (cancelled || old == null) {
                return false;
            }
            stop(old);
            stoppedBy.clear();
            stoppedBy.put(old.method(), old.experiment());
            Map<Integer, MethodRuns> now = new LinkedHashMap<>(live);
            now.put(m.colourIndex(), start(old.method(), parallelPerMethod(request), threadsPerRun(request)));
            live = now;
            return true;
        }

        @Override
        public java.util.Optional<List<org.anilexplorer.core.run.RunCheckpoint>> statesAt(int slot, long t) {
            MethodRuns m;
            synchronized (this) {
                m = live.get(slot);
            }
            if (m == null) {
                return java.util.Optional.empty();
            }
            return states.atOrBefore(m.key(), m.experiment().runs().stream().map(r -> r.seed()).toList(), t);
        }

        @Override
        public Map<Integer, List<SeedStates>> statesNow(Duration patience) {
            List<MethodRuns> methods;
            synchronized (this) {
                methods = List.copyOf(live.values());
            }
            long deadline = System.nanoTime() + patience.toNanos();
            while (true) {
                boolean last = System.nanoTime() >= deadline;
                java.util.Optional<Map<Integer, List<SeedStates>>> all = gate.holding(() -> capture(methods, last));
                if (all.isPresent()) {
                    return all.get();
                }
                try {
                    Thread.sleep(2); // a run finishing its step parks within one step's time
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return gate.holding(() -> capture(methods, true)).orElseThrow();
                }
            }
        }

        /**
         * Every run's states, read while the caller holds the gate; empty when a run is computing and
         * {@code anyway} is false (it will park soon). With {@code anyway}, a computing run gives its newest kept
         * checkpoint instead.
         */
        private java.util.Optional<Map<Integer, List<SeedStates>>> capture(List<MethodRuns> methods, boolean anyway) {
            Map<Integer, List<SeedStates>> out = new LinkedHashMap<>();
            for (MethodRuns m : methods) {
                List<SeedStates> seeds = new ArrayList<>();
                for (org.anilexplorer.core.run.Run r : m.experiment().runs()) {
                    org.anilexplorer.core.run.RunCheckpoint now = stateNow(m, r);
                    org.anilexplorer.core.run.RunState s = r.view().state();
                    if (now == null && s == org.anilexplorer.core.run.RunState.RUNNING && !anyway) {
                        return java.util.Optional.empty();
                    }
                    if (now == null) {
                        // computing still, or diverged: continuing from the newest kept state repeats what followed
                        now = states.store().latest(m.key(), r.seed()).orElse(r.start());
                    }
                    long t = now == null ? 0 : now.iteration();
                    seeds.add(new SeedStates(r.seed(), now, states.store().checkpoints(m.key(), r.seed()).stream()
                            .filter(c -> c.iteration() < t).toList()));
                }
                out.put(m.method().colourIndex(), seeds);
            }
            return java.util.Optional.of(out);
        }

        /** The run's exact state now, when it is between iterations (parked in the gate, or ended); else null. */
        private org.anilexplorer.core.run.RunCheckpoint stateNow(MethodRuns m, org.anilexplorer.core.run.Run r) {
            if (r.view().state() == org.anilexplorer.core.run.RunState.PENDING) {
                return r.start();
            }
            java.util.Optional<org.anilexplorer.core.run.RunCheckpoint> c = r.checkpointNow();
            if (c.isPresent()) {
                return c.get();
            }
            GatedDynamics g = m.gated().get(r.seed());
            return g != null && g.parked() ? r.checkpointParked().orElse(null) : null;
        }

        @Override
        public java.util.concurrent.CompletableFuture<List<org.anilexplorer.core.run.RunCheckpoint>> finalStates(
                ResolvedMethod stopped) {
            Experiment e;
            synchronized (this) {
                e = stoppedBy.remove(stopped);
            }
            if (e == null) {
                return java.util.concurrent.CompletableFuture.completedFuture(List.of());
            }
            return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    e.await();
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    return List.of();
                }
                List<org.anilexplorer.core.run.RunCheckpoint> out = new ArrayList<>();
                for (org.anilexplorer.core.run.Run r : e.runs()) {
                    if (r.lastCheckpoint() == null) {
                        return List.of();
                    }
                    out.add(r.lastCheckpoint());
                }
                return out;
            });
        }

        /**
         * Worker threads for each run's step: the cores shared out among all the runs of the request, at least one
         * (one run alone steps on every core, as on the command line; a comparison of more runs than cores steps
         * each on one thread, which wastes nothing on splitting a step).
         */
        private static int threadsPerRun(ExperimentRequest request) {
            int runs = request.methods().stream().mapToInt(m -> m.params().seeds()).sum();
            return Math.max(1, Runtime.getRuntime().availableProcessors() / Math.max(1, runs));
        }

        /**
         * The runs of one method that may exist at once: all its seeds, as {@link #parallelRuns} would allow them
         * (whether they fit beside the other methods' pools is the shared {@link #poolBudget}'s to say).
         */
        private static int parallelPerMethod(ExperimentRequest request) {
            int seeds = request.methods().stream().mapToInt(m -> m.params().seeds()).max().orElse(1);
            return parallelRuns(request, seeds);
        }

        /**
         * The pools' share of the heap, in megabytes, shared by every method's runs: a run builds its task pool only
         * once it fits beside the pools of the runs already built (one per experiment would let every method build
         * its pools at once), and gives it back when it ends.
         */
        private final java.util.concurrent.Semaphore poolBudget = new java.util.concurrent.Semaphore(BUDGET_MB, true);

        private static final int BUDGET_MB = (int) Math.max(1,
                Runtime.getRuntime().maxMemory() * POOL_MEMORY_SHARE / 1e6);

        /** A run's pool in megabytes of the budget: at least one, at most all (a pool larger alone still runs). */
        private static int poolMegabytes(Params p) {
            return (int) Math.min(BUDGET_MB, Math.max(1, Math.ceil(poolBytes(p) / 1e6)));
        }

        @Override
        public ExperimentRequest request() {
            return request;
        }

        @Override
        public synchronized boolean update(ExperimentRequest next) {
            if (cancelled) {
                return false;
            }
            RequestChange change = RequestChange.between(request, next);
            stoppedBy.clear();
            for (ResolvedMethod m : change.removed()) {
                stop(live.get(m.colourIndex()));
                stoppedBy.put(m, live.get(m.colourIndex()).experiment());
            }
            for (RequestChange.Replacement r : change.replaced()) {
                stop(live.get(r.before().colourIndex()));
                stoppedBy.put(r.before(), live.get(r.before().colourIndex()).experiment());
            }
            int parallel = parallelPerMethod(next);
            Map<Integer, MethodRuns> now = new LinkedHashMap<>();
            for (ResolvedMethod m : next.methods()) {
                MethodRuns kept = change.kept().contains(m) ? live.get(m.colourIndex()) : null;
                now.put(m.colourIndex(), kept != null ? new MethodRuns(m, kept.experiment(), kept.group(), kept.key(),
                        kept.gated())
                        : start(m, parallel, threadsPerRun(next)));
            }
            live = now;
            request = next;
            stopped.removeIf(Driver::ended);
            return true;
        }

        private void stop(MethodRuns runs) {
            runs.group().open(); // first: a run woken by the cancel's interrupt then knows it was replaced
            runs.experiment().cancel();
            stopped.add(runs.experiment());
        }

        private static boolean ended(Experiment e) {
            try {
                return e.await(Duration.ZERO);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return false;
            }
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
        public void limitAhead(long iterations) {
            gate.limitAhead(iterations);
        }

        /** Every method's runs, labelled as the request now names the method, with the progress summed. */
        @Override
        public ExperimentView latest() {
            List<MethodRuns> methods;
            synchronized (this) {
                methods = List.copyOf(live.values());
            }
            List<RunView> runs = new ArrayList<>();
            long done = 0;
            long target = 0;
            double rate = 0;
            Duration elapsed = Duration.ZERO;
            int ended = 0;
            int total = 0;
            for (MethodRuns m : methods) {
                ExperimentView v = m.experiment().view();
                String label = m.method().label();
                for (RunView r : v.runs()) {
                    runs.add(r.label().equals(label) ? r : new RunView(label, r.seed(), r.status(), r.iteration(),
                            r.targetIterations(), r.series(), r.activeNanos(), r.finalModel(), r.truth(), r.risk()));
                }
                ExperimentProgress p = v.progress();
                done += p.iterations();
                target += p.targetIterations();
                rate += p.iterationsPerSecond();
                elapsed = elapsed.compareTo(p.elapsed()) >= 0 ? elapsed : p.elapsed();
                ended += p.runsDone();
                total += p.runsTotal();
            }
            return new ExperimentView(runs, new ExperimentProgress(done, target, rate, elapsed, ended, total));
        }

        @Override
        public void cancel() {
            synchronized (this) {
                cancelled = true;
                for (MethodRuns m : live.values()) {
                    m.experiment().cancel();
                }
            }
            gate.open();
        }

        @Override
        public void close() {
            cancel();
            List<Experiment> all = new ArrayList<>();
            synchronized (this) {
                live.values().forEach(m -> all.add(m.experiment()));
                all.addAll(stopped);
            }
            for (Experiment e : all) {
                e.close();
            }
        }
    }
}
