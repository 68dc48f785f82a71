package org.anilexplorer.core.params;

import java.util.Arrays;
import java.util.stream.Collectors;

/** An immutable list of finite doubles, written as comma-separated numbers ("1, 0.5, -2"). */
public final class DoubleList {

    public static final DoubleList EMPTY = new DoubleList(new double[0]);

    private final double[] values;

    private DoubleList(double[] values) {
        this.values = values;
    }

    public static DoubleList of(double... values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("values must be finite numbers");
            }
        }
        return new DoubleList(values.clone());
    }

    public static DoubleList parse(String text) {
        String t = text.trim();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1).trim();
        }
        if (t.isEmpty()) {
            return EMPTY;
        }
        String[] parts = t.split("[,;\\s]+");
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = Double.parseDouble(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + parts[i] + "' is not a number");
            }
        }
        return of(v);
    }

    public int size() {
        return values.length;
    }

    public double get(int i) {
        return values[i];
    }

    public double[] toArray() {
        return values.clone();
    }

    public boolean isEmpty() {
        return values.length == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DoubleList other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return Arrays.stream(values).mapToObj(DoubleList::format).collect(Collectors.joining(","));
    }

    static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
