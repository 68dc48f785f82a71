package org.anilexplorer.app.viewmodel;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import org.anilexplorer.core.params.ParamSpec;
import org.anilexplorer.core.params.Params;

/**
 * The values of a Vary action, as typed: a list ("0.05, 0.1, 0.2, 0.4") or a range "start:stop:count", evenly
 * spaced, or spaced by a constant factor with "log" after it ("0.05:0.4:4 log" gives 0.05, 0.1, 0.2, 0.4). Every
 * value is checked by the key's {@link ParamSpec}, so a refusal names the key and its allowed range.
 */
final class VaryValues {

    /** More members than this would not be told apart in a legend. */
    static final int MAX_VALUES = 12;

    private VaryValues() {
    }

    /**
     * The values as the key's canonical text, in the order given.
     *
     * @throws IllegalArgumentException with a one-line message for the user
     */
    static List<String> parse(ParamSpec key, String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("Type the values of " + key.key()
                    + ": a list (0.05, 0.1, 0.2) or start:stop:count (0.05:0.4:4, add 'log' for a constant factor).");
        }
        List<String> raw = t.contains(":") ? range(key, t) : List.of(t.split("[,;\\s]+"));
        List<String> out = new ArrayList<>();
        for (String v : raw) {
            if (v.isBlank()) {
                continue;
            }
            String canonical = Params.defaults().with(key, v).get(key);
            if (out.contains(canonical)) {
                throw new IllegalArgumentException(key.key() + " = " + canonical + " is listed twice.");
            }
            out.add(canonical);
        }
        if (out.size() < 2) {
            throw new IllegalArgumentException("A family needs at least two values of " + key.key() + ".");
        }
        if (out.size() > MAX_VALUES) {
            throw new IllegalArgumentException("At most " + MAX_VALUES + " values of " + key.key() + ", got "
                    + out.size() + ".");
        }
        return out;
    }

    private static List<String> range(ParamSpec key, String text) {
        boolean log = text.toLowerCase(java.util.Locale.ROOT).endsWith("log");
        String body = log ? text.substring(0, text.length() - 3).strip() : text;
        String[] parts = body.split(":");
        if (parts.length != 3) {
            throw new IllegalArgumentException("A range of " + key.key() + " is start:stop:count, e.g. 0.05:0.4:4.");
        }
        double start;
        double stop;
        int count;
        try {
            start = Double.parseDouble(parts[0].strip());
            stop = Double.parseDouble(parts[1].strip());
            count = Integer.parseInt(parts[2].strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("A range of " + key.key()
                    + " is start:stop:count with numbers, e.g. 0.05:0.4:4; got '" + text + "'.");
        }
        if (count < 2 || count > MAX_VALUES) {
            throw new IllegalArgumentException("The count of a range must be in [2, " + MAX_VALUES + "], got "
                    + count + ".");
        }
        if (log && (start <= 0 || stop <= 0)) {
            throw new IllegalArgumentException("A 'log' range needs positive start and stop.");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double f = (double) i / (count - 1);
            double v = log ? start * Math.pow(stop / start, f) : start + (stop - start) * f;
            out.add(number(v));
        }
        return out;
    }

    /** Six significant digits, no trailing zeros: 0.1 rather than 0.10000000000000002, 5 rather than 5.0. */
    private static String number(double v) {
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
