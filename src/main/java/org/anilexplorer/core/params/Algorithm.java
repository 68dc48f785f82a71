package org.anilexplorer.core.params;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The training methods of both papers, by the key used in presets, sessions and on the command line, with the
 * properties that decide which theory and which test-time estimators apply to each. Every other class asks these
 * methods rather than listing algorithms.
 */
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

    /**
     * Trained to adapt its head with an inner gradient step of size α (ANIL, MAML and their first-order versions):
     * the "model-agnostic" methods of both papers. Burer–Monteiro and average-loss minimisation train a
     * representation without any inner step, so α is not one of their parameters.
     */
    public boolean isMetaLearning() {
        return this == FO_ANIL || this == FO_MAML || this == ANIL || this == MAML;
    }

    /**
     * Whether the test-time 1-GD (and k-step GD) estimator evaluates this method: one head step of the training
     * inner step α from the learned head. Yüksel et al. report it "for model-agnostic methods" only (Table 1), since
     * only they were trained for that step; the others are evaluated by ridge on their learned features.
     */
    public boolean hasOneStepGdRisk() {
        return isMetaLearning();
    }

    /**
     * Whether Λ⋆ of Theorem 1 (eq. 8) is the limit this method's B⋆ᵀB_tB_tᵀB⋆ is compared with, and Theorem 1's
     * conditions (β ≤ α, α = O(1/σ̃), ‖B₀‖² = O(1/(α m_in))) are the ones to check: the methods with a head step,
     * whose fixed point the theorem describes (the first-order and exact versions share it to within line width).
     */
    public boolean approachesLambdaStar() {
        return isMetaLearning();
    }

    /** Whether the 1/t unlearning rate of ‖B⋆,⊥ᵀB_t‖² (derived for FO-ANIL with infinite tasks) applies. */
    public boolean hasUnlearningRate() {
        return this == FO_ANIL;
    }

    /** Whether tasks = inf (the exact expectation over tasks, eqs. 5–7) is implemented for this method. */
    public boolean supportsInfiniteTasks() {
        return this == FO_ANIL;
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
