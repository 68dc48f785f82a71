package org.anilexplorer.core.params;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The type of one parameter: how its text is parsed, which values are allowed (said in words by {@link #allowed()},
 * in the same words as every refusal), and how a value is written back. One instance per {@link ParamSpec} entry.
 *
 * @param <T> the Java type of the value
 */
public abstract class ValueType<T> {

    private final String allowed;

    private ValueType(String allowed) {
        this.allowed = allowed;
    }

    /** The allowed values in words, e.g. "number in (0, 100]". */
    public final String allowed() {
        return allowed;
    }

    /** Parses and range-checks {@code text}; throws IllegalArgumentException "must be …, got '…'" otherwise. */
    public abstract T parse(String text);

    /** The value as text in the syntax {@link #parse} accepts. */
    public String format(T value) {
        return String.valueOf(value);
    }

    /** The values a chooser may offer, or an empty list when the value is typed. */
    public List<String> choices() {
        return List.of();
    }

    final IllegalArgumentException refusal(String text) {
        return new IllegalArgumentException("must be " + allowed + ", got '" + text + "'");
    }

    /** An integer in [min, max]; {@code allowed} may state a range that depends on other fields. */
    static ValueType<Long> integer(long min, long max, String allowed) {
        return new ValueType<>(allowed != null ? allowed : "an integer in [" + min + ", " + power(max) + "]") {
            @Override
            public Long parse(String text) {
                long x = parseInteger(text, this);
                if (x < min || x > max) {
                    throw refusal(text);
                }
                return x;
            }
        };
    }

    static ValueType<Long> integer(long min, long max) {
        return integer(min, max, null);
    }

    /** A finite number in (min, max] ({@code openMin}) or [min, max]. */
    static ValueType<Double> number(double min, boolean openMin, double max) {
        String range = "a number in " + (openMin ? "(" : "[") + readable(min) + ", " + readable(max) + "]";
        return new ValueType<>(range) {
            @Override
            public Double parse(String text) {
                double x;
                try {
                    x = Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw refusal(text);
                }
                if (!(openMin ? x > min : x >= min) || !(x <= max)) {
                    throw refusal(text);
                }
                return x;
            }

            @Override
            public String format(Double value) {
                return DoubleList.format(value);
            }
        };
    }

    /** A count in [1, max] or inf (the population version). */
    static ValueType<Count> count(int max) {
        return new ValueType<>("an integer in [1, " + power(max) + "] or inf") {
            @Override
            public Count parse(String text) {
                String t = text.toLowerCase(Locale.ROOT);
                if (t.equals("inf") || t.equals("infinity") || t.equals("∞")) {
                    return Count.INFINITE;
                }
                long x = parseInteger(text, this);
                if (x < 1 || x > max) {
                    throw refusal(text);
                }
                return Count.of((int) x);
            }
        };
    }

    static ValueType<Boolean> bool() {
        return new ValueType<>("true or false") {
            @Override
            public Boolean parse(String text) {
                return switch (text.toLowerCase(Locale.ROOT)) {
                    case "true", "yes", "1", "on" -> true;
                    case "false", "no", "0", "off" -> false;
                    default -> throw refusal(text);
                };
            }

            @Override
            public List<String> choices() {
                return List.of("true", "false");
            }
        };
    }

    /** One of a fixed set of keys, parsed by {@code parse} (which throws for an unknown key). */
    static <E> ValueType<E> choice(List<E> values, Function<E, String> key, Function<String, E> parse) {
        List<String> keys = values.stream().map(key).toList();
        String allowed = keys.size() == 2 ? keys.get(0) + " or " + keys.get(1) : "one of " + String.join(", ", keys);
        return new ValueType<>(allowed) {
            @Override
            public E parse(String text) {
                try {
                    return parse.apply(text);
                } catch (IllegalArgumentException e) {
                    throw refusal(text);
                }
            }

            @Override
            public String format(E value) {
                return key.apply(value);
            }

            @Override
            public List<String> choices() {
                return keys;
            }
        };
    }

    /** A non-empty list of integers, each in [min, max]. */
    static ValueType<List<Integer>> integers(int min, int max) {
        return new ValueType<>("a list of integers in [" + min + ", " + power(max) + "]") {
            @Override
            public List<Integer> parse(String text) {
                DoubleList list = parseList(text, this);
                if (list.isEmpty()) {
                    throw refusal(text);
                }
                List<Integer> out = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    double x = list.get(i);
                    if (x != Math.rint(x) || x < min || x > max) {
                        throw refusal(text);
                    }
                    out.add((int) x);
                }
                return List.copyOf(out);
            }

            @Override
            public String format(List<Integer> value) {
                return value.stream().map(String::valueOf).collect(Collectors.joining(","));
            }
        };
    }

    /** Empty, or a list of numbers each of absolute value at most {@code maxAbs}. */
    static ValueType<DoubleList> numbers(double maxAbs, String allowed) {
        return new ValueType<>(allowed) {
            @Override
            public DoubleList parse(String text) {
                DoubleList list = parseList(text, this);
                for (int i = 0; i < list.size(); i++) {
                    if (!(Math.abs(list.get(i)) <= maxAbs)) {
                        throw refusal(text);
                    }
                }
                return list;
            }
        };
    }

    /** identity, linear, or explicit values each in [min, max]. */
    static ValueType<TaskSpectrum> spectrum(double min, double max) {
        return new ValueType<>("identity, linear, or k numbers in [" + readable(min) + ", " + readable(max) + "]") {
            @Override
            public TaskSpectrum parse(String text) {
                TaskSpectrum s;
                try {
                    s = TaskSpectrum.parse(text);
                } catch (IllegalArgumentException e) {
                    throw refusal(text);
                }
                if (!s.isNamed()) {
                    for (double v : s.diagonal(s.explicitSize())) {
                        if (!(v >= min && v <= max)) {
                            throw refusal(text);
                        }
                    }
                }
                return s;
            }
        };
    }

    private static long parseInteger(String text, ValueType<?> type) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException notPlain) {
            // "1e6" and "20.0" are integers too
            double x;
            try {
                x = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw type.refusal(text);
            }
            if (x != Math.rint(x) || Math.abs(x) > 9.0e15) {
                throw type.refusal(text);
            }
            return (long) x;
        }
    }

    private static DoubleList parseList(String text, ValueType<?> type) {
        try {
            return DoubleList.parse(text);
        } catch (IllegalArgumentException e) {
            throw type.refusal(text);
        }
    }

    /** A bound as people write it: 10^-9 and 10^4 for powers of ten, else the plain number. */
    static String readable(double x) {
        if (x > 0) {
            double e = Math.log10(x);
            if (Math.abs(e - Math.rint(e)) < 1e-12 && Math.abs(e) >= 4) {
                return "10^" + (long) Math.rint(e);
            }
        }
        return DoubleList.format(x);
    }

    /** 1000000 as 10^6, for readable ranges. */
    private static String power(long n) {
        long p = 1;
        int e = 0;
        while (p < n && p <= Long.MAX_VALUE / 10) {
            p *= 10;
            e++;
        }
        return p == n && e >= 4 ? "10^" + e : Long.toString(n);
    }
}
