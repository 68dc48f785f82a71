package org.anilexplorer.app.viewmodel;

import java.util.List;
import java.util.Optional;
import org.anilexplorer.app.sim.ResolvedMethod;
import org.anilexplorer.core.metrics.Snapshot;
import org.anilexplorer.core.run.RunState;
import org.anilexplorer.core.run.RunView;

/** Everything recorded so far for one compared method: {@code core.run}'s view of each of its seeds. Immutable. */
public record MethodView(ResolvedMethod method, List<RunView> seeds) {

    public MethodView {
        seeds = List.copyOf(seeds);
    }

    /** The method's legend label. */
    public String label() {
        return method.label();
    }

    /** The method's colour slot in the palette. */
    public int colourIndex() {
        return method.colourIndex();
    }

    /** The method's colour as 0xRRGGBB (see {@link #rgb(ResolvedMethod)}). */
    public int rgb() {
        return rgb(method);
    }

    /**
     * A method's colour: its slot's in the categorical palette, or, for a member of a family made by Vary, its place
     * in the sequential palette.
     */
    public static int rgb(ResolvedMethod m) {
        ResolvedMethod.Shade s = m.shade();
        return s == null ? org.anilexplorer.figure.Palette.method(m.colourIndex())
                : org.anilexplorer.figure.Palette.sequential(s.position(), s.size());
    }

    /** The slowest seed's last recorded iteration: every seed has got at least this far. */
    public long iteration() {
        return seeds.stream().filter(s -> !s.state().isFinal()).mapToLong(MethodView::lastRecorded).min()
                .orElse(seeds.stream().mapToLong(MethodView::lastRecorded).max().orElse(0));
    }

    /** The first divergence or failure among the seeds, with its reason, if any. */
    public Optional<RunView> firstProblem() {
        return seeds.stream().filter(s -> s.state() == RunState.DIVERGED || s.state() == RunState.FAILED)
                .findFirst();
    }

    /** The iteration of a run's newest snapshot (0 before the first). */
    static long lastRecorded(RunView r) {
        Snapshot last = r.last();
        return last == null ? 0 : last.iteration();
    }
}
