package org.anilexplorer.core.eval;

/** The test-time estimators of docs/math.md §6.3–§6.5. Each maps a test task (X, y) to a parameter θ̂ ∈ R^d. */
public enum Estimator {

    /** One head-only GD step of the training inner step α from ŵ, on all m_test samples (eq. (11)). */
    ONE_STEP_GD("1-GD", true, false),
    /** gd_steps head-only GD steps of the same update (not in Table 1). */
    MULTI_STEP_GD("k-step GD", true, false),
    /** Ridge on the learned features F = XB̂, θ̂ = B̂ŵ_λ, λ grid-searched. */
    RIDGE("Ridge", true, true),
    /** d-dimensional ridge on X, without pretraining. */
    SINGLE_TASK_RIDGE("Single-task ridge", false, true),
    /** Ridge on the true features F = XB⋆ (k-dimensional). */
    ORACLE_RIDGE("Oracle ridge", false, true);

    private final String label;
    private final boolean needsModel;
    private final boolean ridge;

    Estimator(String label, boolean needsModel, boolean ridge) {
        this.label = label;
        this.needsModel = needsModel;
        this.ridge = ridge;
    }

    /** Short name as printed in Table 1. */
    public String label() {
        return label;
    }

    /** Whether the estimator uses the learned (B̂, ŵ); the two baselines do not depend on training. */
    public boolean needsModel() {
        return needsModel;
    }

    /** Whether λ is chosen on the grid (ridge estimators). */
    public boolean usesLambdaGrid() {
        return ridge;
    }
}
