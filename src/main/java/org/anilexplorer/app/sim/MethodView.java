package org.anilexplorer.app.sim;

import java.util.List;
import org.anilexplorer.app.viewmodel.ResolvedMethod;

/** Everything recorded so far for one compared method: one series per seed. Immutable. */
public record MethodView(ResolvedMethod method, List<SeedSeries> seeds) {

    public MethodView {
        seeds = List.copyOf(seeds);
    }

    /** The slowest seed's iteration: every seed has got at least this far. */
    public long iteration() {
        return seeds.stream().filter(s -> !s.status().isTerminal()).mapToLong(SeedSeries::lastIteration).min()
                .orElse(seeds.stream().mapToLong(SeedSeries::lastIteration).max().orElse(0));
    }

    /** The first divergence or failure among the seeds, with its reason, if any. */
    public java.util.Optional<SeedSeries> firstProblem() {
        return seeds.stream().filter(s -> s.status() == RunStatus.DIVERGED || s.status() == RunStatus.FAILED)
                .findFirst();
    }
}
