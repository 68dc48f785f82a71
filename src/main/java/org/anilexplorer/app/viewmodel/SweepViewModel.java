package org.anilexplorer.app.viewmodel;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.anilexplorer.core.params.ParamSpec;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.run.DynamicsSource;
import org.anilexplorer.core.run.ExperimentProgress;
import org.anilexplorer.core.run.SeriesMetric;
import org.anilexplorer.core.sweep.GridAxis;
import org.anilexplorer.core.sweep.JobResult;
import org.anilexplorer.core.sweep.JobStatus;
import org.anilexplorer.core.sweep.Shard;
import org.anilexplorer.core.sweep.SweepColumns;
import org.anilexplorer.core.sweep.SweepGrid;
import org.anilexplorer.core.sweep.SweepJob;
import org.anilexplorer.core.sweep.SweepOrder;
import org.anilexplorer.core.sweep.SweepPlan;
import org.anilexplorer.core.sweep.SweepRunner;
import org.anilexplorer.figure.PhaseFigures;
import org.anilexplorer.io.AtomicFiles;
import org.anilexplorer.io.MethodSpec;
import org.anilexplorer.io.Preset;
import org.anilexplorer.sweep.SweepConfig;
import org.anilexplorer.sweep.SweepCsv;
import org.anilexplorer.sweep.SweepSection;

/**
 * The Sweep view without its controls: one or two grid keys with their values, seeds per cell and the metric to
 * draw, over the main window's parameters and compared methods. It runs the command line's sweep (the same
 * {@link SweepConfig}, {@link SweepPlan} and {@link SweepRunner}) on every core, coarse passes first
 * ({@link SweepOrder#coarseToFine}), off the UI thread; each result that arrives publishes a new immutable
 * {@link SweepSnapshot} on the UI thread. Stop, Reset and {@link #close()} cancel the runs and join them.
 *
 * <p>Exports write the command line's files: {@code sweep.csv} rows through {@link SweepCsv} and the phase diagram
 * through {@link PhaseFigures}, so a finished sweep exports the bytes {@code sweep} writes for the same grid.
 */
public final class SweepViewModel implements AutoCloseable {

    /** Keys a grid may sweep, in the panel's order (the seeds are their own dimension; m_test is already a list). */
    public static final List<String> KEYS = java.util.Arrays.stream(ParamSpec.values()).map(ParamSpec::key)
            .filter(k -> !List.of("seed", "seeds", "m_test").contains(k)).toList();
    /** The metrics a figure can show: the final metrics of every run. */
    public static final List<String> METRICS = SweepColumns.FINAL_METRICS.stream().map(SeriesMetric::key).toList();
    /** How often the runner reports progress. */
    private static final Duration PROGRESS_PERIOD = Duration.ofMillis(200);

    private final MainViewModel main;
    private final DynamicsSource source;
    private final int cores;
    private final Executor ui;
    private final ExecutorService files = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "anil-sweep-export");
        t.setDaemon(true);
        return t;
    });

    private final StringProperty firstKey = new SimpleStringProperty(this, "firstKey", "alpha");
    private final StringProperty firstValues = new SimpleStringProperty(this, "firstValues", "0.05:0.8:5:log");
    private final StringProperty secondKey = new SimpleStringProperty(this, "secondKey", "m_in");
    private final StringProperty secondValues = new SimpleStringProperty(this, "secondValues", "5,20,80");
    private final IntegerProperty seeds = new SimpleIntegerProperty(this, "seeds", 1);
    private final StringProperty metric = new SimpleStringProperty(this, "metric", "sv2_star_min");
    private final IntegerProperty method = new SimpleIntegerProperty(this, "method", 0);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyObjectWrapper<SweepSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>(this, "message");
    /** Settings of a preset's sweep section ({@code set}), applied like the command line's --set. */
    private Map<String, String> presetSettings = Map.of();

    private Session session;

    /** One started sweep: its runner, the results as they arrive, and its last progress report. */
    private final class Session {
        final SweepConfig config;
        final SweepPlan plan;
        final SweepRunner runner;
        final Map<Integer, JobResult> results = new ConcurrentHashMap<>();
        final AtomicBoolean publishPending = new AtomicBoolean();
        final int[] passOfJob;
        final int passes;
        volatile ExperimentProgress progress;
        Thread watcher;
        SweepSnapshot.Status status = SweepSnapshot.Status.RUNNING;

        Session(SweepConfig config, SweepPlan plan) {
            this.config = config;
            this.plan = plan;
            int[] strides = SweepOrder.passStrides(plan.grid());
            passOfJob = new int[plan.jobs().size()];
            for (SweepJob j : plan.jobs()) {
                passOfJob[j.index()] = strides[j.cell()];
            }
            passes = SweepOrder.passes(plan.grid());
            progress = new ExperimentProgress(0, plan.jobs().stream().mapToLong(SweepJob::iterations).sum(), 0,
                    Duration.ZERO, 0, plan.jobs().size());
            runner = new SweepRunner(plan.jobs(), source, cores, config.columns(), this::arrived, PROGRESS_PERIOD,
                    jobs -> SweepOrder.coarseToFine(plan.grid(), jobs));
            runner.addListener(p -> {
                progress = p;
                requestPublish();
            });
        }

        /** On a worker thread: keep the result, publish soon. */
        void arrived(JobResult r) {
            results.put(r.jobIndex(), r);
            requestPublish();
        }

        void requestPublish() {
            if (publishPending.compareAndSet(false, true)) {
                ui.execute(() -> {
                    publishPending.set(false);
                    if (session == this) {
                        publish(this);
                    }
                });
            }
        }
    }

    /**
     * @param main   the window whose parameters and compared methods a sweep starts from, and which receives a
     *               cell's run as a method
     * @param source the dynamics (the real ones in the app)
     * @param cores  runs at the same time (the app: every core)
     * @param ui     runs a completion on the UI thread
     */
    public SweepViewModel(MainViewModel main, DynamicsSource source, int cores, Executor ui) {
        this.main = main;
        this.source = source;
        this.cores = Math.max(1, cores);
        this.ui = ui;
        firstKey.addListener((o, a, b) -> validate());
        firstValues.addListener((o, a, b) -> validate());
        secondKey.addListener((o, a, b) -> validate());
        secondValues.addListener((o, a, b) -> validate());
        validate();
    }

    /** The real dynamics on every core. */
    public SweepViewModel(MainViewModel main, Executor ui) {
        this(main, DynamicsSource.FACTORY, Runtime.getRuntime().availableProcessors(), ui);
    }

    // ---- inputs ----

    public StringProperty firstKeyProperty() {
        return firstKey;
    }

    /** Values of the first key: {@code V1,V2,…} or {@code start:stop:count[:log]}, as the command line's --grid. */
    public StringProperty firstValuesProperty() {
        return firstValues;
    }

    /** The second key, or "" for a one-key sweep (drawn as curves). */
    public StringProperty secondKeyProperty() {
        return secondKey;
    }

    public StringProperty secondValuesProperty() {
        return secondValues;
    }

    public IntegerProperty seedsProperty() {
        return seeds;
    }

    public StringProperty metricProperty() {
        return metric;
    }

    /** Which method's maps the view shows (index into the sweep's methods). */
    public IntegerProperty methodProperty() {
        return method;
    }

    // ---- outputs ----

    /** Why the grid cannot run as typed (one line naming the entry), "" when it can. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The sweep as it stands, null before the first run and after Reset. */
    public ReadOnlyObjectProperty<SweepSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public SweepSnapshot getSnapshot() {
        return snapshot.get();
    }

    /** "pass 2 of 3 · 14 of 36 runs · 39 % · 12,300 it/s on 2 cores · 0:04 elapsed · about 0:07 left". */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** What the last action did, or why it could not (null: nothing to say). */
    public ReadOnlyObjectProperty<Message> messageProperty() {
        return message.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return session != null && session.status == SweepSnapshot.Status.RUNNING;
    }

    public int cores() {
        return cores;
    }

    // ---- commands ----

    /**
     * Sets the view up for a preset's {@code sweep} section (its grid, seeds, first metric and settings) and returns
     * true, or returns false and forgets earlier section settings when the preset has none.
     */
    public boolean setUp(Preset preset) {
        return setUp(sourceOf(preset), preset.title(), preset.params().seeds());
    }

    /** As {@link #setUp(Preset)} for a preset file opened in the main window (a file without a section: false). */
    public boolean setUp(Path presetFile) {
        Params p = main.parameters().getParams();
        return setUp(presetFile.toString(), main.getPreset().title(), p == null ? 1 : p.seeds());
    }

    private boolean setUp(String nameOrPath, String title, int defaultSeeds) {
        SweepSection section;
        try {
            section = SweepSection.ofPreset(nameOrPath);
        } catch (IllegalArgumentException e) {
            presetSettings = Map.of();
            message.set(Message.error("The preset's sweep section cannot be used: " + e.getMessage()));
            return false;
        }
        if (section.grid().isEmpty() || section.grid().size() > 2) {
            presetSettings = Map.of();
            return false;
        }
        reset();
        GridAxis a = section.grid().get(0);
        firstKey.set(a.key());
        firstValues.set(valuesText(a));
        if (section.grid().size() == 2) {
            GridAxis b = section.grid().get(1);
            secondValues.set(valuesText(b));
            secondKey.set(b.key());
        } else {
            secondKey.set("");
            secondValues.set("");
        }
        seeds.set(section.seeds() != null ? section.seeds() : defaultSeeds);
        if (!section.metrics().isEmpty() && METRICS.contains(section.metrics().get(0))) {
            metric.set(section.metrics().get(0));
        }
        presetSettings = section.settings();
        method.set(0);
        message.set(Message.info("Set up for “" + title + "”: press Run."));
        return true;
    }

    /** Starts the sweep over the main window's parameters; false (with a message) when it cannot start. */
    public boolean start() {
        if (isRunning()) {
            return false;
        }
        validate();
        if (!problem.get().isEmpty()) {
            message.set(Message.error(problem.get()));
            return false;
        }
        Preset base = basePreset();
        if (base == null) {
            message.set(Message.error("The main window's parameters are invalid ("
                    + main.parameters().firstError().orElse("") + "): fix them first."));
            return false;
        }
        SweepConfig config;
        SweepPlan plan;
        try {
            SweepGrid grid = grid();
            Map<String, String> settings = new LinkedHashMap<>(presetSettings);
            grid.keys().forEach(settings::remove); // a swept key's cell values win
            config = new SweepConfig(base, settings, grid, seeds.get(), false, List.of(), Shard.ALL);
            plan = config.plan();
        } catch (IllegalArgumentException e) {
            message.set(Message.error(e.getMessage()));
            return false;
        }
        if (plan.jobs().stream().allMatch(SweepJob::refused)) {
            message.set(Message.error("Every cell was refused; the first: " + plan.jobs().get(0).refusal()));
            return false;
        }
        stopAndJoin();
        Session s = new Session(config, plan);
        session = s;
        message.set(null);
        publish(s);
        s.runner.start();
        s.watcher = new Thread(() -> {
            try {
                s.runner.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            ui.execute(() -> finished(s));
        }, "anil-sweep-watch");
        s.watcher.setDaemon(true);
        s.watcher.start();
        return true;
    }

    /** Cancels the runs and joins them; the results so far stay (and can be exported). */
    public void stop() {
        if (stopAndJoin()) {
            publish(session);
        }
    }

    /** Cancels and joins the runs and clears the results. */
    public void reset() {
        stopAndJoin();
        session = null;
        snapshot.set(null);
        progressText.set("");
    }

    /** Cancels and joins the runs (the view closing, the window closing). */
    @Override
    public void close() {
        stop();
    }

    /** Stops the export thread too (the application is ending). */
    public void shutdown() {
        close();
        files.shutdown();
    }

    /** True when a running sweep was stopped. */
    private boolean stopAndJoin() {
        Session s = session;
        if (s == null || s.status != SweepSnapshot.Status.RUNNING) {
            return false;
        }
        s.status = SweepSnapshot.Status.STOPPED;
        s.runner.close(); // cancels, then waits for every job: a running one stops at its next iteration
        if (s.watcher != null) {
            try {
                s.watcher.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return true;
    }

    private void finished(Session s) {
        if (session != s || s.status != SweepSnapshot.Status.RUNNING) {
            return;
        }
        s.status = s.runner.cancelled() ? SweepSnapshot.Status.STOPPED : SweepSnapshot.Status.FINISHED;
        s.progress = s.runner.progress();
        publish(s);
    }

    private void publish(Session s) {
        SweepSnapshot snap = new SweepSnapshot(s.config, s.plan, s.results, s.progress, s.status, cores);
        snapshot.set(snap);
        progressText.set(progressText(s, snap));
    }

    /**
     * Adds the run of {@code cell} (for the sweep's method {@code methodIndex}) to the main window's compared
     * methods, with that cell's settings as its overrides, and plays it there.
     */
    public boolean addCellAsMethod(int cell, int methodIndex) {
        SweepSnapshot s = snapshot.get();
        if (s == null) {
            return false;
        }
        SweepJob job = s.plan().jobsOf(cell).stream().filter(j -> j.method() == methodIndex).findFirst().orElse(null);
        if (job == null) {
            return false;
        }
        if (job.refused()) {
            message.set(Message.error("This cell's parameters are refused: " + job.refusal()));
            return false;
        }
        ParametersViewModel parameters = main.parameters();
        Params panel = parameters.getParams();
        if (panel == null) {
            message.set(Message.error("The main window's parameters are invalid: fix them first."));
            return false;
        }
        MethodVariant added = new MethodVariant(SweepCells.methodLabel(s, cell, methodIndex),
                SweepCells.overrides(panel, job.variant().params()));
        List<MethodVariant> variants = new ArrayList<>();
        List<Boolean> included = new ArrayList<>();
        for (MethodEntry e : parameters.methods()) {
            if (e.variant().overrides().equals(added.overrides())) {
                message.set(Message.info("“" + e.getDisplayName() + "” already runs this cell in the main window."));
                return false;
            }
            variants.add(e.variant());
            included.add(e.isIncluded());
        }
        variants.add(added);
        included.add(true);
        parameters.load(panel, variants); // the way a preset's methods are listed; the ticks are kept below
        for (int i = 0; i < included.size(); i++) {
            parameters.methods().get(i).setIncluded(included.get(i));
        }
        if (!main.transport().isRunning()) {
            main.transport().play();
        }
        message.set(Message.info("Added “" + added.label() + "” to the main window's compared methods."));
        return true;
    }

    /** The hover text of a cell (empty before any run). */
    public String describeCell(int cell, int methodIndex) {
        SweepSnapshot s = snapshot.get();
        return s == null ? "" : SweepCells.describe(s, metric.get(), cell, methodIndex);
    }

    /**
     * Writes the sweep as the command line does: CSV rows of sweep.csv, or the phase diagram of the chosen metric
     * as PNG or SVG, on a background thread; the message says what was written or why not.
     */
    public void export(ExportFormat format, Path file) {
        SweepSnapshot s = snapshot.get();
        if (s == null || s.results().isEmpty()) {
            message.set(Message.error("Nothing to export yet: run the sweep first."));
            return;
        }
        String m = metric.get();
        files.execute(() -> {
            Message outcome;
            try {
                switch (format) {
                    case CSV -> AtomicFiles.write(file, out -> SweepCsv.write(s.plan(), s.columns(), s.results(), out));
                    case PNG -> PhaseFigures.writeFigure(s.title(), s.plan(), s.columns(), s.results(), m, s::cellParams,
                            file, null);
                    case SVG -> PhaseFigures.writeFigure(s.title(), s.plan(), s.columns(), s.results(), m, s::cellParams,
                            null, file);
                }
                outcome = Message.info("Wrote " + file + (s.status() == SweepSnapshot.Status.FINISHED ? ""
                        : " (" + s.results().size() + " of " + s.plan().jobs().size() + " runs so far)") + ".");
            } catch (IOException | RuntimeException e) {
                outcome = Message.error("Could not write " + file + ": " + (e.getMessage() == null
                        ? e.getClass().getSimpleName() : e.getMessage()));
            }
            Message done = outcome;
            ui.execute(() -> message.set(done));
        });
    }

    /** Waits until every export asked for so far is written (for tests). */
    public void awaitExports() throws InterruptedException {
        java.util.concurrent.CountDownLatch latch = new java.util.concurrent.CountDownLatch(1);
        files.execute(latch::countDown);
        latch.await();
    }

    // ---- helpers ----

    private void validate() {
        try {
            grid();
            problem.set("");
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
        }
    }

    /** The grid as typed: one or two axes, parsed by the command line's --grid parser. */
    SweepGrid grid() {
        List<GridAxis> axes = new ArrayList<>();
        axes.add(GridAxis.parse(firstKey.get() + "=" + firstValues.get()));
        String second = secondKey.get() == null ? "" : secondKey.get().strip();
        if (!second.isEmpty()) {
            axes.add(GridAxis.parse(second + "=" + secondValues.get()));
        }
        return new SweepGrid(axes);
    }

    /** The main window's parameters and ticked methods as a preset (null while they are invalid). */
    private Preset basePreset() {
        ParametersViewModel parameters = main.parameters();
        Params p = parameters.getParams();
        if (p == null || parameters.getRequest() == null) {
            return null;
        }
        List<MethodEntry> ticked = parameters.methods().stream().filter(MethodEntry::isIncluded).toList();
        List<MethodSpec> methods = new ArrayList<>();
        if (!(ticked.size() == 1 && ticked.get(0).variant().isAsSet())) {
            for (MethodEntry e : ticked) {
                methods.add(new MethodSpec(e.variant().isAsSet() ? e.getDisplayName() : e.variant().label(),
                        e.variant().overrides()));
            }
        }
        PresetInfo info = main.getPreset();
        return new Preset("the main window", info.title(), info.description(), info.source(), p, methods);
    }

    /** Where a preset's sweep section is read from: a bundled preset by name, a file by path. */
    static String sourceOf(Preset preset) {
        String origin = preset.origin();
        String bundled = "bundled preset ";
        return origin.startsWith(bundled) ? origin.substring(bundled.length()) : origin;
    }

    /**
     * The text that gives back exactly an axis's values: its range {@code start:stop:count[:log]} when that
     * reproduces them (so a log-spaced axis stays log-spaced), else the list.
     */
    static String valuesText(GridAxis a) {
        String first = a.value(0);
        String last = a.value(a.size() - 1);
        if (a.size() >= 2 && a.isNumeric()) {
            String range = first + ":" + last + ":" + a.size() + (a.log() ? ":log" : "");
            try {
                GridAxis back = GridAxis.parse(a.key() + "=" + range);
                if (back.values().equals(a.values()) && back.log() == a.log()) {
                    return range;
                }
            } catch (IllegalArgumentException e) {
                // not a range: the list below
            }
        }
        return String.join(",", a.values());
    }

    private String progressText(Session s, SweepSnapshot snap) {
        ExperimentProgress p = s.progress;
        int done = snap.results().size();
        int total = s.plan.jobs().size();
        StringBuilder b = new StringBuilder();
        switch (s.status) {
            case RUNNING -> b.append("Pass ").append(currentPass(s)).append(" of ").append(s.passes).append("  ·  ");
            case STOPPED -> b.append("Stopped  ·  ");
            case FINISHED -> b.append("Done  ·  ");
        }
        b.append(String.format(Locale.ROOT, "%d of %d runs", done, total));
        int diverged = snap.count(JobStatus.DIVERGED);
        int refused = snap.count(JobStatus.REFUSED);
        if (diverged > 0 || refused > 0) {
            b.append(" (");
            if (diverged > 0) {
                b.append(diverged).append(" diverged");
            }
            if (refused > 0) {
                b.append(diverged > 0 ? ", " : "").append(refused).append(" refused");
            }
            b.append(')');
        }
        b.append(String.format(Locale.ROOT, "  ·  %.0f %%", 100 * p.fractionDone()));
        if (p.iterationsPerSecond() > 0) {
            b.append(String.format(Locale.ROOT, "  ·  %,.0f it/s on %d core%s", p.iterationsPerSecond(), cores,
                    cores == 1 ? "" : "s"));
        }
        b.append("  ·  ").append(clock(p.elapsed().toMillis() / 1000.0)).append(" elapsed");
        if (s.status == SweepSnapshot.Status.RUNNING) {
            b.append("  ·  ").append(eta(p));
        }
        return b.toString();
    }

    /** 1-based: the coarsest pass with a job not yet ended. */
    private static int currentPass(Session s) {
        int pass = 1;
        for (int stride = 1 << (s.passes - 1); stride >= 1; stride /= 2, pass++) {
            for (SweepJob j : s.plan.jobs()) {
                if (s.passOfJob[j.index()] == stride && !s.results.containsKey(j.index())) {
                    return pass;
                }
            }
        }
        return s.passes;
    }

    /** Time left at the rate so far: the iterations still to run over the iterations per second. */
    static String eta(ExperimentProgress p) {
        long left = p.targetIterations() - p.iterations();
        if (p.iterationsPerSecond() <= 0 || p.iterations() == 0) {
            return "time left: measuring…";
        }
        return "about " + clock(left / p.iterationsPerSecond()) + " left";
    }

    static String clock(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** The main window's preset title, for the window title. */
    public String baseTitle() {
        return main.getPreset().title();
    }

    /** The sweep's methods (the last run's), for the method chooser. */
    public List<String> methodLabels() {
        SweepSnapshot s = snapshot.get();
        return s == null ? List.of() : s.plan().methodLabels();
    }

    /** The cell of grid indices (i, j) (j ignored for one key). */
    public Optional<Integer> cellAt(int i, int j) {
        SweepSnapshot s = snapshot.get();
        if (s == null) {
            return Optional.empty();
        }
        SweepGrid g = s.plan().grid();
        if (g.axes().size() == 1) {
            return i >= 0 && i < g.axes().get(0).size() ? Optional.of(i) : Optional.empty();
        }
        boolean inside = i >= 0 && j >= 0 && i < g.axes().get(0).size() && j < g.axes().get(1).size();
        return inside ? Optional.of(g.cell(i, j)) : Optional.empty();
    }
}
