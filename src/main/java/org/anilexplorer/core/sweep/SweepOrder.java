package org.anilexplorer.core.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which a runner starts jobs. A batch sweep wants the longest jobs first (the last minutes are not
 * spent on one long job); a sweep someone watches wants a picture of the whole grid early: coarse to fine.
 *
 * <p>Coarse to fine: the pass of a cell is the largest stride s (a power of two) such that every coordinate of the
 * cell is a multiple of s or the last index of its axis. The first pass (the largest stride below the longest axis)
 * therefore holds the corners and a sparse lattice, the next ones halve the stride (every 4th point, then every 2nd),
 * and the last pass fills in the rest. Within a pass, jobs go longest first (ties by canonical index), so each pass
 * also ends early.
 */
public final class SweepOrder {

    private SweepOrder() {
    }

    /** Longest first by the cost estimate, ties by canonical index (the batch order). */
    public static List<SweepJob> longestFirst(List<SweepJob> jobs) {
        List<SweepJob> order = new ArrayList<>(jobs);
        order.sort(Comparator.comparingDouble((SweepJob j) -> -CostModel.cost(j)).thenComparingInt(SweepJob::index));
        return order;
    }

    /** Coarse passes first (see the class comment), longest first within a pass. */
    public static List<SweepJob> coarseToFine(SweepGrid grid, List<SweepJob> jobs) {
        int[] stride = passStrides(grid);
        List<SweepJob> order = new ArrayList<>(jobs);
        order.sort(Comparator.comparingInt((SweepJob j) -> -stride[j.cell()])
                .thenComparingDouble(j -> -CostModel.cost(j)).thenComparingInt(SweepJob::index));
        return order;
    }

    /**
     * The stride of the pass each cell belongs to, indexed by cell: larger strides run first, stride 1 is the last
     * pass. A grid of one cell per axis has a single pass of stride 1.
     */
    public static int[] passStrides(SweepGrid grid) {
        int top = topStride(grid);
        int[] out = new int[grid.cellCount()];
        for (int cell = 0; cell < out.length; cell++) {
            int[] c = grid.coordinates(cell);
            int s = top;
            while (s > 1 && !onLattice(grid, c, s)) {
                s /= 2;
            }
            out[cell] = s;
        }
        return out;
    }

    /** The number of distinct passes (1 for a grid that runs in one go). */
    public static int passes(SweepGrid grid) {
        return Integer.numberOfTrailingZeros(topStride(grid)) + 1;
    }

    /** The largest power of two not above (longest axis − 1), at least 1. */
    static int topStride(SweepGrid grid) {
        int longest = 1;
        for (GridAxis a : grid.axes()) {
            longest = Math.max(longest, a.size());
        }
        return Integer.highestOneBit(Math.max(1, longest - 1));
    }

    private static boolean onLattice(SweepGrid grid, int[] coordinates, int stride) {
        for (int a = 0; a < coordinates.length; a++) {
            int last = grid.axes().get(a).size() - 1;
            if (coordinates[a] % stride != 0 && coordinates[a] != last) {
                return false;
            }
        }
        return true;
    }
}
