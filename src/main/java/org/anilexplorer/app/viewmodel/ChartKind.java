package org.anilexplorer.app.viewmodel;

/** The four live charts, with the axis scales they open with (docs/math.md §5.7: log-x, log-y for 1/t decays). */
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
            + " · grey: single-task, oracle ridge",
            "The exact expected risk E‖θ̂ − θ⋆‖² of adapting the head with one gradient step on a new task of m_test "
                    + "samples, with its value at the limit Λ⋆; dotted, ridge on the learned features "
                    + "X Bₜ (best λ, 200 fixed test tasks); and the training-free baselines single-task ridge "
                    + "and oracle ridge (Table 1 prints half of these numbers).",
            true, true),
    SPECTRUM("spectrum", "Full spectrum", "solid: B⋆ᵀBₜ · dotted: B⋆,⊥ᵀBₜ · dashed: Λ⋆",
            "Every squared singular value: of B⋆ᵀBₜ (solid) and of B⋆,⊥ᵀBₜ (dotted), mean over seeds. "
                    + "Dashed: every eigenvalue of Λ⋆.",
            true, true);

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
