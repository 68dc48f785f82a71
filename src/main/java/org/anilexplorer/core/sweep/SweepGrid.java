package org.anilexplorer.core.sweep;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cells of a sweep: the cartesian product of its axes, in row-major order (the last axis varies fastest), so
 * cell i of the same grid is the same setting on every machine.
 */
public record SweepGrid(List<GridAxis> axes) {

    /** A guard against grids nobody meant to run. */
    public static final int MAX_CELLS = 100_000;

    public SweepGrid {
        axes = List.copyOf(axes);
        if (axes.isEmpty()) {
            throw new SweepException("--grid: at least one grid key is needed, e.g. --grid alpha=0.05,0.1,0.2");
        }
        Set<String> keys = new HashSet<>();
        long cells = 1;
        for (GridAxis a : axes) {
            if (!keys.add(a.key())) {
                throw new SweepException("--grid " + a.key() + ": the key is given twice; list all its values in one --grid");
            }
            cells *= a.size();
            if (cells > MAX_CELLS) {
                throw new SweepException("--grid: more than " + MAX_CELLS + " cells; use fewer values");
            }
        }
    }

    /** Parses one axis per {@code --grid} entry. */
    public static SweepGrid parse(List<String> specs) {
        List<GridAxis> out = new ArrayList<>();
        for (String s : specs) {
            out.add(GridAxis.parse(s));
        }
        return new SweepGrid(out);
    }

    public int cellCount() {
        int n = 1;
        for (GridAxis a : axes) {
            n *= a.size();
        }
        return n;
    }

    /** The index of each axis's value in cell {@code cell}. */
    public int[] coordinates(int cell) {
        int[] c = new int[axes.size()];
        int rest = cell;
        for (int a = axes.size() - 1; a >= 0; a--) {
            int size = axes.get(a).size();
            c[a] = rest % size;
            rest /= size;
        }
        return c;
    }

    /** The cell at these axis indices. */
    public int cell(int... coordinates) {
        int cell = 0;
        for (int a = 0; a < axes.size(); a++) {
            cell = cell * axes.get(a).size() + coordinates[a];
        }
        return cell;
    }

    /** Key → value text of cell {@code cell}, in axis order. */
    public Map<String, String> settings(int cell) {
        int[] c = coordinates(cell);
        Map<String, String> out = new LinkedHashMap<>();
        for (int a = 0; a < axes.size(); a++) {
            out.put(axes.get(a).key(), axes.get(a).value(c[a]));
        }
        return out;
    }

    public List<String> keys() {
        return axes.stream().map(GridAxis::key).toList();
    }
}
