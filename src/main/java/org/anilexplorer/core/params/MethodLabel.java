package org.anilexplorer.core.params;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The name of a compared method, derived from its settings: its algorithm, then every parameter where it differs from
 * the experiment's base, in {@link ParamSpec} order, with the paper's symbols ("FO-ANIL, α = 0.1", "FO-MAML, N = 1000";
 * just "FO-MAML" when only the algorithm differs). A name derived this way cannot go stale: it is recomputed from the
 * settings whenever they change.
 */
public final class MethodLabel {

    private MethodLabel() {
    }

    /** The label of {@code method} against {@code base}. */
    public static String of(Params base, Params method) {
        return of(base, method, Set.of());
    }

    /**
     * As {@link #of(Params, Params)}, also naming the keys in {@code alwaysShown} when they equal the base (the key a
     * family of methods varies, so that every member of the family says its value).
     */
    public static String of(Params base, Params method, Collection<ParamSpec> alwaysShown) {
        List<String> parts = new ArrayList<>();
        parts.add(method.algorithm().label());
        for (ParamSpec spec : differences(base, method)) {
            parts.add(setting(spec, method.get(spec)));
        }
        for (ParamSpec spec : ParamSpec.values()) {
            if (alwaysShown.contains(spec) && spec != ParamSpec.ALGORITHM && method.get(spec).equals(base.get(spec))) {
                parts.add(setting(spec, method.get(spec)));
            }
        }
        return String.join(", ", parts);
    }

    /** The keys (algorithm excluded) whose values differ between {@code base} and {@code method}, in spec order. */
    public static List<ParamSpec> differences(Params base, Params method) {
        List<ParamSpec> out = new ArrayList<>();
        for (ParamSpec spec : ParamSpec.values()) {
            if (spec != ParamSpec.ALGORITHM && !method.get(spec).equals(base.get(spec))) {
                out.add(spec);
            }
        }
        return out;
    }

    /** One setting as the paper writes it: "α = 0.1", "N = ∞", "fresh_tasks = true". */
    public static String setting(ParamSpec spec, String value) {
        String name = spec.symbol().isEmpty() ? spec.key() : spec.symbol();
        String shown = value.equals("inf") ? "∞" : value.isEmpty() ? "(none)" : value;
        return name + " = " + shown;
    }
}
