package org.anilexplorer.app.viewmodel;

import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.anilexplorer.app.sim.ResolvedMethod;

/**
 * One earlier run of a method, kept in the {@link RunHistory} after an edit replaced it: what it recorded (frozen,
 * never recomputed), the settings that tell it apart from its replacement, and whether the charts show it.
 *
 * @param id       unique within the window's life, in order of arrival
 * @param run      the method and everything its seeds recorded, labelled with its settings
 * @param method   the method's own label (without the settings)
 * @param settings what differed from the run that replaced it ("α = 0.1"), or "" when nothing did
 * @param origin   the experiment it belonged to (undo brings a whole experiment back and takes its ghosts out)
 */
public record HistoryRun(long id, MethodView run, String method, String settings, Object origin,
                         BooleanProperty shown) {

    public HistoryRun {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(settings, "settings");
    }

    HistoryRun(long id, MethodView run, String method, String settings, Object origin) {
        this(id, run, method, settings, origin, new SimpleBooleanProperty(true));
    }

    /** The label in the charts' legend and in the run list: "FO-ANIL (α = 0.1)". */
    public String label() {
        return run.label();
    }

    /** The last iteration it recorded. */
    public long iteration() {
        return run.iteration();
    }

    public boolean isShown() {
        return shown.get();
    }

    /** The legend label of a method's earlier run with {@code settings}. */
    static ResolvedMethod relabelled(ResolvedMethod m, String settings) {
        return new ResolvedMethod(settings.isEmpty() ? m.label() + " (earlier)" : m.label() + " (" + settings + ")",
                m.colourIndex(), m.params());
    }
}
