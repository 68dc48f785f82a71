package org.anilexplorer.core.params;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The training methods of both papers, by the key used in presets, sessions and on the command line. */
public enum Algorithm {
    FO_ANIL("fo-anil", "FO-ANIL"),
    FO_MAML("fo-maml", "FO-MAML"),
    ANIL("anil", "ANIL (exact)"),
    MAML("maml", "MAML (exact)"),
    BURER_MONTEIRO("burer-monteiro", "Burer–Monteiro"),
    AVERAGE_LOSS("average-loss", "Average-loss minimisation");

    private final String key;
    private final String label;

    Algorithm(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public static Algorithm parse(String text) {
        String t = text.trim().toLowerCase().replace('_', '-');
        for (Algorithm a : values()) {
            if (a.key.equals(t)) {
                return a;
            }
        }
        throw new IllegalArgumentException("must be one of " + keys());
    }

    public static String keys() {
        return Arrays.stream(values()).map(Algorithm::key).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return key;
    }
}
