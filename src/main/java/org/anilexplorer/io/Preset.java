package org.anilexplorer.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.anilexplorer.core.params.MethodLabel;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.run.Variant;

/**
 * A named starting point: the parameters of one experiment and, for comparisons, the methods to run side by side.
 *
 * @param origin      where it was read from (a file path or "bundled preset NAME"), for messages
 * @param title       one line for menus and figure titles
 * @param description what it shows, in a few sentences
 * @param source      where the setting comes from (paper, figure, table)
 * @param params      the resolved parameters (defaults, then the preset's {@code params} in file order)
 * @param methods     the curves to compare; empty means one curve with {@code params}
 */
public record Preset(String origin, String title, String description, String source, Params params,
                     List<MethodSpec> methods) {

    public Preset {
        methods = List.copyOf(methods);
    }

    /**
     * The variants to run: each method's overrides on top of the preset's parameters, then {@code settings} (the
     * user's own, e.g. from the command line, which win over the preset's). Not validated here. A method without a
     * label of its own is named as the window names it ({@link MethodLabel}: "FO-ANIL, β = 0.2", from what differs
     * from the preset's parameters with {@code settings}), so that both fronts label it the same.
     *
     * @throws org.anilexplorer.core.params.ParamException for an unknown key or a bad value in {@code settings}
     */
    public List<Variant> variants(Map<String, String> settings) {
        List<Variant> out = new ArrayList<>();
        if (methods.isEmpty()) {
            out.add(new Variant(null, params.withAll(settings)));
        } else {
            Params base = params.withAll(settings);
            List<String> names = new ArrayList<>();
            for (MethodSpec m : methods) {
                Params p = params.withAll(m.overrides()).withAll(settings);
                names.add(m.hasOwnLabel() ? m.label() : MethodLabel.of(base, p));
                out.add(new Variant(null, p));
            }
            // as the window does: equal derived names are told apart by a number ("FO-ANIL (2)")
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < out.size(); i++) {
                String name = names.get(i);
                int n = seen.merge(name, 1, Integer::sum);
                out.set(i, new Variant(n > 1 || names.indexOf(name) != i ? name + " (" + n + ")" : name,
                        out.get(i).params()));
            }
        }
        return out;
    }
}
