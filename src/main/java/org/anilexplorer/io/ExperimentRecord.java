package org.anilexplorer.io;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.run.ExperimentView;
import org.anilexplorer.core.run.Variant;

/**
 * Everything the result files are written from: what was asked (title, base parameters, variants, warnings) and
 * what happened (the final experiment view, the wall time).
 */
public record ExperimentRecord(String title, String description, String source, Params params, List<Variant> variants,
                               List<String> warnings, ExperimentView view, Duration wallTime) {

    public ExperimentRecord {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(view, "view");
        title = title == null ? "" : title;
        description = description == null ? "" : description;
        source = source == null ? "" : source;
        variants = List.copyOf(variants);
        warnings = List.copyOf(warnings);
        wallTime = wallTime == null ? view.progress().elapsed() : wallTime;
    }

    /** The variant with this label. */
    public Variant variant(String label) {
        for (Variant v : variants) {
            if (v.label().equals(label)) {
                return v;
            }
        }
        throw new IllegalArgumentException("no variant labelled '" + label + "'");
    }
}
