package org.anilexplorer.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.anilexplorer.core.params.ParamSpec;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.run.RunView;
import org.anilexplorer.core.run.Variant;

/**
 * {@code config.json}: the fully resolved parameters of an experiment, in preset form, so that
 * {@code run --preset out/config.json} repeats it exactly. Each method lists only the keys where it differs from
 * {@code params}.
 */
public final class ConfigJson {

    public static final String FORMAT = "anil-explorer/config";

    private ConfigJson() {
    }

    public static ObjectNode toJson(ExperimentRecord r) {
        ObjectNode o = Json.object();
        o.put("format", FORMAT);
        o.put("version", 1);
        o.put("title", r.title().isBlank() ? "ANIL Explorer run" : r.title());
        o.put("description", r.description());
        o.put("source", r.source());
        Params base = r.variants().size() == 1 ? r.variants().get(0).params() : r.params();
        o.set("params", Json.params(base));
        if (r.variants().size() > 1) {
            ArrayNode methods = o.putArray("methods");
            for (Variant v : r.variants()) {
                ObjectNode m = Json.object();
                m.put("label", v.label());
                m.setAll(Json.settings(difference(base, v.params())));
                methods.add(m);
            }
        }
        ArrayNode seeds = o.putArray("seeds");
        r.view().runs().stream().map(RunView::seed).distinct().forEach(seeds::add);
        ArrayNode warnings = o.putArray("warnings");
        r.warnings().forEach(warnings::add);
        return o;
    }

    public static String render(ExperimentRecord r) {
        try {
            return Json.MAPPER.writeValueAsString(toJson(r)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render config.json", e);
        }
    }

    /** The keys (text values) where {@code p} differs from {@code base}. */
    static Map<String, String> difference(Params base, Params p) {
        Map<String, String> diff = new LinkedHashMap<>();
        for (ParamSpec s : ParamSpec.values()) {
            String v = p.get(s);
            if (!v.equals(base.get(s))) {
                diff.put(s.key(), v);
            }
        }
        return diff;
    }
}
