package org.anilexplorer.core.eval;

/** The two estimator columns of Table 1 of [Y]: a single head-only GD step, and ridge on the (learned) features. */
public enum Table1Column {

    ONE_STEP_GD("1-GD"),
    RIDGE("Ridge");

    private final String label;

    Table1Column(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
