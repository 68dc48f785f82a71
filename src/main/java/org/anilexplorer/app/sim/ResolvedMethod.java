package org.anilexplorer.app.sim;

import java.util.Objects;
import org.anilexplorer.core.params.Params;

/** A method ready to run: its label, its colour slot in the palette, and its complete, validated parameters. */
public record ResolvedMethod(String label, int colourIndex, Params params) {

    public ResolvedMethod {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(params, "params");
    }
}
