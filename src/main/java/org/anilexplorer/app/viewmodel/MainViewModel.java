package org.anilexplorer.app.viewmodel;

import org.anilexplorer.app.sim.ResolvedMethod;
import org.anilexplorer.app.sim.ExperimentRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.anilexplorer.app.sim.ExperimentLauncher;
import org.anilexplorer.app.sim.SeedStates;
import org.anilexplorer.core.run.CheckpointStore;
import org.anilexplorer.core.run.RunCheckpoint;
import org.anilexplorer.core.run.Variant;
import org.anilexplorer.figure.CsvWriter;
import org.anilexplorer.figure.FigureModel;
import org.anilexplorer.figure.ImageSize;
import org.anilexplorer.figure.PngWriter;
import org.anilexplorer.figure.SvgWriter;
import org.anilexplorer.io.MethodSpec;
import org.anilexplorer.io.Preset;
import org.anilexplorer.io.PresetException;
import org.anilexplorer.io.PresetReader;
import java.time.Duration;
import org.anilexplorer.core.run.ExperimentProgress;
import org.anilexplorer.core.run.ExperimentView;
import org.anilexplorer.core.run.RunState;
import org.anilexplorer.core.run.RunStatus;
import org.anilexplorer.core.run.RunView;
import org.anilexplorer.core.run.SnapshotSeries;
import org.anilexplorer.io.RecordedRun;
import org.anilexplorer.io.Session;
import org.anilexplorer.io.SessionCodec;

/**
 * The window's state without the window: parameters, transport, the preset banner, the message bar and frame
 * statistics. Views bind to it; tests drive it directly.
 */
public final class MainViewModel implements AutoCloseable {

    private final ParametersViewModel parameters = new ParametersViewModel();
    private final TransportViewModel transport;
    private final FrameStats frameStats = new FrameStats(4096);
    private final ChartsViewModel charts = new ChartsViewModel();
    private final ExplorationViewModel exploration;
    private final ReadOnlyObjectWrapper<PresetInfo> preset = new ReadOnlyObjectWrapper<>(this, "preset", PresetInfo.CUSTOM);
    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>(this, "message");

    /** The preset the window opens on. */
    public static final String START_PRESET = "teaching";

    private final RecentFiles recent;
    private final java.util.concurrent.Executor background;
    private final java.util.concurrent.Executor ui;
    private final ExperimentLauncher launcher;
    private List<Preset> bundled;

    /** @param debounce runs a restart after a quiet period, replacing any pending one (see {@link TransportViewModel}) */
    public MainViewModel(ExperimentLauncher launcher, Consumer<Runnable> debounce) {
        this(launcher, debounce, RecentFiles.inMemory(), Runnable::run, Runnable::run);
    }

    /**
     * @param background runs slow work (drawing figures for export, writing files) off the UI thread
     * @param ui         runs a completion back on the UI thread
     */
    public MainViewModel(ExperimentLauncher launcher, Consumer<Runnable> debounce, RecentFiles recent,
                         java.util.concurrent.Executor background, java.util.concurrent.Executor ui) {
        this.background = background;
        this.ui = ui;
        this.launcher = launcher;
        transport = new TransportViewModel(launcher, parameters.requestProperty(), debounce);
        transport.setPrepareOnReset(true);
        exploration = new ExplorationViewModel(parameters, transport, charts, launcher.runStates(), ui);
        transport.setBeforePlay(parameters::commitDrafts);
        this.recent = recent;
        // a run that diverges or fails says why at the top of the window, in full
        transport.problemProperty().addListener((obs, old, now) -> {
            if (!now.isEmpty()) {
                showMessage(Message.error(now));
            } else if (message.get() != null && message.get().severity() == Message.Severity.ERROR
                    && message.get().text().equals(old)) {
                dismissMessage();
            }
        });
        linkShownMethods();
        transport.noticeProperty().addListener((obs, old, now) -> {
            if (!now.isEmpty()) {
                showMessage(Message.info(now));
            }
        });
        parameters.requestProperty().addListener((obs, old, now) -> {
            if (now != null) {
                charts.follow(now.methods().stream().map(m -> m.params()).toList());
            }
            if (now != null && preset.get() != PresetInfo.CUSTOM && loadedRequest != null
                    && !now.equals(loadedRequest)) {
                PresetInfo p = preset.get();
                preset.set(new PresetInfo(p.title() + " (edited)", p.description(), p.source()));
                loadedRequest = null;
            }
        });
        if (parameters.getRequest() != null) {
            charts.follow(parameters.getRequest().methods().stream().map(m -> m.params()).toList());
        }
    }

    private ExperimentRequest loadedRequest;

    /**
     * A method row's tick and the chart's legend chip are one setting: whether the method is shown. Unticking hides
     * the method's curves; its runs go on (nothing starts or stops).
     */
    private void linkShownMethods() {
        java.util.Set<MethodEntry> linked = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        Runnable link = () -> {
            for (MethodEntry m : parameters.methods()) {
                m.setIncluded(!charts.hiddenMethods().contains(m.slot()));
                if (linked.add(m)) {
                    m.includedProperty().addListener((obs, old, now) -> {
                        if (parameters.methods().contains(m)) {
                            charts.setShown(m.slot(), now);
                        }
                    });
                }
            }
        };
        parameters.methods().addListener((javafx.collections.ListChangeListener<MethodEntry>) c -> {
            while (c.next()) {
                for (MethodEntry gone : c.getRemoved()) {
                    linked.remove(gone);
                    if (parameters.methods().stream().noneMatch(m -> m.slot() == gone.slot())) {
                        charts.setShown(gone.slot(), true); // a later method in this slot starts shown
                    }
                }
            }
            link.run();
        });
        charts.hiddenMethods().addListener((javafx.collections.SetChangeListener<Integer>) c -> {
            for (MethodEntry m : parameters.methods()) {
                m.setIncluded(!charts.hiddenMethods().contains(m.slot()));
            }
        });
        link.run();
    }

    public RecentFiles recentFiles() {
        return recent;
    }

    // ---- presets ----

    /** The presets shipped inside the program, in name order; one that cannot be read is left out. */
    public List<Preset> bundledPresets() {
        if (bundled == null) {
            List<Preset> list = new ArrayList<>();
            for (String name : PresetReader.bundledNames()) {
                try {
                    list.add(PresetReader.load(name));
                } catch (PresetException e) {
                    // a broken bundled preset is a build problem; the menu simply leaves it out
                }
            }
            bundled = List.copyOf(list);
        }
        return bundled;
    }

    /** Opens the window's starting point: the teaching preset (the defaults if it cannot be read). */
    public void openStartPreset() {
        try {
            applyPreset(PresetReader.load(START_PRESET));
        } catch (PresetException e) {
            showMessage(Message.error("The starting preset could not be read: " + e.getMessage()));
        }
    }

    /** Stops the current experiment, shows the preset's parameters and compared methods, and tells its story. */
    public void applyPreset(Preset p) {
        ExplorationViewModel.Step before = exploration.beforeLoad();
        applyPreset(p, req -> { });
        exploration.recordLoad(before); // Undo goes back to the experiment before the preset, runs included
    }

    /** As above; {@code beforePrepare} sees the preset's request before the experiment is prepared. */
    private void applyPreset(Preset p, Consumer<ExperimentRequest> beforePrepare) {
        transport.clear();
        exploration.clear(); // a preset starts a new exploration: no ghosts or undo steps of another problem
        List<MethodVariant> variants = new ArrayList<>();
        for (MethodSpec m : p.methods()) {
            // an entry without a label of its own gets a name derived from its settings (not the file's "beta=0.2")
            variants.add(new MethodVariant(m.hasOwnLabel() ? m.label() : "", m.overrides()));
        }
        parameters.load(p.params(), variants);
        charts.hiddenMethods().clear();
        preset.set(new PresetInfo(p.title(), p.description(), p.source()));
        loadedRequest = parameters.getRequest();
        if (loadedRequest != null) {
            beforePrepare.accept(loadedRequest);
        }
        transport.prepare();
    }

    // ---- files ----

    /**
     * Opens a preset or session file (menu, recent list, drag and drop); problems go to the message bar. A session
     * whose runs carry their states reopens live: paused where it was saved (Play continues exactly as the runs
     * would have), or finished. One without them (an older file) shows its runs read-only.
     */
    public boolean openFile(Path file) {
        Session s;
        try {
            s = SessionCodec.read(file);
        } catch (PresetException e) {
            showMessage(Message.error("Could not open " + file.getFileName() + ": " + e.getMessage()));
            if (!Files.exists(file)) {
                recent.remove(file);
            }
            return false;
        }
        java.util.Map<ResolvedMethod, List<SeedStates>> resumed = new java.util.LinkedHashMap<>();
        applyPreset(s.preset(), req -> {
            if (!s.runs().isEmpty() && launcher.runStates().isPresent()) {
                resumable(req, s.runs()).ifPresent(resumed::putAll);
                resumed.forEach((m, seeds) -> launcher.runStates().get().startNextFrom(m.params(), seeds, true));
            }
        });
        recent.add(file);
        ExperimentRequest req = parameters.getRequest();
        if (req != null && org.anilexplorer.io.FigureConfiguration.isFigureFile(file)) {
            FigureViews.restore(charts, org.anilexplorer.io.FigureConfiguration.read(file).view(), req.methods());
        }
        exploration.restoreHistory(s.history());
        if (!resumed.isEmpty() && transport.driver().isPresent()) {
            transport.holdAt();
            long t = resumed.values().stream().flatMap(List::stream).filter(x -> x.latest() != null)
                    .mapToLong(x -> x.latest().iteration()).max().orElse(0);
            showMessage(Message.info("Opened session " + file.getFileName() + " with " + s.runs().size()
                    + " runs, as saved at t = " + String.format(java.util.Locale.ROOT, "%,d", t)
                    + ". Play continues them."));
        } else if (!s.runs().isEmpty() && req != null) {
            // the states were asked for but not taken (the request was refused): forget them
            resumed.keySet().forEach(m -> launcher.runStates().ifPresent(rs -> rs.cancelStart(m.params())));
            transport.showRecorded(req, recordedView(req, s.runs()));
            showMessage(Message.info("Opened session " + file.getFileName() + " with " + s.runs().size()
                    + " recorded runs, read-only: " + (launcher.runStates().isEmpty() ? "this window keeps no run states"
                    : "the file holds no states these runs can continue from (saved by an older version, or edited)")
                    + ". Play starts new runs with these parameters."));
        } else {
            dismissMessage();
        }
        if (req != null) {
            exploration.sessionView().restore(s.view(), req.methods());
        }
        return true;
    }

    /**
     * Each method's states to continue from, seed by seed, when every run of the request has its state in the
     * session (a run that never started needs none: it starts afresh); empty when any run cannot be continued.
     */
    static java.util.Optional<java.util.Map<ResolvedMethod, List<SeedStates>>> resumable(ExperimentRequest req,
                                                                                        List<RecordedRun> runs) {
        java.util.Map<ResolvedMethod, List<SeedStates>> out = new java.util.LinkedHashMap<>();
        for (ResolvedMethod m : req.methods()) {
            List<SeedStates> seeds = new ArrayList<>();
            for (int i = 0; i < m.params().seeds(); i++) {
                long seed = m.params().seedOf(i);
                RecordedRun r = runs.stream().filter(x -> x.label().equals(m.label()) && x.seed() == seed).findFirst()
                        .orElse(null);
                if (r == null || (r.latest() == null && r.state() != RunState.PENDING)) {
                    return java.util.Optional.empty();
                }
                if (r.latest() != null && (r.latest().seed() != seed || r.latest().refusal(m.params()).isPresent())) {
                    return java.util.Optional.empty(); // a state of another run (an edited file): show, do not resume
                }
                seeds.add(new SeedStates(seed, r.latest(), r.checkpoints()));
            }
            out.put(m, seeds);
        }
        return java.util.Optional.of(out);
    }

    /** Saves the parameters, compared methods and every recorded series. */
    public boolean saveSession(Path file) {
        ExperimentRequest req = currentRequest();
        if (req == null) {
            showMessage(Message.error("Nothing to save: the parameters are invalid (" + parameters.firstError().orElse("")
                    + ")."));
            return false;
        }
        java.util.Map<Integer, List<SeedStates>> states = statesToSave();
        List<RecordedRun> runs = new ArrayList<>();
        for (MethodView m : transport.getView().methods()) {
            for (RunView s : m.seeds()) {
                RecordedRun r = new RecordedRun(m.method().label(), s.seed(), s.state(), s.reason(), s.series(),
                        s.risk());
                SeedStates kept = states.getOrDefault(m.colourIndex(), List.of()).stream()
                        .filter(x -> x.seed() == s.seed()).findFirst().orElse(null);
                if (kept != null && kept.latest() != null) {
                    RunCheckpoint c = kept.latest();
                    // the state may be a step ahead of the frame on screen: save the series up to it
                    r = c.iteration() >= s.iteration() ? new RecordedRun(r.label(), r.seed(), r.state(), r.reason(),
                            c.series(), c.risk()).withStates(c, kept.earlier()) : r.withStates(c, kept.earlier());
                }
                runs.add(r);
            }
        }
        PresetInfo p = preset.get();
        try {
            SessionCodec.writeSession(file, p.title(), p.description(), p.source(), req.base(), variants(req), runs,
                    exploration.historyForSession(), exploration.sessionView().capture(req.methods()));
        } catch (IOException | RuntimeException e) {
            showMessage(Message.error("Could not save " + file + ": " + describe(e)));
            return false;
        }
        recent.add(file);
        showMessage(Message.info("Saved session to " + file + " (" + runs.size() + " runs)."));
        return true;
    }

    /** What a session keeps of run states in all (the dynamics' bytes; earlier checkpoints are thinned to fit). */
    static final long SESSION_STATE_BUDGET = 16L << 20;

    /** How long saving waits for computing runs to park (a step of a large problem takes a while). */
    private static final Duration PARK_PATIENCE = Duration.ofSeconds(3);

    /**
     * The live runs' states, taken with the runs parked (a running experiment is paused for the moment it takes),
     * with their earlier checkpoints thinned to {@link #SESSION_STATE_BUDGET} by the store's own rule.
     */
    private java.util.Map<Integer, List<SeedStates>> statesToSave() {
        java.util.Optional<org.anilexplorer.app.sim.LiveExperiment> d = transport.driver();
        if (d.isEmpty()) {
            return java.util.Map.of();
        }
        boolean running = transport.isRunning();
        java.util.Map<Integer, List<SeedStates>> now;
        if (running) {
            d.get().pause();
        }
        try {
            now = d.get().statesNow(PARK_PATIENCE);
        } finally {
            if (running) {
                d.get().resume();
            }
        }
        CheckpointStore thinned = new CheckpointStore(SESSION_STATE_BUDGET);
        now.forEach((slot, seeds) -> seeds.forEach(s -> {
            s.earlier().forEach(c -> thinned.add(relabel(c, "m" + slot)));
            if (s.latest() != null) {
                thinned.add(relabel(s.latest(), "m" + slot));
            }
        }));
        java.util.Map<Integer, List<SeedStates>> out = new java.util.LinkedHashMap<>();
        now.forEach((slot, seeds) -> out.put(slot, seeds.stream().map(s -> new SeedStates(s.seed(), s.latest(),
                s.earlier().stream().filter(c -> thinned.atOrBefore("m" + slot, s.seed(), c.iteration())
                        .filter(k -> k.iteration() == c.iteration()).isPresent()).toList())).toList()));
        return out;
    }

    private static RunCheckpoint relabel(RunCheckpoint c, String label) {
        return new RunCheckpoint(label, c.seed(), c.params(), c.dynamics(), c.cursor(), c.series(), c.risk());
    }

    /** Saves the panel's parameters and compared methods as a preset file. */
    public boolean savePreset(Path file, String title, String description) {
        ExperimentRequest req = parameters.getRequest();
        if (req == null) {
            showMessage(Message.error("Cannot save a preset while a parameter is invalid: "
                    + parameters.firstError().orElse("") + "."));
            return false;
        }
        try {
            SessionCodec.writePreset(file, title, description, "", req.base(), variants(req));
        } catch (IOException | RuntimeException e) {
            showMessage(Message.error("Could not save " + file + ": " + describe(e)));
            return false;
        }
        recent.add(file);
        preset.set(new PresetInfo(title, description, ""));
        loadedRequest = req;
        showMessage(Message.info("Saved preset to " + file + "."));
        return true;
    }

    // ---- export ----

    /**
     * The figure a chart shows now, with its title, caption and provenance, as the exporters write it. Builds it on
     * the calling thread (waiting for slow references); the window uses {@link #export} and {@link #renderImage}.
     */
    public FigureModel figure(ChartKind kind) {
        return figure(kind, transport.getView(), charts.settings());
    }

    private FigureModel figure(ChartKind kind, LiveView v, ChartSettings settings) {
        return LiveFigures.build(kind, v, settings, true).withMetadata(LiveFigures.provenance(v))
                .withMetadata(FigureViews.entries(preset.get().title(), kind, v, settings));
    }

    /**
     * Writes the charts to {@code dir} as {@code prefix-<chart>.<ext>} in each format, through the figure package's
     * writers, on the background executor; the message bar then says what was written, or why not.
     */
    public void export(List<ChartKind> kinds, List<ExportFormat> formats, ImageSize size, Path dir, String prefix) {
        LiveView v = transport.getView();
        if (v.methods().isEmpty()) {
            showMessage(Message.error("Nothing to export yet: press Play first, or open a session."));
            return;
        }
        ChartSettings settings = charts.settings();
        showMessage(Message.info("Exporting to " + dir + " …"));
        background.execute(() -> {
            List<Path> written = new ArrayList<>();
            Message outcome = null;
            for (ChartKind kind : kinds) {
                FigureModel f;
                try {
                    f = figure(kind, v, settings);
                } catch (RuntimeException e) {
                    outcome = Message.error("Could not draw “" + kind.title() + "”: " + describe(e));
                    break;
                }
                for (ExportFormat format : formats) {
                    Path file = dir.resolve(prefix + "-" + kind.id() + "." + format.extension());
                    try {
                        switch (format) {
                            case PNG -> PngWriter.write(f, file, size);
                            case SVG -> SvgWriter.write(f, file, size);
                            case CSV -> CsvWriter.write(f, file);
                        }
                        written.add(file);
                    } catch (IOException | RuntimeException e) {
                        outcome = Message.error("Could not write " + file + ": " + describe(e)
                                + (written.isEmpty() ? "" : " (" + written.size() + " files were written before)"));
                        break;
                    }
                }
                if (outcome != null) {
                    break;
                }
            }
            Message done = outcome != null ? outcome : Message.info("Exported " + written.size() + " file"
                    + (written.size() == 1 ? "" : "s") + " to " + dir + ".");
            ui.execute(() -> showMessage(done));
        });
    }

    /** Draws a chart as the exporters would, on the background executor, and hands the image to {@code done}. */
    public void renderImage(ChartKind kind, Consumer<java.awt.image.BufferedImage> done) {
        renderImage(kind, null, done);
    }

    /**
     * As {@link #renderImage(ChartKind, Consumer)}, at {@code size} (the export size: the picture pasted is the one
     * a PNG export writes); null: the figure's default export size.
     */
    public void renderImage(ChartKind kind, ImageSize size, Consumer<java.awt.image.BufferedImage> done) {
        LiveView v = transport.getView();
        if (v.methods().isEmpty()) {
            showMessage(Message.error("Nothing to copy yet: press Play first, or open a session."));
            return;
        }
        ChartSettings settings = charts.settings();
        background.execute(() -> {
            try {
                FigureModel f = figure(kind, v, settings);
                java.awt.image.BufferedImage image = PngWriter.render(f, size != null ? size : ImageSize.defaultFor(f));
                ui.execute(() -> done.accept(image));
            } catch (RuntimeException e) {
                ui.execute(() -> showMessage(Message.error("Could not draw “" + kind.title() + "”: " + describe(e))));
            }
        });
    }

    private ExperimentRequest currentRequest() {
        return transport.driver().map(d -> d.request()).orElse(parameters.getRequest());
    }

    private static List<Variant> variants(ExperimentRequest req) {
        List<Variant> out = new ArrayList<>();
        for (ResolvedMethod m : req.methods()) {
            out.add(new Variant(m.label(), m.params()));
        }
        return out;
    }

    /**
     * The recorded runs as {@code core.run}'s view of a finished experiment, matched to the request's methods by
     * label. A run saved while it was still going counts as cancelled there: nothing will continue it.
     */
    static ExperimentView recordedView(ExperimentRequest req, List<RecordedRun> runs) {
        List<RunView> views = new ArrayList<>();
        for (ResolvedMethod m : req.methods()) {
            for (RecordedRun r : runs) {
                if (r.label().equals(m.label())) {
                    RunState state = r.state().isFinal() ? r.state() : RunState.CANCELLED;
                    long last = r.snapshots().isEmpty() ? 0 : r.snapshots().get(r.snapshots().size() - 1).iteration();
                    views.add(new RunView(r.label(), r.seed(), new RunStatus(state, r.reason()), last,
                            m.params().iterations(), SnapshotSeries.of(r.snapshots()), 0, null, null, r.risk()));
                }
            }
        }
        return new ExperimentView(views, new ExperimentProgress(0, 0, 0, Duration.ZERO, views.size(), views.size()));
    }

    private static String describe(Exception e) {
        String m = e.getMessage();
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "the folder does not exist";
        }
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    public ParametersViewModel parameters() {
        return parameters;
    }

    public TransportViewModel transport() {
        return transport;
    }

    /** Ghosts, undo and redo, the timeline and branches. */
    public ExplorationViewModel exploration() {
        return exploration;
    }

    public ChartsViewModel charts() {
        return charts;
    }

    public FrameStats frameStats() {
        return frameStats;
    }

    public ReadOnlyObjectProperty<PresetInfo> presetProperty() {
        return preset.getReadOnlyProperty();
    }

    public PresetInfo getPreset() {
        return preset.get();
    }


    /** The message bar's content, or null when it is hidden. */
    public ReadOnlyObjectProperty<Message> messageProperty() {
        return message.getReadOnlyProperty();
    }

    public Message getMessage() {
        return message.get();
    }

    public void showMessage(Message m) {
        message.set(m);
    }

    public void dismissMessage() {
        message.set(null);
    }

    /** Called once per animation frame with its timestamp; returns whether a new experiment view was taken. */
    public boolean onFrame(long nowNanos) {
        frameStats.frame(nowNanos);
        return transport.onFrame(nowNanos);
    }

    /** Cancels every run and joins the simulation threads. */
    @Override
    public void close() {
        transport.close();
        exploration.close();
    }
}
