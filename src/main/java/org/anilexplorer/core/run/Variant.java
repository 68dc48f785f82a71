package org.anilexplorer.core.run;

import java.util.Objects;
import org.anilexplorer.core.params.Params;

/**
 * One curve of a comparison: a label ("FO-MAML") and the complete parameters it runs with. Every variant of an
 * experiment uses the same seeds, so all methods see the same ground truth, tasks and initialisation.
 */
public record Variant(String label, Params params) {

    public Variant {
        Objects.requireNonNull(params, "params");
        label = label == null || label.isBlank() ? params.algorithm().label() : label.strip();
    }

    public static Variant of(Params params) {
        return new Variant(null, params);
    }
}
