package org.anilexplorer.app.viewmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.anilexplorer.app.sim.ResolvedMethod;
import org.anilexplorer.core.params.ParamSpec;
import org.anilexplorer.core.params.Params;

/**
 * The runs an edit replaced, newest first, like TensorBoard's runs list: each is drawn as a faded ghost in every
 * chart until it is hidden or dismissed. Entries hold recorded series only; nothing here computes.
 */
public final class RunHistory {

    private final ObservableList<HistoryRun> runs = FXCollections.observableArrayList(
            r -> new javafx.beans.Observable[] {r.shown()});
    /** One read-only view, kept: a wrapper's listeners live only as long as the wrapper does. */
    private final ObservableList<HistoryRun> readOnly = FXCollections.unmodifiableObservableList(runs);
    private long nextId = 1;

    /** The entries, newest first; observe it to follow additions, dismissals and show/hide changes. */
    public ObservableList<HistoryRun> runs() {
        return readOnly;
    }

    /**
     * Keeps the methods of {@code replaced} whose settings {@code replacement} changed or dropped (a method that runs
     * on unchanged is not a ghost of itself), if they recorded anything beyond t = 0.
     *
     * @param origin the experiment they belonged to
     * @return the entries added
     */
    public List<HistoryRun> keepReplaced(LiveView replaced, List<ResolvedMethod> replacement, Object origin) {
        List<HistoryRun> added = new ArrayList<>();
        for (MethodView m : replaced.methods()) {
            if (m.iteration() <= 0 || replacement.contains(m.method())) {
                continue;
            }
            ResolvedMethod successor = replacement.stream().filter(r -> r.label().equals(m.label())).findFirst()
                    .orElse(null);
            String settings = successor == null ? "" : difference(m.method().params(), successor.params());
            added.add(keep(m, settings, origin));
        }
        return added;
    }

    /** Adds one method's run under {@code settings} (e.g. the parent of a branch) and returns its entry. */
    public HistoryRun keep(MethodView m, String settings, Object origin) {
        HistoryRun entry = new HistoryRun(nextId++, new MethodView(HistoryRun.relabelled(m.method(), settings),
                m.seeds()), m.label(), settings, origin);
        runs.add(0, entry);
        return entry;
    }

    /**
     * Replaces what {@code entry} shows by {@code run} (the same method: its runs' final states arrived, a little
     * further than the last view of them), keeping its place, settings and show/hide; no-op once dismissed.
     */
    public void update(HistoryRun entry, MethodView run) {
        int i = runs.indexOf(entry);
        if (i >= 0) {
            runs.set(i, new HistoryRun(entry.id(), new MethodView(entry.run().method(), run.seeds()), entry.method(),
                    entry.settings(), entry.origin(), entry.shown()));
        }
    }

    public void dismiss(HistoryRun entry) {
        runs.remove(entry);
    }

    public void dismissAll() {
        runs.clear();
    }

    /** Takes out the entries of experiment {@code origin} (it is live again) and returns them. */
    public List<HistoryRun> takeOut(Object origin) {
        List<HistoryRun> out = runs.stream().filter(r -> r.origin() == origin).toList();
        runs.removeAll(out);
        return out;
    }

    /** Puts entries back (redo of an undo that had taken them out), newest first as before. */
    public void putBack(List<HistoryRun> entries) {
        for (HistoryRun r : entries) {
            if (!runs.contains(r)) {
                runs.add(r);
            }
        }
        runs.sort((a, b) -> Long.compare(b.id(), a.id()));
    }

    /** The ghosts the charts draw: the shown entries, oldest first (newer ghosts are drawn over older ones). */
    public List<MethodView> shownGhosts() {
        List<MethodView> out = new ArrayList<>();
        for (int i = runs.size() - 1; i >= 0; i--) {
            if (runs.get(i).isShown()) {
                out.add(runs.get(i).run());
            }
        }
        return out;
    }

    /**
     * What differs between a method's earlier and later parameters, in the earlier's values and the paper's symbols:
     * "α = 0.1, N = ∞". Empty when nothing does.
     */
    public static String difference(Params earlier, Params later) {
        Map<String, String> a = earlier.toMap();
        Map<String, String> b = later.toMap();
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, String> e : a.entrySet()) {
            if (!Objects.equals(e.getValue(), b.get(e.getKey()))) {
                String name = ParamSpec.byKey(e.getKey()).map(ParamSpec::symbol).filter(s -> !s.isEmpty())
                        .orElse(e.getKey());
                parts.add(name + " = " + shown(e.getValue()));
            }
        }
        return String.join(", ", parts);
    }

    private static String shown(String value) {
        return value.equals("inf") ? "∞" : value;
    }
}
