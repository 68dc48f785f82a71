package org.anilexplorer.app.sim;

import java.util.List;
import java.util.Objects;
import org.anilexplorer.core.params.Params;

/**
 * Everything needed to start an experiment: the panel's parameters and the methods to compare on the same tasks and
 * initialisations (at least one). Immutable; equal requests describe the same experiment.
 */
public record ExperimentRequest(Params base, List<ResolvedMethod> methods) {

    public ExperimentRequest {
        Objects.requireNonNull(base, "base");
        methods = List.copyOf(methods);
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("an experiment needs at least one method");
        }
    }

    /** The longest horizon among the methods (a method may override the iteration count). */
    public long maxIterations() {
        return methods.stream().mapToLong(m -> m.params().iterations()).max().orElse(0);
    }
}
