package org.anilexplorer.app.viewmodel;

/**
 * The live charts, with the axis scales they open with (docs/math.md §5.7: log-x, log-y for 1/t decays; the distance
 * linear in t). The window shows four: learning, unlearning, risk and one of {@link #STORY}.
 */
public enum ChartKind {
    LEARNING("learning", "Learning: σ²(B⋆ᵀBₜ)", "solid: smallest · dotted: largest · dashed: Λ⋆",
            "Smallest (solid) and largest (dotted) squared singular value of B⋆ᵀBₜ, i.e. the extreme eigenvalues of "
                    + "Λₜ = B⋆ᵀBₜBₜᵀB⋆. Dashed: the limit Λ⋆ of Theorem 1 (eq. 8) for each method's α and m_in.",
            true, false),
    UNLEARNING("unlearning", "Unlearning: σ²(B⋆,⊥ᵀBₜ)", "solid: average · dotted: largest · dashed: 1/t theory",
            "Average (solid) and largest (dotted) squared singular value of B⋆,⊥ᵀBₜ, the part of Bₜ outside the "
                    + "task subspace. Dashed: the predicted O(1/t) decay of its largest value.",
            true, true),
    RISK("risk", "Test risk", "solid: 1-GD · dotted: ridge on learned features · dashed: 1-GD at Λ⋆"
            + " · dash-dot: further m_test · grey: single-task, oracle ridge",
            "The exact expected risk E‖θ̂ − θ⋆‖² of adapting the head with one gradient step on a new task of m_test "
                    + "samples, with its value at the limit Λ⋆; dotted, ridge on the learned features "
                    + "X Bₜ (best λ, 100 fixed test tasks); thinner and dash-dotted, the same at every further "
                    + "m_test; and the training-free baselines single-task ridge "
                    + "and oracle ridge (Table 1 prints half of these numbers).",
            true, true),
    SPECTRUM("spectrum", "Full spectrum", "lines: σᵢ²(B⋆ᵀBₜ) · shaded: range of σᵢ²(B⋆,⊥ᵀBₜ), dotted its median"
            + " · dashed: Λ⋆",
            "Every squared singular value of B⋆ᵀBₜ as a line, and those of B⋆,⊥ᵀBₜ as one band per method, shaded "
                    + "from the smallest to the largest with the median dotted; each value the mean over seeds. "
                    + "Dashed: every eigenvalue of Λ⋆.",
            true, true),
    DISTANCE("distance", "Distance to col(B⋆)", "solid: sine of the largest principal angle · log y, linear t",
            "The principal-angle distance ‖B⋆,⊥ᵀB̂ₜ‖₂ between the learned subspace (the top-k singular directions of "
                    + "Bₜ) and col(B⋆), in [0, 1]: 0 when the ground-truth subspace is recovered (Collins et al., "
                    + "2022). An exponential decay is a straight line on these axes.",
            false, true),
    MEAN_ERROR("mean-error", "Learned mean: ‖Bₜwₜ − B⋆μ⋆‖", "solid: error of the shared prediction"
            + " · dashed: ‖B⋆μ⋆‖, the error of predicting 0",
            "How far the prediction before adaptation, Bₜwₜ, is from the mean task parameter B⋆μ⋆. Theory: it tends "
                    + "to 0 (Yüksel et al., Section 4 and Appendix I). Dashed: ‖μ⋆‖, where a predictor stuck at 0 would sit.",
            true, true);

    /** The charts that can fill the fourth place of the grid, next to learning, unlearning and risk. */
    public static final java.util.List<ChartKind> STORY = java.util.List.of(SPECTRUM, DISTANCE, MEAN_ERROR);

    /** The chart whose {@link #id()} is {@code id}, or null. */
    public static ChartKind byId(String id) {
        for (ChartKind k : values()) {
            if (k.id.equals(id)) {
                return k;
            }
        }
        return null;
    }

    private final String id;
    private final String title;
    private final String key;
    private final String help;
    private final boolean logX;
    private final boolean logY;

    ChartKind(String id, String title, String key, String help, boolean logX, boolean logY) {
        this.id = id;
        this.title = title;
        this.key = key;
        this.help = help;
        this.logX = logX;
        this.logY = logY;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** How to read the line styles, in a few words. */
    public String key() {
        return key;
    }

    public String help() {
        return help;
    }

    public boolean defaultLogX() {
        return logX;
    }

    public boolean defaultLogY() {
        return logY;
    }
}
