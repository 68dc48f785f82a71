package org.anilexplorer.figure;

import java.util.Objects;

/**
 * A horizontal dashed theory level, e.g. an eigenvalue of Λ⋆ (Theorem 1, eq. (8)). Lines with the same name share one
 * legend entry.
 */
public record ReferenceLine(String name, double y) {

    public ReferenceLine {
        Objects.requireNonNull(name, "name");
        if (!Double.isFinite(y)) {
            throw new IllegalArgumentException("reference line '" + name + "' must have a finite level, got " + y);
        }
    }
}
