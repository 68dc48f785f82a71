package org.anilexplorer.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
     * user's own, e.g. from the command line, which win over the preset's). Not validated here.
     *
     * @throws org.anilexplorer.core.params.ParamException for an unknown key or a bad value in {@code settings}
     */
    public List<Variant> variants(Map<String, String> settings) {
        List<Variant> out = new ArrayList<>();
        if (methods.isEmpty()) {
            out.add(new Variant(null, params.withAll(settings)));
        } else {
            for (MethodSpec m : methods) {
                out.add(new Variant(m.label(), params.withAll(m.overrides()).withAll(settings)));
            }
        }
        return out;
    }
}
