package org.anilexplorer.core.eval;

/**
 * The two ways of reporting the excess risk of θ̂ on a task with θ⋆ = B⋆w⋆ (docs/math.md §6.2). For isotropic x the
 * excess of the squared loss is ‖θ̂ − θ⋆‖²; Table 1 of Yüksel et al. is reproduced by the excess of the ½-squared loss.
 */
public enum RiskConvention {

    /** ½‖θ̂ − θ⋆‖², the convention of Table 1. */
    HALF_SQUARED_ERROR("½‖θ̂ − θ⋆‖²", 0.5),
    /** ‖θ̂ − θ⋆‖², the excess risk as defined in [Y] §3.1. */
    SQUARED_ERROR("‖θ̂ − θ⋆‖²", 1.0);

    private final String formula;
    private final double factor;

    RiskConvention(String formula, double factor) {
        this.formula = formula;
        this.factor = factor;
    }

    public String formula() {
        return formula;
    }

    /** The multiple of ‖θ̂ − θ⋆‖² this convention reports. */
    public double factor() {
        return factor;
    }
}
