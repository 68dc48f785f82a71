package org.anilexplorer.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.run.Variant;
import org.junit.jupiter.api.Test;

/** Shards are disjoint, cover the sweep, are the same on every call, and balanced to within one job's cost. */
class ShardTest {

    private static SweepPlan plan() {
        // iterations and d vary, so jobs have very different costs; k = 3 ≥ d is refused in one column
        SweepGrid grid = SweepGrid.parse(List.of("iterations=100:3000:7", "d=3,10,40"));
        Params base = Params.defaults().with("tasks", "50").with("k_prime", "3");
        return SweepPlan.of(grid, List.of("a", "b"), 3, base.seed(), cell -> List.of(
                new Variant("a", base.withAll(cell)), new Variant("b", base.withAll(cell).with("algorithm", "fo-maml"))));
    }

    @Test
    void partsAreDisjointCoverEverythingAndRepeat() {
        SweepPlan plan = plan();
        for (int n : new int[] {1, 2, 3, 7, 200}) {
            Set<Integer> seen = new HashSet<>();
            for (int i = 1; i <= n; i++) {
                List<SweepJob> part = new Shard(i, n).select(plan.jobs());
                assertEquals(part, new Shard(i, n).select(plan.jobs()), "deterministic");
                for (SweepJob j : part) {
                    assertTrue(seen.add(j.index()), "job " + j.id() + " is in two parts of " + n);
                }
                for (int q = 1; q < part.size(); q++) {
                    assertTrue(part.get(q - 1).index() < part.get(q).index(), "canonical order inside a part");
                }
            }
            assertEquals(plan.jobs().size(), seen.size(), "every job in some part of " + n);
        }
    }

    @Test
    void loadsDifferByAtMostTheLargestJob() {
        SweepPlan plan = plan();
        double largest = plan.jobs().stream().mapToDouble(CostModel::cost).max().orElseThrow();
        for (int n : new int[] {2, 3, 5}) {
            double min = Double.POSITIVE_INFINITY;
            double max = 0;
            for (int i = 1; i <= n; i++) {
                double load = new Shard(i, n).select(plan.jobs()).stream().mapToDouble(CostModel::cost).sum();
                min = Math.min(min, load);
                max = Math.max(max, load);
            }
            assertTrue(max - min <= largest, n + " parts: loads from " + min + " to " + max + ", largest job " + largest);
        }
    }

    @Test
    void refusedCellsAreJobsToo() {
        SweepPlan plan = plan();
        long refused = plan.jobs().stream().filter(SweepJob::refused).count();
        assertEquals(7 * 2 * 3, refused, "d = 3 with k = 3 is refused for each iteration count, method and seed");
        assertTrue(plan.jobs().stream().filter(SweepJob::refused).allMatch(j -> j.refusal().startsWith("k: must be in")));
    }

    @Test
    void parsing() {
        assertEquals(new Shard(3, 10), Shard.parse(" 3/10 "));
        assertThrows(SweepException.class, () -> Shard.parse("0/10"));
        assertThrows(SweepException.class, () -> Shard.parse("11/10"));
        assertThrows(SweepException.class, () -> Shard.parse("3"));
        assertThrows(SweepException.class, () -> Shard.parse("a/b"));
    }
}
