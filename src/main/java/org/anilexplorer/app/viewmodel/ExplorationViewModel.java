package org.anilexplorer.app.viewmodel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import org.anilexplorer.app.sim.ExperimentRequest;
import org.anilexplorer.app.sim.LiveExperiment;
import org.anilexplorer.app.sim.ResolvedMethod;
import org.anilexplorer.app.sim.RunStates;
import org.anilexplorer.core.run.RunCheckpoint;
import org.anilexplorer.core.run.RunStatus;
import org.anilexplorer.core.run.RunView;
import org.anilexplorer.core.run.SnapshotSeries;
import org.anilexplorer.io.RecordedGhost;
import org.anilexplorer.io.RecordedRun;

/**
 * Exploring without losing anything. When an edit replaces a method's runs, the previous runs stay on the charts as
 * ghosts ({@link RunHistory}) and, with the exact states they stopped in and the panel they ran with, make one undo
 * step. Undo / Redo restore the panel and start the replaced methods again from those states: their recorded series
 * come back as they were, nothing is recomputed, and a run that was mid-way is back paused at its iteration.
 * Branch from here restarts the shown methods from their states at the timeline's iteration (the nearest kept
 * checkpoint at or before it); from then on an edit of a branched method applies from that point, drawn as a fork of
 * the parent run, which stays as a ghost.
 */
public final class ExplorationViewModel implements AutoCloseable {

    /** Undo steps kept (each side). */
    static final int CAPACITY = 30;
    /** Panels remembered per request, to restore the one an experiment ran with. */
    private static final int PANELS_REMEMBERED = 256;

    private final ParametersViewModel parameters;
    private final TransportViewModel transport;
    private final ChartsViewModel charts;
    private final Optional<RunStates> states;
    private final RunHistory history = new RunHistory();
    private final TimelineViewModel timeline;
    private final SessionViewState sessionView;
    private final UndoStack<Step> undo = new UndoStack<>(CAPACITY, s -> { });
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyBooleanWrapper canBranch = new ReadOnlyBooleanWrapper(this, "canBranch");
    private final ReadOnlyStringWrapper memoryText = new ReadOnlyStringWrapper(this, "memoryText", "");
    private final Map<ExperimentRequest, PanelSnapshot> panels = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ExperimentRequest, PanelSnapshot> eldest) {
            return size() > PANELS_REMEMBERED;
        }
    };
    /** Branch points by colour slot: where a branched method's runs start (drawn from there on). */
    private final Map<Integer, Long> forks = new LinkedHashMap<>();

    /** One method's replaced runs: the method as it ran, and the states they stopped in (empty: none kept). */
    record Replaced(ResolvedMethod method, CompletableFuture<List<RunCheckpoint>> states) {
    }

    /** One undo step: the panel before an edit and the runs the edit replaced (their ghosts carry {@code this}). */
    static final class Step {
        final PanelSnapshot panel;
        final ExperimentRequest before;
        final List<Replaced> methods = new ArrayList<>();

        Step(PanelSnapshot panel, ExperimentRequest before) {
            this.panel = panel;
            this.before = before;
        }
    }

    /** The request the live experiment had when last looked at (before the edit being applied). */
    private ExperimentRequest lastSeen;
    /** The step the replacements of the edit being applied go to. */
    private Step filling;
    /** Set by undo and redo: the step their edit's replacements go to (the other side's). */
    private Step trading;

    private final java.util.concurrent.Executor ui;

    /** @param ui runs work back on the UI thread (the runs' final states arrive on a simulation thread) */
    public ExplorationViewModel(ParametersViewModel parameters, TransportViewModel transport, ChartsViewModel charts,
                                Optional<RunStates> states, java.util.concurrent.Executor ui) {
        this.ui = ui;
        this.parameters = parameters;
        this.transport = transport;
        this.charts = charts;
        this.states = states;
        this.timeline = new TimelineViewModel(transport.viewProperty());
        this.sessionView = new SessionViewState(charts, transport, timeline);
        parameters.requestProperty().addListener((obs, old, now) -> rememberPanel(now));
        rememberPanel(parameters.getRequest());
        transport.addRunReplacementListener(this::onRunReplaced);
        transport.setOnReplace(r -> history.keepReplaced(r.view(), r.next().methods(), new Object()));
        transport.viewProperty().addListener((obs, old, now) -> {
            lastSeen = transport.driver().map(LiveExperiment::request).orElse(null);
            filling = null;
            updateState();
        });
        history.runs().addListener((ListChangeListener<HistoryRun>) c -> charts.setGhosts(history.shownGhosts()));
        undo.setOnChange(this::updateState);
        updateState();
    }

    public RunHistory history() {
        return history;
    }

    public TimelineViewModel timeline() {
        return timeline;
    }

    /** What a session saves of the view, and restores. */
    public SessionViewState sessionView() {
        return sessionView;
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** Whether there is a live experiment whose runs keep states to branch from. */
    public ReadOnlyBooleanProperty canBranchProperty() {
        return canBranch.getReadOnlyProperty();
    }

    /** "checkpoints 12 MB of 256 MB · undo 3 steps": what the kept states hold, for the status bar. */
    public ReadOnlyStringProperty memoryTextProperty() {
        return memoryText.getReadOnlyProperty();
    }

    /** The iteration each branched method's runs start from, by colour slot. */
    public Map<Integer, Long> forks() {
        return Map.copyOf(forks);
    }

    // ---- undo and redo ----

    /** Goes back to the panel and runs before the last edit (the current ones become ghosts, and Redo's). */
    public void undo() {
        if (undo.canUndo()) {
            trade(true);
        }
    }

    /** Goes forward again to the panel and runs an Undo left. */
    public void redo() {
        if (undo.canRedo()) {
            trade(false);
        }
    }

    private void trade(boolean back) {
        transport.pause();
        transport.holdAt(); // parks the gate even for an ended experiment, before any run restarts
        ExperimentRequest now = transport.driver().map(LiveExperiment::request).orElse(parameters.getRequest());
        Step current = new Step(now == null ? null : panels.get(now), now);
        Step to = (back ? undo.undo(current) : undo.redo(current)).orElseThrow();
        for (Replaced m : to.methods) {
            List<RunCheckpoint> kept = m.states().getNow(List.of());
            if (!kept.isEmpty()) {
                states.ifPresent(s -> s.startNextFrom(m.method().params(), kept));
            }
        }
        history.takeOut(to);
        trading = current;
        if (to.panel != null) {
            to.panel.restore(parameters);
        }
        transport.applyNow();
        transport.holdAt();
        updateState();
    }

    /** An edit replaced one method's runs: keep them as a ghost and, with their final states, as an undo step. */
    private void onRunReplaced(RunReplacement e) {
        if (filling == null || filling.before != lastSeen) {
            if (trading != null) {
                filling = trading;
                trading = null;
            } else {
                filling = new Step(lastSeen == null ? null : panels.get(lastSeen), lastSeen);
                undo.record(filling);
            }
        }
        MethodView previous = e.previous();
        CompletableFuture<List<RunCheckpoint>> finalStates = transport.driver()
                .map(d -> d.finalStates(previous.method())).orElse(CompletableFuture.completedFuture(List.of()));
        filling.methods.add(new Replaced(previous.method(), finalStates));
        long from = forks.getOrDefault(previous.colourIndex(), 0L);
        if (previous.iteration() > from) {
            HistoryRun ghost = history.keep(forks.containsKey(previous.colourIndex()) ? sinceFork(previous, from)
                    : previous, RunHistory.difference(previous.method().params(), e.replacement().params()), filling);
            // the runs stop a few iterations after the view the ghost was made from: show them as they ended
            finalStates.thenAccept(ended -> ui.execute(() -> {
                if (!ended.isEmpty()) {
                    MethodView last = ended(previous, ended);
                    history.update(ghost, forks.containsKey(previous.colourIndex()) ? sinceFork(last, from) : last);
                }
                updateState();
            }));
        }
        updateState();
    }

    // ---- loading another experiment ----

    /**
     * The panel and every live run's exact state now, as one undo step, so that loading another experiment (a preset)
     * can be undone: Undo brings the panel back and restarts its methods from these states, paused where they were.
     * Null when nothing ran or no state can be taken (a recorded session, a launcher without states).
     */
    Step beforeLoad() {
        Optional<LiveExperiment> live = transport.driver();
        if (live.isEmpty() || states.isEmpty() || transport.getView().methods().isEmpty()) {
            return null;
        }
        ExperimentRequest req = live.get().request();
        PanelSnapshot panel = panels.get(req);
        if (panel == null) {
            return null;
        }
        live.get().pause(); // the experiment is about to be replaced: its runs park where they are
        Map<Integer, List<org.anilexplorer.app.sim.SeedStates>> now = live.get().statesNow(LOAD_PATIENCE);
        Step step = new Step(panel, req);
        for (ResolvedMethod m : req.methods()) {
            List<org.anilexplorer.app.sim.SeedStates> seeds = now.get(m.colourIndex());
            if (seeds != null && !seeds.isEmpty() && seeds.stream().allMatch(x -> x.latest() != null)) {
                step.methods.add(new Replaced(m, CompletableFuture.completedFuture(
                        seeds.stream().map(org.anilexplorer.app.sim.SeedStates::latest).toList())));
            }
        }
        return step.methods.isEmpty() ? null : step;
    }

    /** How long taking the states before a load waits for computing runs to park. */
    private static final java.time.Duration LOAD_PATIENCE = java.time.Duration.ofSeconds(3);

    /** Makes {@code step} (from {@link #beforeLoad()}, taken before the load cleared the exploration) undoable. */
    void recordLoad(Step step) {
        if (step != null) {
            undo.record(step);
            updateState();
        }
    }

    // ---- branches ----

    /**
     * Restarts every shown method from its state at the timeline's iteration (the nearest kept checkpoint at or
     * before it), paused there; the runs until now stay as ghosts. Returns what happened, in one sentence.
     */
    public String branch() {
        Optional<LiveExperiment> live = transport.driver();
        if (live.isEmpty() || states.isEmpty()) {
            return "Nothing to branch from: press Play first.";
        }
        long t = timeline.iteration();
        transport.pause();
        transport.holdAt(); // parks the gate even for an ended experiment, before the branches start
        List<String> done = new ArrayList<>();
        List<String> none = new ArrayList<>();
        for (MethodView m : transport.getView().methods()) {
            if (!charts.isShown(m)) {
                continue;
            }
            Optional<List<RunCheckpoint>> at = live.get().statesAt(m.colourIndex(), t);
            if (at.isEmpty()) {
                none.add(m.label());
                continue;
            }
            long tc = at.get().get(0).iteration();
            states.get().fork(m.colourIndex(), at.get());
            Object origin = new Object();
            MethodView parent = forks.containsKey(m.colourIndex()) ? sinceFork(m, forks.get(m.colourIndex())) : m;
            if (live.get().restart(m.method())) {
                history.keep(parent, "before the branch at t = " + String.format(java.util.Locale.ROOT, "%,d", tc),
                        origin);
                forks.put(m.colourIndex(), tc);
                done.add(m.label() + " from t = " + String.format(java.util.Locale.ROOT, "%,d", tc));
            }
        }
        charts.setForks(forks);
        transport.holdAt();
        updateState();
        if (done.isEmpty()) {
            return "No state is kept at or before t = " + t + (none.isEmpty() ? "." : " for " + String.join(", ", none)
                    + ".");
        }
        return "Branched " + String.join(", ", done) + ". Change settings now: the branch continues with them from "
                + "there.";
    }

    /** The method's runs as they ended, from their final states (each holds the series up to its t). */
    static MethodView ended(MethodView m, List<RunCheckpoint> states) {
        List<RunView> seeds = new ArrayList<>();
        for (int i = 0; i < states.size() && i < m.seeds().size(); i++) {
            RunView was = m.seeds().get(i);
            RunCheckpoint c = states.get(i);
            RunStatus status = was.state().isFinal() ? was.status()
                    : new RunStatus(org.anilexplorer.core.run.RunState.CANCELLED, "");
            seeds.add(new RunView(was.label(), was.seed(), status, c.iteration(), was.targetIterations(), c.series(),
                    was.activeNanos(), was.finalModel(), was.truth(), c.risk()));
        }
        return new MethodView(m.method(), seeds);
    }

    /** A method's view from its branch point on (its runs' series before it belong to the parent). */
    static MethodView sinceFork(MethodView m, long t) {
        List<RunView> seeds = new ArrayList<>();
        for (RunView r : m.seeds()) {
            seeds.add(r.since(t));
        }
        return new MethodView(m.method(), seeds);
    }

    // ---- sessions ----

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
            HistoryRun entry = history.keep(new MethodView(new ResolvedMethod(g.method(), g.colourIndex(), g.params()),
                    seeds), g.settings(), origin);
            entry.shown().set(g.shown());
        }
    }

    /** Forgets every undo step, ghost and branch point (a preset or session starts a new exploration). */
    public void clear() {
        undo.clear();
        history.dismissAll();
        forks.clear();
        charts.setForks(forks);
        states.ifPresent(RunStates::clearForks);
        filling = null;
        trading = null;
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

    private void updateState() {
        canUndo.set(undo.canUndo());
        canRedo.set(undo.canRedo());
        canBranch.set(states.isPresent() && transport.driver().isPresent()
                && !transport.getView().methods().isEmpty());
        long held = 0;
        for (Step s : undo.saved()) {
            for (Replaced m : s.methods) {
                for (RunCheckpoint c : m.states().getNow(List.of())) {
                    held += c.bytes();
                }
            }
        }
        String kept = states.map(RunStates::describe).orElse("");
        String steps = undo.saved().isEmpty() ? "" : String.format(java.util.Locale.ROOT,
                "undo %d step%s (%.1f MB of states)", undo.saved().size(), undo.saved().size() == 1 ? "" : "s",
                held / 1e6);
        memoryText.set(kept.isEmpty() ? steps : steps.isEmpty() ? kept : kept + "  ·  " + steps);
    }

    @Override
    public void close() {
        undo.clear();
    }
}
