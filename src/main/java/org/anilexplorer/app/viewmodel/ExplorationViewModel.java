package org.anilexplorer.app.viewmodel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import org.anilexplorer.app.sim.ExperimentRequest;
import org.anilexplorer.app.sim.LiveExperiment;
import org.anilexplorer.app.sim.RecordedExperiment;
import org.anilexplorer.core.run.ExperimentProgress;
import org.anilexplorer.core.run.ExperimentView;
import org.anilexplorer.core.run.RunState;
import org.anilexplorer.core.run.RunStatus;
import org.anilexplorer.core.run.RunView;
import org.anilexplorer.core.run.SnapshotSeries;
import org.anilexplorer.io.RecordedGhost;
import org.anilexplorer.io.RecordedRun;

/**
 * Exploring without losing anything: every experiment an edit replaces is kept, paused, with the panel it ran
 * with. Its changed methods stay on the charts as ghosts ({@link RunHistory}), and Undo / Redo trade the live
 * experiment for a kept one and its panel: nothing is recomputed, and a run that was mid-way comes back paused at its
 * iteration, ready to continue.
 *
 * <p>Kept experiments hold their runs' memory (task pools, models). Only the {@link #MAX_PAUSED} newest stay
 * continuable; older ones are frozen to what they recorded (still shown and restorable, no longer continuable).
 */
public final class ExplorationViewModel implements AutoCloseable {

    /** Undo steps kept (each side). */
    static final int CAPACITY = 30;
    /** Kept experiments that stay continuable; older ones keep only their series. */
    static final int MAX_PAUSED = 3;
    /** Panels remembered per request, to restore the one an experiment ran with. */
    private static final int PANELS_REMEMBERED = 256;

    private final ParametersViewModel parameters;
    private final TransportViewModel transport;
    private final ChartsViewModel charts;
    private final RunHistory history = new RunHistory();
    private final TimelineViewModel timeline;
    private final SessionViewState sessionView;
    private final UndoStack<Kept> undo = new UndoStack<>(CAPACITY, this::discard);
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper memoryText = new ReadOnlyStringWrapper(this, "memoryText", "");
    private final Map<ExperimentRequest, PanelSnapshot> panels = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ExperimentRequest, PanelSnapshot> eldest) {
            return size() > PANELS_REMEMBERED;
        }
    };
    private final ExecutorService closer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "anil-history-closer");
        t.setDaemon(true);
        return t;
    });

    /**
     * An experiment kept for undo: its driver (paused, or frozen to a record), the panel it ran with, and the
     * identity its ghosts carry in the history.
     */
    static final class Kept {
        final PanelSnapshot panel;
        final Object origin;
        LiveExperiment driver;

        Kept(PanelSnapshot panel, LiveExperiment driver, Object origin) {
            this.panel = panel;
            this.driver = driver;
            this.origin = origin;
        }

        boolean continuable() {
            return !(driver instanceof RecordedExperiment);
        }
    }

    /** The identity of the live experiment's ghosts (the driver it first ran on). */
    private Object liveOrigin;

    public ExplorationViewModel(ParametersViewModel parameters, TransportViewModel transport, ChartsViewModel charts) {
        this.parameters = parameters;
        this.transport = transport;
        this.charts = charts;
        this.timeline = new TimelineViewModel(transport.viewProperty());
        this.sessionView = new SessionViewState(charts, transport, timeline);
        parameters.requestProperty().addListener((obs, old, now) -> rememberPanel(now));
        rememberPanel(parameters.getRequest());
        transport.setOnReplace(this::onReplaced);
        history.runs().addListener((ListChangeListener<HistoryRun>) c -> charts.setGhosts(history.shownGhosts()));
        undo.setOnChange(this::updateState);
        updateState();
    }

    public RunHistory history() {
        return history;
    }

    /** What a session saves of the view, and restores. */
    public SessionViewState sessionView() {
        return sessionView;
    }

    /** The run history as a session stores it, newest first. */
    public List<RecordedGhost> historyForSession() {
        List<RecordedGhost> out = new ArrayList<>();
        for (HistoryRun h : history.runs()) {
            List<RecordedRun> runs = new ArrayList<>();
            for (RunView r : h.run().seeds()) {
                runs.add(new RecordedRun(h.method(), r.seed(), r.state(), r.reason(), r.series(), r.risk()));
            }
            out.add(new RecordedGhost(h.label(), h.method(), h.settings(), h.run().colourIndex(),
                    h.run().method().params(), h.isShown(), runs));
        }
        return out;
    }

    /** Puts a session's earlier runs back in the history (they are ghosts again; undo cannot reach them). */
    public void restoreHistory(List<RecordedGhost> ghosts) {
        Object origin = new Object();
        for (int i = ghosts.size() - 1; i >= 0; i--) {
            RecordedGhost g = ghosts.get(i);
            List<RunView> seeds = new ArrayList<>();
            for (RecordedRun r : g.runs()) {
                long last = r.snapshots().isEmpty() ? 0 : r.snapshots().get(r.snapshots().size() - 1).iteration();
                seeds.add(new RunView(r.label(), r.seed(), new RunStatus(r.state(), r.reason()), last,
                        g.params().iterations(), SnapshotSeries.of(r.snapshots()), 0, null, null, r.risk()));
            }
            HistoryRun entry = history.keep(new MethodView(
                    new org.anilexplorer.app.sim.ResolvedMethod(g.method(), g.colourIndex(), g.params()), seeds),
                    g.settings(), origin);
            entry.shown().set(g.shown());
        }
    }

    public TimelineViewModel timeline() {
        return timeline;
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** "Undo keeps 3 paused experiments (about 4 MB)": what the kept runs hold, for the status bar. */
    public ReadOnlyStringProperty memoryTextProperty() {
        return memoryText.getReadOnlyProperty();
    }

    /** Goes back to the experiment (and panel) before the last edit, keeping the current one for Redo. */
    public void undo() {
        if (undo.canUndo()) {
            trade(true);
        }
    }

    /** Goes forward again to the experiment an Undo left. */
    public void redo() {
        if (undo.canRedo()) {
            trade(false);
        }
    }

    private void trade(boolean back) {
        LiveView shown = transport.getView();
        Object origin = liveOrigin;
        LiveExperiment current = transport.detach().orElse(null);
        PanelSnapshot panel = current == null ? PanelSnapshot.of(parameters) : panelFor(current.request());
        Kept now = new Kept(panel, current, origin != null ? origin : current);
        Optional<Kept> target = back ? undo.undo(now) : undo.redo(now);
        Kept to = target.orElseThrow();
        history.takeOut(to.origin);
        if (current != null) {
            history.keepReplaced(shown, to.driver.request().methods(), now.origin);
        }
        liveOrigin = to.origin;
        transport.adopt(to.driver);
        if (to.panel != null) {
            to.panel.restore(parameters);
        }
        freezeOld();
        updateState();
    }

    /** An edit replaces the live experiment: keep it (paused) and its changed methods as ghosts. */
    private void onReplaced(TransportViewModel.Replaced r) {
        Object origin = liveOrigin != null ? liveOrigin : r.driver();
        LiveExperiment kept = transport.detach().orElse(null);
        if (kept == null) {
            return;
        }
        history.keepReplaced(r.view(), r.next().methods(), origin);
        undo.record(new Kept(panelFor(kept.request()), kept, origin));
        liveOrigin = null;
        freezeOld();
        updateState();
    }

    /** Forgets every kept experiment and ghost (a preset or session replaces the whole exploration). */
    public void clear() {
        undo.clear();
        history.dismissAll();
        liveOrigin = null;
        updateState();
    }

    private void rememberPanel(ExperimentRequest req) {
        if (req != null) {
            PanelSnapshot p = PanelSnapshot.of(parameters);
            if (p != null) {
                panels.put(req, p);
            }
        }
    }

    private PanelSnapshot panelFor(ExperimentRequest req) {
        return panels.get(req);
    }

    /** Keeps only the newest {@link #MAX_PAUSED} kept experiments continuable; older ones keep their series. */
    private void freezeOld() {
        int paused = 0;
        for (Kept k : undo.saved()) {
            if (k.driver == null || !k.continuable()) {
                continue;
            }
            if (++paused > MAX_PAUSED) {
                LiveExperiment d = k.driver;
                k.driver = frozen(d);
                closeLater(d);
            }
        }
    }

    /** What {@code d} recorded, as an experiment that runs no more (unfinished runs count as stopped). */
    static RecordedExperiment frozen(LiveExperiment d) {
        List<RunView> runs = new ArrayList<>();
        for (RunView r : d.latest().runs()) {
            RunStatus status = r.state().isFinal() ? r.status() : new RunStatus(RunState.CANCELLED, "");
            runs.add(new RunView(r.label(), r.seed(), status, r.iteration(), r.targetIterations(), r.series(),
                    r.activeNanos(), r.finalModel(), r.truth(), r.risk()));
        }
        return new RecordedExperiment(d.request(), new ExperimentView(runs,
                new ExperimentProgress(0, 0, 0, Duration.ZERO, runs.size(), runs.size())));
    }

    private void discard(Kept k) {
        if (k.driver != null && transport.driver().orElse(null) != k.driver) {
            closeLater(k.driver);
        }
    }

    private void closeLater(LiveExperiment d) {
        d.cancel();
        try {
            closer.execute(d::close);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            d.close(); // closing down: close here
        }
    }

    private void updateState() {
        canUndo.set(undo.canUndo());
        canRedo.set(undo.canRedo());
        long paused = undo.saved().stream().filter(k -> k.driver != null && k.continuable()).count();
        long bytes = undo.saved().stream().filter(k -> k.driver != null && k.continuable())
                .mapToLong(k -> MemoryEstimate.bytes(k.driver.request())).sum();
        memoryText.set(paused == 0 && undo.saved().isEmpty() ? ""
                : String.format(java.util.Locale.ROOT, "undo: %d step%s, %d paused (about %s)", undo.saved().size(),
                undo.saved().size() == 1 ? "" : "s", paused, MemoryEstimate.text(bytes)));
    }

    /** Closes every kept experiment. */
    @Override
    public void close() {
        for (Kept k : undo.saved()) {
            if (k.driver != null) {
                k.driver.cancel();
                k.driver.close();
            }
        }
        closer.shutdown();
    }
}
