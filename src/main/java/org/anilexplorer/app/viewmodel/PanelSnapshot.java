package org.anilexplorer.app.viewmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.anilexplorer.core.params.Params;

/**
 * The parameter panel as it was when an experiment started: the base parameters and the compare list with each
 * method's tick. Restoring it reproduces that experiment's request exactly, so undo brings the panel and the runs
 * back together.
 */
record PanelSnapshot(Params params, List<MethodVariant> variants, List<Boolean> included) {

    PanelSnapshot {
        Objects.requireNonNull(params, "params");
        variants = List.copyOf(variants);
        included = List.copyOf(included);
    }

    /** The panel now, or null while its parameters are invalid. */
    static PanelSnapshot of(ParametersViewModel panel) {
        Params p = panel.getParams();
        if (p == null) {
            return null;
        }
        List<Boolean> ticks = new ArrayList<>();
        for (MethodEntry m : panel.methods()) {
            ticks.add(m.isIncluded());
        }
        return new PanelSnapshot(p, panel.variants(), ticks);
    }

    void restore(ParametersViewModel panel) {
        panel.load(params, variants);
        for (int i = 0; i < included.size() && i < panel.methods().size(); i++) {
            panel.methods().get(i).setIncluded(included.get(i)); // a tick only shows or hides a method
        }
    }
}
