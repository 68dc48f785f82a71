package org.anilexplorer.io;

import java.util.LinkedHashMap;
import java.util.Map;
import org.anilexplorer.core.params.Algorithm;

/**
 * One entry of a preset's {@code methods} list: a label and the parameter overrides (key → text) that turn the
 * preset's parameters into this curve's, e.g. {"label": "FO-MAML", "algorithm": "fo-maml"}.
 */
public record MethodSpec(String label, Map<String, String> overrides) {

    public MethodSpec {
        overrides = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
        if (label == null || label.isBlank()) {
            label = defaultLabel(overrides);
        }
    }

    /**
     * Whether the entry was given a label of its own (one that is not just its overrides written out). An unlabelled
     * entry runs under the name {@link Preset#variants} derives from its settings.
     */
    public boolean hasOwnLabel() {
        return !label.equals(defaultLabel(overrides));
    }

    /** The algorithm's name when the entry sets one, else the overrides written out ("beta=0.2"). */
    static String defaultLabel(Map<String, String> overrides) {
        String algorithm = overrides.get("algorithm");
        if (algorithm != null && overrides.size() == 1) {
            try {
                return Algorithm.parse(algorithm).label();
            } catch (IllegalArgumentException e) {
                return algorithm;
            }
        }
        StringBuilder b = new StringBuilder();
        overrides.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append('=').append(v));
        return b.length() == 0 ? "base" : b.toString();
    }
}
