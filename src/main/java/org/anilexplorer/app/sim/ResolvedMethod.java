package org.anilexplorer.app.sim;

import java.util.Objects;
import org.anilexplorer.core.params.Params;

/**
 * A method ready to run: its label, its slot, its complete, validated parameters, and where it sits in a family.
 *
 * @param label       the legend label (unique within a request)
 * @param colourIndex the method's slot: its identity while it is listed (a method keeps its slot through every edit,
 *                    so its runs are matched to it by slot, never by label) and its colour in the categorical palette
 * @param params      the complete parameters
 * @param shade       the method's place in a family made by varying one key (drawn in a sequential palette instead of
 *                    its slot's colour), or null for a method of its own
 */
public record ResolvedMethod(String label, int colourIndex, Params params, Shade shade) {

    public ResolvedMethod {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(params, "params");
    }

    /** A method of its own, coloured by its slot. */
    public ResolvedMethod(String label, int colourIndex, Params params) {
        this(label, colourIndex, params, null);
    }

    /** Whether {@code other} computes exactly the same runs (labels and colours aside): then its runs can be kept. */
    public boolean runsLike(ResolvedMethod other) {
        return params.equals(other.params);
    }

    /**
     * Member {@code position} (0-based) of a family of {@code size} methods, in the order of the varied values.
     *
     * @param family which family (families made one after the other get different numbers)
     */
    public record Shade(int family, int position, int size) {
        public Shade {
            if (size < 1 || position < 0 || position >= size) {
                throw new IllegalArgumentException("shade " + position + " of " + size);
            }
        }
    }
}
