package org.anilexplorer.core.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.anilexplorer.core.params.Params;

/**
 * Several variants (methods) × several seeds, run in parallel on a bounded pool.
 *
 * <p>Threads: with {@code cores} available and R runs, min(cores, R) runs execute at once and each dynamics gets
 * a budget of max(1, cores / that) worker threads, so the total stays near the core count. Runs start longest
 * first (by an estimate of their work), so that the experiment does not end with one long run on one core while
 * the others idle. Run i of every variant
 * uses seed {@code params.seedOf(i)}, so all variants of one seed share ground truth, tasks and B₀.
 *
 * <p>Results are published, never shared mutable: {@link #view()} returns an immutable picture built from each run's
 * latest published state, costing O(number of runs). Pause parks the workers between iterations; cancel stops them
 * within milliseconds, also in the middle of a step (see {@link #cancel()}).
 */
public final class Experiment implements AutoCloseable {

    private final List<Run> runs;
    private final int parallelRuns;
    private final RunControl control = new RunControl();
    private final CountDownLatch finished;
    private final List<ExperimentListener> listeners = new CopyOnWriteArrayList<>();
    private final Duration progressPeriod;
    /** The threads executing a run right now (what {@link #cancel()} interrupts). */
    private final java.util.Set<Thread> executing = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile long startNanos;
    private ExecutorService workers;
    private ScheduledExecutorService ticker;

    /**
     * @param variants       the curves to compare (at least one)
     * @param seeds          runs per variant
     * @param source         builds each run's dynamics
     * @param options        recording options for every run
     * @param cores          cores to use in total (≥ 1)
     * @param progressPeriod how often listeners hear about progress
     */
    public Experiment(List<Variant> variants, int seeds, DynamicsSource source, RunOptions options, int cores,
                      Duration progressPeriod) {
        this(plan(variants, seeds), source, options, cores, progressPeriod);
    }

    /** One run of an experiment: a variant, and the checkpoint it continues from (null: from t = 0). */
    public record RunPlan(Variant variant, long seed, RunCheckpoint from) {

        public RunPlan {
            Objects.requireNonNull(variant, "variant");
            if (from != null && from.seed() != seed) {
                throw new IllegalArgumentException("a run of seed " + seed + " cannot continue a checkpoint of seed "
                        + from.seed());
            }
        }

        /** Continues {@code from} under {@code variant}'s parameters (its seed is the checkpoint's). */
        public static RunPlan continuing(Variant variant, RunCheckpoint from) {
            return new RunPlan(variant, from.seed(), from);
        }
    }

    /**
     * Runs given one by one, in the order their results are listed: some or all may continue from checkpoints
     * ({@link Run#continuing}), e.g. every method and seed of a saved result set from its state at one iteration.
     *
     * @throws org.anilexplorer.core.params.ParamException when a variant cannot continue from its checkpoint
     */
    public Experiment(List<RunPlan> plans, DynamicsSource source, RunOptions options, int cores,
                      Duration progressPeriod) {
        if (plans.isEmpty()) {
            throw new IllegalArgumentException("an experiment needs at least one variant");
        }
        java.util.Set<String> runsSeen = new java.util.HashSet<>();
        for (RunPlan r : plans) {
            if (!runsSeen.add(r.variant().label() + "\u0000" + r.seed())) {
                throw new IllegalArgumentException("two variants are labelled '" + r.variant().label()
                        + "'; labels must differ");
            }
        }
        int total = plans.size();
        this.parallelRuns = Math.max(1, Math.min(Math.max(1, cores), total));
        int threadsPerRun = Math.max(1, Math.max(1, cores) / parallelRuns);
        List<Run> list = new ArrayList<>(total);
        for (RunPlan r : plans) {
            list.add(r.from() == null ? new Run(r.variant(), r.seed(), threadsPerRun, source, options)
                    : Run.continuing(r.variant(), r.from(), threadsPerRun, source, options));
        }
        this.runs = List.copyOf(list);
        this.finished = new CountDownLatch(total);
        this.progressPeriod = Objects.requireNonNull(progressPeriod, "progressPeriod");
    }

    /** Variants × seeds in the order of the results: seed by seed, every variant of a seed together. */
    private static List<RunPlan> plan(List<Variant> variants, int seeds) {
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("an experiment needs at least one variant");
        }
        if (seeds < 1) {
            throw new IllegalArgumentException("seeds must be ≥ 1");
        }
        java.util.Set<String> labelsSeen = new java.util.HashSet<>();
        for (Variant v : variants) {
            if (!labelsSeen.add(v.label())) {
                throw new IllegalArgumentException("two variants are labelled '" + v.label() + "'; labels must differ");
            }
        }
        List<RunPlan> plans = new ArrayList<>(variants.size() * seeds);
        for (int i = 0; i < seeds; i++) {
            for (Variant v : variants) {
                plans.add(new RunPlan(v, v.params().seedOf(i), null));
            }
        }
        return plans;
    }

    /** Variants × their own {@code seeds} parameter (taken from the first variant), on all available cores. */
    public static Experiment of(List<Variant> variants, DynamicsSource source) {
        return new Experiment(variants, variants.get(0).params().seeds(), source, RunOptions.DEFAULT,
                Runtime.getRuntime().availableProcessors(), Duration.ofMillis(250));
    }

    public List<Run> runs() {
        return runs;
    }

    /** How many runs execute at the same time. */
    public int parallelRuns() {
        return parallelRuns;
    }

    public void addListener(ExperimentListener listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    /** Starts every run; returns at once. */
    public synchronized void start() {
        if (workers != null) {
            throw new IllegalStateException("already started");
        }
        startNanos = System.nanoTime();
        workers = Executors.newFixedThreadPool(parallelRuns, daemonThreads("anil-run"));
        List<Run> longestFirst = new ArrayList<>(runs);
        longestFirst.sort(Comparator.comparingDouble((Run r) -> estimatedWork(r.params())
                * (r.start() == null ? 1.0 : 1.0 - (double) r.start().iteration() / Math.max(1, r.params().iterations())))
                .reversed());
        for (Run r : longestFirst) {
            workers.execute(() -> {
                Thread self = Thread.currentThread();
                executing.add(self);
                try {
                    if (control.isCancelled()) {
                        r.cancelBeforeStart();
                    } else {
                        r.execute(control);
                    }
                } finally {
                    executing.remove(self);
                    Thread.interrupted(); // a cancel's interrupt ends here, not in the pool thread's next run
                    finished.countDown();
                }
            });
        }
        workers.shutdown();
        ticker = Executors.newSingleThreadScheduledExecutor(daemonThreads("anil-progress"));
        long period = Math.max(1, progressPeriod.toMillis());
        ticker.scheduleAtFixedRate(this::tick, period, period, TimeUnit.MILLISECONDS);
        Thread last = daemonThreads("anil-progress-final").newThread(() -> {
            try {
                finished.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // nothing here interrupts it; if something does, stop waiting
                return;
            }
            ticker.shutdownNow();
            tick();
        });
        last.start();
    }

    /**
     * A rough count of the arithmetic of a whole run, only to order the runs: per iteration each finite task reads
     * its rows and multiplies by B (d·k'); infinitely many tasks cost a few d×k' by k' products.
     */
    static double estimatedWork(Params p) {
        int rows = (p.mIn().finite() ? p.mIn().get() : 1) + (p.mOut().finite() ? p.mOut().get() : 1);
        double perIteration = p.tasks().finite()
                ? (double) p.tasks().get() * ((double) rows * p.d() + (double) p.d() * p.kPrime())
                : (double) p.d() * p.kPrime() * p.kPrime();
        return perIteration * p.iterations();
    }

    private void tick() {
        if (listeners.isEmpty()) {
            return;
        }
        ExperimentProgress p = progress(views());
        for (ExperimentListener l : listeners) {
            try {
                l.onProgress(p);
            } catch (RuntimeException e) {
                // a failing listener must not stop the ticker or the runs, but it must not go unnoticed
                System.getLogger(Experiment.class.getName()).log(System.Logger.Level.WARNING,
                        "a progress listener failed", e);
            }
        }
    }

    public void pause() {
        control.pause();
    }

    public void resume() {
        control.resume();
    }

    public boolean isPaused() {
        return control.isPaused();
    }

    /**
     * Stops every run within milliseconds, even in the middle of a step or while its dynamics is being built (the
     * run threads are interrupted, and the dynamics look at that between chunks of work); runs not yet started end
     * as cancelled. Returns at once.
     */
    public void cancel() {
        control.cancel(); // first: a thread that picks up another run after this sees the flag
        for (Thread t : executing) {
            t.interrupt();
        }
    }

    /** The newest immutable picture of every run and of the overall progress. */
    public ExperimentView view() {
        List<RunView> v = views();
        return new ExperimentView(v, progress(v));
    }

    private List<RunView> views() {
        List<RunView> v = new ArrayList<>(runs.size());
        for (Run r : runs) {
            v.add(r.view());
        }
        return v;
    }

    private ExperimentProgress progress(List<RunView> views) {
        long done = 0;
        long target = 0;
        int ended = 0;
        for (RunView r : views) {
            // a continued run's work starts at its checkpoint
            done += r.iteration() - r.startIteration();
            target += r.targetIterations() - r.startIteration();
            if (r.state().isFinal()) {
                ended++;
            }
        }
        long start = startNanos;
        long elapsed = start == 0 ? 0 : Math.max(0, System.nanoTime() - start - control.pausedNanos());
        double rate = elapsed <= 0 ? 0 : done * 1e9 / elapsed;
        return new ExperimentProgress(done, target, rate, Duration.ofNanos(elapsed), ended, views.size(),
                secondsLeft(views));
    }

    /**
     * Σ over unfinished runs of (iterations left / that run's speed), shared by the parallel slots, and at least the
     * longest single run's time left. A run not yet started is given the speed of a started run of its variant, or
     * else the slowest speed seen (a guess on the safe side). NaN until some run has started.
     */
    private double secondsLeft(List<RunView> views) {
        java.util.Map<String, Double> speed = new java.util.HashMap<>();
        double slowest = Double.NaN;
        for (RunView r : views) {
            if (r.iteration() > r.startIteration() && r.iterationsPerSecond() > 0) {
                speed.merge(r.label(), r.iterationsPerSecond(), Math::max);
                slowest = Double.isNaN(slowest) ? r.iterationsPerSecond() : Math.min(slowest, r.iterationsPerSecond());
            }
        }
        double total = 0;
        double longest = 0;
        for (RunView r : views) {
            if (r.state().isFinal()) {
                continue;
            }
            double own = r.iteration() > r.startIteration() && r.iterationsPerSecond() > 0 ? r.iterationsPerSecond()
                    : speed.getOrDefault(r.label(), slowest);
            double left = (r.targetIterations() - r.iteration()) / own;
            total += left;
            longest = Math.max(longest, left);
        }
        return Math.max(total / parallelRuns, longest); // NaN while no run has a speed yet
    }

    /** Waits for every run to end and returns the final picture. */
    public ExperimentView await() throws InterruptedException {
        finished.await();
        return view();
    }

    /** Waits at most {@code timeout}; returns whether every run has ended. */
    public boolean await(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Cancels whatever still runs and waits for the workers to stop (an interrupt ends the wait early). */
    @Override
    public void close() {
        cancel();
        ExecutorService w;
        synchronized (this) {
            w = workers;
        }
        if (w != null) {
            try {
                finished.await();
                w.awaitTermination(1, TimeUnit.MINUTES); // the pool threads themselves end right after their run
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else {
            for (Run r : runs) {
                r.cancelBeforeStart();
            }
        }
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
