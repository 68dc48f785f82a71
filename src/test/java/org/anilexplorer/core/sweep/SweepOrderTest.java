package org.anilexplorer.core.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.run.Variant;
import org.junit.jupiter.api.Test;

/** Coarse to fine: corners and a sparse lattice first, then every 4th, every 2nd point, then the rest. */
class SweepOrderTest {

    private static final Params BASE = Params.defaults().withAll(Map.of("d", "8", "k", "2", "k_prime", "4",
            "tasks", "inf", "iterations", "50"));

    private static SweepPlan plan(String... grid) {
        SweepGrid g = SweepGrid.parse(List.of(grid));
        return SweepPlan.of(g, List.of("FO-ANIL"), 2, BASE.seed(), cell -> List.of(new Variant("FO-ANIL", BASE.withAll(cell))));
    }

    @Test
    void tenValuesRunEndsAndEighthsThenQuartersThenHalvesThenTheRest() {
        SweepGrid g = SweepGrid.parse(List.of("alpha=0.1:1:10"));
        // index:        0  1  2  3  4  5  6  7  8  9
        int[] expected = {8, 1, 2, 1, 4, 1, 2, 1, 8, 8};
        assertArrayEquals(expected, SweepOrder.passStrides(g));
        assertEquals(4, SweepOrder.passes(g));
    }

    @Test
    void aThreeByThreeGridRunsItsCornersFirstAndItsMiddleLast() {
        SweepGrid g = SweepGrid.parse(List.of("alpha=0.1,0.2,0.3", "beta=0.1,0.2,0.3"));
        int[] strides = SweepOrder.passStrides(g);
        for (int cell = 0; cell < g.cellCount(); cell++) {
            int[] c = g.coordinates(cell);
            boolean corner = (c[0] == 0 || c[0] == 2) && (c[1] == 0 || c[1] == 2);
            assertEquals(corner ? 2 : 1, strides[cell], "cell " + cell);
        }
        assertEquals(2, SweepOrder.passes(g));
    }

    @Test
    void aPassIsTheLatticeOfItsStrideInEveryAxis() {
        SweepGrid g = SweepGrid.parse(List.of("alpha=0.1:1:10", "m_in=2,5,20,80,inf"));
        int[] strides = SweepOrder.passStrides(g);
        for (int cell = 0; cell < g.cellCount(); cell++) {
            int[] c = g.coordinates(cell);
            for (int s = 8; s >= 1; s /= 2) {
                boolean onLattice = (c[0] % s == 0 || c[0] == 9) && (c[1] % s == 0 || c[1] == 4);
                if (onLattice) {
                    assertEquals(s, strides[cell], "cell " + cell + ": the largest stride it lies on");
                    break;
                }
            }
        }
    }

    @Test
    void jobsComeCoarsestPassFirstAndEveryJobExactlyOnce() {
        SweepPlan p = plan("alpha=0.1:1:10", "m_in=2,5,20,80,inf");
        List<SweepJob> order = SweepOrder.coarseToFine(p.grid(), p.jobs());
        assertEquals(p.jobs().size(), order.size());
        Set<Integer> seen = new HashSet<>();
        order.forEach(j -> assertTrue(seen.add(j.index()), "job " + j.index() + " twice"));
        int[] strides = SweepOrder.passStrides(p.grid());
        for (int i = 1; i < order.size(); i++) {
            assertTrue(strides[order.get(i - 1).cell()] >= strides[order.get(i).cell()], "pass order at " + i);
        }
        // the first jobs cover the four corners of the grid
        Set<Integer> firstCells = new HashSet<>();
        for (SweepJob j : order.subList(0, 12)) {
            firstCells.add(j.cell());
        }
        for (int[] corner : new int[][] {{0, 0}, {0, 4}, {9, 0}, {9, 4}}) {
            assertTrue(firstCells.contains(p.grid().cell(corner)), "corner " + corner[0] + "," + corner[1]);
        }
    }

    @Test
    void withinAPassLongerJobsGoFirst() {
        // iterations grows along the axis: among the corners, the longer runs come first
        SweepPlan p = plan("iterations=10,20,40,80,160");
        List<SweepJob> order = SweepOrder.coarseToFine(p.grid(), p.jobs());
        List<String> firstPass = new ArrayList<>();
        for (SweepJob j : order.subList(0, 4)) {
            firstPass.add(p.grid().settings(j.cell()).get("iterations"));
        }
        assertEquals(List.of("160", "160", "10", "10"), firstPass);
    }

    @Test
    void aSingleCellIsOnePass() {
        SweepGrid g = SweepGrid.parse(List.of("alpha=0.2"));
        assertArrayEquals(new int[] {1}, SweepOrder.passStrides(g));
        assertEquals(1, SweepOrder.passes(g));
    }
}
