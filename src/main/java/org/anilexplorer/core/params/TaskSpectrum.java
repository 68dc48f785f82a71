package org.anilexplorer.core.params;

/**
 * The diagonal of the task covariance Σ⋆ (in the basis of B⋆'s columns): a named spectrum or k explicit values.
 * <ul>
 *   <li>{@code identity}: Σ⋆ = I_k (Assumption 1 of Yüksel et al. with c = 1).</li>
 *   <li>{@code linear}: Σ⋆ = c·diag(1, …, k) with ‖Σ⋆‖_F = √k — the calibration that reproduces Table 1.</li>
 *   <li>explicit: "1, 1, 0.25" (must have k positive values).</li>
 * </ul>
 */
public final class TaskSpectrum {

    public static final TaskSpectrum IDENTITY = new TaskSpectrum("identity", null);
    public static final TaskSpectrum LINEAR = new TaskSpectrum("linear", null);

    private final String name;
    private final DoubleList explicit;

    private TaskSpectrum(String name, DoubleList explicit) {
        this.name = name;
        this.explicit = explicit;
    }

    public static TaskSpectrum of(double... diagonal) {
        return new TaskSpectrum(null, DoubleList.of(diagonal));
    }

    public static TaskSpectrum parse(String text) {
        String t = text.trim().toLowerCase();
        if (t.equals("identity")) {
            return IDENTITY;
        }
        if (t.equals("linear")) {
            return LINEAR;
        }
        if (!t.isEmpty() && (Character.isDigit(t.charAt(0)) || t.charAt(0) == '.' || t.charAt(0) == '[' || t.charAt(0) == '-')) {
            return new TaskSpectrum(null, DoubleList.parse(t));
        }
        throw new IllegalArgumentException("must be identity, linear, or k comma-separated positive numbers");
    }

    public boolean isNamed() {
        return name != null;
    }

    /** Number of explicit values, or -1 for a named spectrum (which fits any k). */
    public int explicitSize() {
        return explicit == null ? -1 : explicit.size();
    }

    /** The k diagonal entries s_1..s_k of Σ⋆. */
    public double[] diagonal(int k) {
        if (explicit != null) {
            if (explicit.size() != k) {
                throw new IllegalArgumentException("has " + explicit.size() + " values but k = " + k);
            }
            return explicit.toArray();
        }
        double[] s = new double[k];
        if (name.equals("identity")) {
            java.util.Arrays.fill(s, 1.0);
        } else {
            // c·(1..k) with ‖Σ⋆‖_F = √k: c = √k / ‖(1, …, k)‖₂
            double norm = Math.sqrt(k * (k + 1.0) * (2.0 * k + 1.0) / 6.0);
            for (int j = 0; j < k; j++) {
                s[j] = Math.sqrt(k) * (j + 1) / norm;
            }
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaskSpectrum other && java.util.Objects.equals(name, other.name)
                && java.util.Objects.equals(explicit, other.explicit);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, explicit);
    }

    @Override
    public String toString() {
        return name != null ? name : explicit.toString();
    }
}
