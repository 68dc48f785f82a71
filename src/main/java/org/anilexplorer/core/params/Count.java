package org.anilexplorer.core.params;

/**
 * A positive count that may be infinite: numbers of samples and of tasks, where "inf" selects the population
 * (expectation) version of the dynamics.
 */
public record Count(int value, boolean infinite) {

    public static final Count INFINITE = new Count(0, true);

    public Count {
        if (!infinite && value < 1) {
            throw new IllegalArgumentException("must be a positive integer or inf");
        }
        if (infinite) {
            value = 0;
        }
    }

    public static Count of(int value) {
        return new Count(value, false);
    }

    public static Count parse(String text) {
        String t = text.trim().toLowerCase();
        if (t.equals("inf") || t.equals("infinity") || t.equals("∞")) {
            return INFINITE;
        }
        try {
            double v = Double.parseDouble(t);
            if (v != Math.rint(v) || v < 1 || v > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("must be a positive integer or inf, got '" + text.trim() + "'");
            }
            return of((int) v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a positive integer or inf, got '" + text.trim() + "'");
        }
    }

    public boolean finite() {
        return !infinite;
    }

    /** 1/value, and 0 for an infinite count (the population limit). */
    public double reciprocal() {
        return infinite ? 0.0 : 1.0 / value;
    }

    /** The finite value; refuses an infinite count so that no caller silently uses 0. */
    public int get() {
        if (infinite) {
            throw new IllegalStateException("count is infinite");
        }
        return value;
    }

    @Override
    public String toString() {
        return infinite ? "inf" : Integer.toString(value);
    }
}
