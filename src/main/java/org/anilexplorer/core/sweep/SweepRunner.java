package org.anilexplorer.core.sweep;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.anilexplorer.core.eval.EstimatorResult;
import org.anilexplorer.core.eval.RiskConvention;
import org.anilexplorer.core.metrics.Snapshot;
import org.anilexplorer.core.run.DynamicsSource;
import org.anilexplorer.core.run.ExperimentEvaluation;
import org.anilexplorer.core.run.ExperimentListener;
import org.anilexplorer.core.run.ExperimentProgress;
import org.anilexplorer.core.run.ExperimentView;
import org.anilexplorer.core.run.Run;
import org.anilexplorer.core.run.RunControl;
import org.anilexplorer.core.run.RunOptions;
import org.anilexplorer.core.run.RunState;
import org.anilexplorer.core.run.RunView;
import org.anilexplorer.core.run.SeriesMetric;

/**
 * Runs sweep jobs on a fixed pool of {@code cores} threads, one single-threaded run per thread (a sweep has many
 * independent runs, so parallelism across runs keeps every core busy without any synchronisation inside a step),
 * longest jobs first so that the last minutes are not spent on one long job (or in another {@link SweepOrder}).
 * Each job is exactly the {@link Run} a plain run would execute for that variant and seed, with the default recording options, so its final
 * numbers are those of the plain run.
 *
 * <p>Every result is handed to {@code onResult} on the worker thread as soon as the job ends (the caller writes it
 * to disk); cancelled jobs produce no result. Listeners hear about progress like an experiment's.
 */
public final class SweepRunner implements AutoCloseable {

    private final List<SweepJob> jobs;
    private final DynamicsSource source;
    private final int cores;
    private final SweepColumns columns;
    private final Consumer<JobResult> onResult;
    private final Duration progressPeriod;
    private final UnaryOperator<List<SweepJob>> order;
    private final RunControl control = new RunControl();
    private final List<ExperimentListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<Integer, Run> active = new ConcurrentHashMap<>();
    private final AtomicLong doneIterations = new AtomicLong();
    private final AtomicInteger doneJobs = new AtomicInteger();
    private final AtomicReference<RuntimeException> callbackFailure = new AtomicReference<>();
    private final long targetIterations;
    private final CountDownLatch finished;
    private volatile long startNanos;
    private ExecutorService workers;
    private ScheduledExecutorService ticker;

    /**
     * @param jobs     the jobs to run (e.g. one shard's, without those already done)
     * @param cores    worker threads (≥ 1)
     * @param columns  what to measure; with risk columns, successful runs are evaluated on fresh test tasks
     * @param onResult called once per ended job, from a worker thread; an exception stops the sweep
     */
    public SweepRunner(List<SweepJob> jobs, DynamicsSource source, int cores, SweepColumns columns,
                       Consumer<JobResult> onResult, Duration progressPeriod) {
        this(jobs, source, cores, columns, onResult, progressPeriod, SweepOrder::longestFirst);
    }

    /**
     * As above, starting the jobs in the order {@code order} gives them (e.g. {@link SweepOrder#coarseToFine}, for
     * a sweep someone watches fill in); it must return the same jobs.
     */
    public SweepRunner(List<SweepJob> jobs, DynamicsSource source, int cores, SweepColumns columns,
                       Consumer<JobResult> onResult, Duration progressPeriod, UnaryOperator<List<SweepJob>> order) {
        this.order = Objects.requireNonNull(order, "order");
        this.jobs = List.copyOf(jobs);
        this.source = Objects.requireNonNull(source, "source");
        this.cores = Math.max(1, cores);
        this.columns = Objects.requireNonNull(columns, "columns");
        this.onResult = Objects.requireNonNull(onResult, "onResult");
        this.progressPeriod = Objects.requireNonNull(progressPeriod, "progressPeriod");
        this.targetIterations = this.jobs.stream().mapToLong(SweepJob::iterations).sum();
        this.finished = new CountDownLatch(this.jobs.size());
    }

    public void addListener(ExperimentListener l) {
        listeners.add(Objects.requireNonNull(l));
    }

    /** Starts every job; returns at once. */
    public synchronized void start() {
        if (workers != null) {
            throw new IllegalStateException("already started");
        }
        startNanos = System.nanoTime();
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newFixedThreadPool(cores, r -> {
            Thread t = new Thread(r, "anil-sweep-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        List<SweepJob> ordered = order.apply(jobs);
        if (ordered.size() != jobs.size()) {
            throw new IllegalArgumentException("the order must keep every job: " + ordered.size() + " of " + jobs.size());
        }
        for (SweepJob job : ordered) {
            workers.execute(() -> {
                try {
                    execute(job);
                } finally {
                    finished.countDown();
                }
            });
        }
        workers.shutdown();
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "anil-sweep-progress");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(1, progressPeriod.toMillis());
        ticker.scheduleAtFixedRate(this::tick, period, period, TimeUnit.MILLISECONDS);
    }

    private void execute(SweepJob job) {
        if (control.isCancelled()) {
            return;
        }
        JobResult result;
        if (job.refused()) {
            result = new JobResult(job.index(), JobStatus.REFUSED, 0, JobResult.missing(columns.size()), job.refusal(), 0);
        } else {
            Run run = new Run(job.variant(), job.seed(), 1, source, RunOptions.DEFAULT);
            active.put(job.index(), run);
            RunView view;
            try {
                view = run.execute(control);
            } finally {
                active.remove(job.index());
            }
            if (view.state() == RunState.CANCELLED) {
                return;
            }
            result = resultOf(job, view, columns);
        }
        doneIterations.addAndGet(job.iterations());
        doneJobs.incrementAndGet();
        try {
            onResult.accept(result);
        } catch (RuntimeException e) {
            callbackFailure.compareAndSet(null, e);
            control.cancel();
        }
    }

    /** The result of one ended run: final metrics from its last snapshot, test risks when the columns ask. */
    public static JobResult resultOf(SweepJob job, RunView view, SweepColumns columns) {
        double[] values = JobResult.missing(columns.size());
        JobStatus status = switch (view.state()) {
            case FINISHED, CONVERGED -> JobStatus.FINISHED;
            case DIVERGED -> JobStatus.DIVERGED;
            default -> JobStatus.FAILED;
        };
        if (status == JobStatus.FINISHED) {
            Snapshot last = view.last();
            for (int i = 0; i < SweepColumns.FINAL_METRICS.size(); i++) {
                SeriesMetric m = SweepColumns.FINAL_METRICS.get(i);
                values[columns.indexOf(m.key())] = m.of(last);
            }
            if (columns.evaluates()) {
                ExperimentView one = new ExperimentView(List.of(view),
                        new ExperimentProgress(view.iteration(), view.iteration(), 0, Duration.ZERO, 1, 1));
                ExperimentEvaluation e = ExperimentEvaluation.of(one, List.of(job.variant()), 1,
                        EnumSet.copyOf(SweepColumns.RISK_ESTIMATORS));
                if (!e.runs().isEmpty()) {
                    for (EstimatorResult r : e.runs().get(0).report().entries()) {
                        int c = columns.indexOf(SweepColumns.riskColumn(r.estimator(), r.mTest()));
                        if (c >= 0) {
                            values[c] = r.mean(RiskConvention.HALF_SQUARED_ERROR);
                        }
                    }
                }
            }
        }
        return new JobResult(job.index(), status, view.iteration(), values,
                status == JobStatus.FINISHED ? "" : view.reason(), view.activeNanos());
    }

    private void tick() {
        if (listeners.isEmpty()) {
            return;
        }
        ExperimentProgress p = progress();
        for (ExperimentListener l : listeners) {
            l.onProgress(p);
        }
    }

    /** Iterations done over those requested (jobs of this runner only), with the overall rate. */
    public ExperimentProgress progress() {
        long done = doneIterations.get();
        for (Run r : active.values()) {
            done += r.view().iteration();
        }
        long start = startNanos;
        long elapsed = start == 0 ? 0 : System.nanoTime() - start;
        double rate = elapsed <= 0 ? 0 : done * 1e9 / elapsed;
        return new ExperimentProgress(Math.min(done, targetIterations), targetIterations, rate, Duration.ofNanos(elapsed),
                doneJobs.get(), jobs.size());
    }

    /** Waits for every job; rethrows a failure of the result callback (e.g. a full disk). */
    public void await() throws InterruptedException {
        finished.await();
        if (ticker != null) {
            ticker.shutdownNow();
        }
        tick();
        RuntimeException failure = callbackFailure.get();
        if (failure != null) {
            throw failure;
        }
    }

    /** Stops running jobs at their next iteration; jobs not started never start. */
    public void cancel() {
        control.cancel();
    }

    public boolean cancelled() {
        return control.isCancelled();
    }

    @Override
    public void close() {
        cancel();
        if (workers != null) {
            try {
                finished.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }
}
