package org.anilexplorer.core.sweep;

import org.anilexplorer.core.run.Variant;

/**
 * One unit of work: one cell, one method, one seed. {@link #variant()} holds the complete parameters (the preset,
 * the user's settings, then the cell's values), exactly what a plain run with the same settings would use; it is
 * null when those parameters were refused, and {@link #refusal()} then says why.
 *
 * @param index       position in the sweep's canonical order (cell, then method, then seed)
 * @param cell        the grid cell
 * @param method      index of the method (0 when the preset has none)
 * @param methodLabel the method's label
 * @param seedIndex   0-based run index; the seed is {@code params.seedOf(seedIndex)}
 * @param seed        the run's seed
 */
public record SweepJob(int index, int cell, int method, String methodLabel, int seedIndex, long seed, Variant variant,
                       String refusal) {

    /** A file-name-safe identity that does not change between runs of the same sweep: {@code c0012-m1-s0}. */
    public String id() {
        return String.format("c%04d-m%d-s%d", cell, method, seedIndex);
    }

    public boolean refused() {
        return variant == null;
    }

    /** Iterations this job runs (0 when refused). */
    public long iterations() {
        return variant == null ? 0 : variant.params().iterations();
    }
}
