package org.anilexplorer.app.viewmodel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One method of a comparison: a label and the parameter settings it changes relative to the panel's parameters
 * (a preset's {@code methods} entry, or an algorithm added by hand). No overrides means "the panel as set".
 */
public record MethodVariant(String label, Map<String, String> overrides) {

    public MethodVariant {
        Objects.requireNonNull(label, "label");
        overrides = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
    }

    /** The variant that runs the panel's parameters unchanged. */
    public static MethodVariant asSet() {
        return new MethodVariant("", Map.of());
    }

    public boolean isAsSet() {
        return overrides.isEmpty();
    }
}
