package org.anilexplorer.core.sweep;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.anilexplorer.core.params.Count;
import org.anilexplorer.core.params.ParamException;
import org.anilexplorer.core.params.ParamSpec;
import org.anilexplorer.core.params.Params;

/**
 * One swept parameter: its key, its values in order (as the text {@link Params#with(String, String)} accepts), and
 * whether they were spaced logarithmically (then a figure draws this axis on a log scale).
 *
 * <p>Two spellings: a list {@code KEY=V1,V2,…} (any values the parameter accepts, e.g. {@code tasks=100,inf}) and a
 * range {@code KEY=start:stop:count[:log]} of {@code count} evenly spaced numbers, endpoints included. Range values
 * are rounded to 4 significant digits (so 0.1:1:10 gives 0.2, not 0.20000000000000004, and a log range reads
 * 0.05, 0.1257, 0.3162, …); those rounded values are the ones run, and to whole numbers for
 * integer parameters, where repeats after rounding are dropped.
 */
public record GridAxis(String key, List<String> values, boolean log) {

    /** Keys a grid may not sweep: the seeds are their own dimension ({@code --seeds}), m_test is already a list. */
    private static final Set<String> NOT_SWEEPABLE = Set.of("seed", "seeds", "m_test");
    /** Upper bound on values per axis: a guard against a typo such as 0:1:100000. */
    public static final int MAX_VALUES = 1000;

    public GridAxis {
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a grid axis needs at least one value");
        }
    }

    /**
     * Parses {@code KEY=V1,V2,…} or {@code KEY=start:stop:count[:log]}; every value is checked against the parameter's
     * range. Throws {@link SweepException} with a one-line message naming the grid entry.
     */
    public static GridAxis parse(String spec) {
        String where = "--grid " + spec;
        int eq = spec.indexOf('=');
        if (eq <= 0) {
            throw new SweepException(where + ": expected KEY=V1,V2,… or KEY=start:stop:count[:log], e.g. alpha=0.05:0.5:6:log");
        }
        String rawKey = spec.substring(0, eq).strip();
        ParamSpec param = ParamSpec.byKey(rawKey).orElseThrow(() -> new SweepException(where
                + ": unknown parameter '" + rawKey + "'; known parameters are " + ParamSpec.keys()));
        if (NOT_SWEEPABLE.contains(param.key())) {
            throw new SweepException(where + ": " + param.key() + " cannot be swept"
                    + (param.key().startsWith("seed") ? "; use --seeds N for several seeds per cell" : ""));
        }
        String body = spec.substring(eq + 1).strip();
        if (body.isEmpty()) {
            throw new SweepException(where + ": no values");
        }
        GridAxis axis = body.contains(":") ? range(param, body, where) : list(param, body, where);
        for (String v : axis.values) {
            try {
                Params.defaults().with(param, v);
            } catch (ParamException e) {
                throw new SweepException(where + ": value " + v + ": " + e.getMessage());
            }
        }
        return axis;
    }

    private static GridAxis list(ParamSpec param, String body, String where) {
        List<String> out = new ArrayList<>();
        for (String part : body.split(",", -1)) {
            String v = part.strip();
            if (v.isEmpty()) {
                throw new SweepException(where + ": empty value in the list");
            }
            if (out.contains(v)) {
                throw new SweepException(where + ": value " + v + " is listed twice");
            }
            out.add(v);
        }
        checkCount(out.size(), where);
        return new GridAxis(param.key(), out, false);
    }

    private static GridAxis range(ParamSpec param, String body, String where) {
        String[] parts = body.split(":", -1);
        if (parts.length < 3 || parts.length > 4) {
            throw new SweepException(where + ": a range is start:stop:count or start:stop:count:log");
        }
        double start = number(parts[0], "start", where);
        double stop = number(parts[1], "stop", where);
        double countValue = number(parts[2], "count", where);
        if (countValue != Math.rint(countValue) || countValue < 1 || countValue > MAX_VALUES) {
            throw new SweepException(where + ": count must be an integer in [1, " + MAX_VALUES + "], got " + parts[2].strip());
        }
        int count = (int) countValue;
        boolean log = false;
        if (parts.length == 4) {
            if (!parts[3].strip().equalsIgnoreCase("log")) {
                throw new SweepException(where + ": the fourth part may only be 'log', got '" + parts[3].strip() + "'");
            }
            if (!(start > 0 && stop > 0)) {
                throw new SweepException(where + ": a log range needs start > 0 and stop > 0");
            }
            log = true;
        }
        if (count == 1 && start != stop) {
            throw new SweepException(where + ": count 1 needs start = stop");
        }
        boolean integer = isInteger(param);
        Set<String> values = new LinkedHashSet<>();
        for (int i = 0; i < count; i++) {
            double x;
            if (i == 0) {
                x = start;
            } else if (i == count - 1) {
                x = stop;
            } else if (log) {
                x = Math.exp(Math.log(start) + (Math.log(stop) - Math.log(start)) * i / (count - 1));
            } else {
                x = start + (stop - start) * i / (count - 1);
            }
            values.add(integer ? Long.toString(Math.round(x)) : format(x));
        }
        return new GridAxis(param.key(), new ArrayList<>(values), log);
    }

    /** Whether the parameter takes whole numbers (counts such as m_in or N included), from its own parser. */
    static boolean isInteger(ParamSpec param) {
        Object sample = param.parse(param.defaultText());
        return sample instanceof Long || sample instanceof Integer || sample instanceof Count;
    }

    private static void checkCount(int n, String where) {
        if (n > MAX_VALUES) {
            throw new SweepException(where + ": at most " + MAX_VALUES + " values per key, got " + n);
        }
    }

    private static double number(String text, String what, String where) {
        try {
            double x = Double.parseDouble(text.strip());
            if (Double.isFinite(x)) {
                return x;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SweepException(where + ": " + what + " must be a finite number, got '" + text.strip() + "'");
    }

    /** 4 significant digits, plain notation when short, no trailing zeros. */
    static String format(double x) {
        BigDecimal b = new BigDecimal(x).round(new MathContext(4)).stripTrailingZeros();
        String plain = b.toPlainString();
        return plain.length() <= 12 ? plain : b.toString().toLowerCase(Locale.ROOT);
    }

    public int size() {
        return values.size();
    }

    public String value(int i) {
        return values.get(i);
    }

    /** Whether every value is a finite number (the axis can be drawn on a numeric scale). */
    public boolean isNumeric() {
        for (String v : values) {
            if (!Double.isFinite(numberOrNaN(v))) {
                return false;
            }
        }
        return true;
    }

    /** Value i as a number, NaN when it is not one ("inf", "linear", an algorithm name). */
    public double numeric(int i) {
        return numberOrNaN(values.get(i));
    }

    private static double numberOrNaN(String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The canonical spelling, e.g. {@code alpha=0.05,0.1,0.2} (log spacing is kept as a suffix {@code ;log}). */
    public String describe() {
        return key + "=" + String.join(",", values) + (log ? " (log-spaced)" : "");
    }
}
