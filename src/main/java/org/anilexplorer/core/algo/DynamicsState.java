package org.anilexplorer.core.algo;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a {@link Dynamics} carries from one iteration to the next that its parameters and seed do not rebuild:
 * the learned (B, w), and what a method keeps of its own (per-task heads, the coordinates of the infinite-task
 * recursion). The ground truth, the task pool and every fresh batch are not part of it: they are functions of the
 * seed (and, for a fresh batch, of the iteration), so a dynamics rebuilt from the same parameters and seed draws them
 * again bit for bit.
 *
 * <p>Every state holds {@link #B} (d×k', row-major) and, except Burer–Monteiro's, {@link #W}; these are what a
 * dynamics of another kind takes over when a run is branched with changed parameters. The {@link #kind()} says which
 * further arrays there are and how they are to be read; a dynamics restores those only from a state of its own kind.
 * Immutable: arrays are copied in and out.
 */
public final class DynamicsState {

    /** The representation B, d×k' row-major. */
    public static final String B = "B";
    /** The shared head w, length k'. */
    public static final String W = "w";

    private final String kind;
    private final long iteration;
    private final double magnitude;
    private final Map<String, double[]> arrays;

    /**
     * @param kind      which dynamics wrote it and how to read its arrays (equal kinds restore exactly)
     * @param iteration completed iterations t
     * @param magnitude the dynamics' {@link Dynamics#magnitude()} at t
     * @param arrays    named arrays, copied; must include {@link #B}
     */
    public DynamicsState(String kind, long iteration, double magnitude, Map<String, double[]> arrays) {
        this.kind = Objects.requireNonNull(kind, "kind");
        if (iteration < 0) {
            throw new IllegalArgumentException("iteration must be ≥ 0, got " + iteration);
        }
        if (!arrays.containsKey(B)) {
            throw new IllegalArgumentException("a dynamics state must hold B");
        }
        this.iteration = iteration;
        this.magnitude = magnitude;
        Map<String, double[]> copy = new LinkedHashMap<>();
        arrays.forEach((name, values) -> copy.put(Objects.requireNonNull(name), values.clone()));
        this.arrays = Collections.unmodifiableMap(copy);
    }

    public String kind() {
        return kind;
    }

    public long iteration() {
        return iteration;
    }

    public double magnitude() {
        return magnitude;
    }

    /** The array names, in the order they were given. */
    public Set<String> names() {
        return arrays.keySet();
    }

    public boolean has(String name) {
        return arrays.containsKey(name);
    }

    /** A copy of one array. */
    public double[] array(String name) {
        return require(name).clone();
    }

    /** The length of one array. */
    public int length(String name) {
        return require(name).length;
    }

    /** Copies one array into {@code target} (same length), without an intermediate copy. */
    public void copyInto(String name, double[] target) {
        double[] a = require(name);
        if (a.length != target.length) {
            throw new IllegalArgumentException(name + " holds " + a.length + " numbers, the dynamics " + target.length);
        }
        System.arraycopy(a, 0, target, 0, a.length);
    }

    /** Copies one array, row-major, into rows of equal length. */
    public void copyInto(String name, double[][] rows) {
        double[] a = require(name);
        int cols = rows.length == 0 ? 0 : rows[0].length;
        if (a.length != rows.length * cols) {
            throw new IllegalArgumentException(name + " holds " + a.length + " numbers, the dynamics "
                    + rows.length * cols);
        }
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(a, i * cols, rows[i], 0, cols);
        }
    }

    /** Approximate heap bytes of the arrays (8 per number and a header per array). */
    public long bytes() {
        long b = 64;
        for (double[] a : arrays.values()) {
            b += 16 + 8L * a.length;
        }
        return b;
    }

    private double[] require(String name) {
        double[] a = arrays.get(name);
        if (a == null) {
            throw new IllegalArgumentException("a " + kind + " state holds no " + name);
        }
        return a;
    }

    /** Rows of equal length as one row-major array. */
    public static double[] flatten(double[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        double[] out = new double[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, out, i * cols, cols);
        }
        return out;
    }

    /** Equal kinds, iterations, magnitudes and arrays, bit for bit. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DynamicsState s) || !kind.equals(s.kind) || iteration != s.iteration
                || Double.doubleToRawLongBits(magnitude) != Double.doubleToRawLongBits(s.magnitude)
                || !arrays.keySet().equals(s.arrays.keySet())) {
            return false;
        }
        for (Map.Entry<String, double[]> e : arrays.entrySet()) {
            if (!bitwiseEqual(e.getValue(), s.arrays.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean bitwiseEqual(double[] a, double[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (Double.doubleToRawLongBits(a[i]) != Double.doubleToRawLongBits(b[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(kind, iteration);
        for (double[] a : arrays.values()) {
            h = 31 * h + Arrays.hashCode(a);
        }
        return h;
    }

    @Override
    public String toString() {
        return "DynamicsState[" + kind + ", t = " + iteration + ", " + arrays.keySet() + "]";
    }
}
