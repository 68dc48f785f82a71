package org.anilexplorer.core.theory;

import org.anilexplorer.core.params.Count;

/**
 * How fast infinite-task FO-ANIL unlearns the orthogonal complement (Yüksel et al., App. H; docs/math.md §4.3):
 * ‖B⋆,⊥ᵀB_t‖² = O(m_in / (α²βσ̃² t)), polynomial rather than exponential. The I_d coefficient of eq. (7) is at least
 * σ̃², which gives E_t ⪰ (α²σ̃²/m_in) D_tᵀD_t and, for the top singular value x_t = ‖D_t‖²,
 * x_{t+1} ≈ x_t(1 − 2βα²σ̃² x_t/m_in); solving the continuous version gives the refined curve
 * <pre>
 *   ‖D_t‖² ≈ 1 / ( ‖D_{t0}‖⁻² + 2α²βσ̃² (t − t0)/m_in ),     asymptotically  m_in / (2α²βσ̃² t).
 * </pre>
 * With m_in = ∞ nothing is unlearned (docs/math.md §9, I5): the curve is constant.
 */
public final class UnlearningRate {

    private UnlearningRate() {
    }

    /** 2α²βσ̃²/m_in: the constant of the 1/t law (0 for m_in = ∞). */
    public static double rateConstant(double alpha, double beta, double tildeSigma2, Count mIn) {
        return 2 * alpha * alpha * beta * tildeSigma2 * mIn.reciprocal();
    }

    /** m_in/(2α²βσ̃²t) (docs/math.md §4.3), the limit of ‖D_t‖² for large t; +∞ when m_in = ∞ (no unlearning). */
    public static double asymptotic(long t, double alpha, double beta, double tildeSigma2, Count mIn) {
        if (t <= 0) {
            throw new IllegalArgumentException("t must be ≥ 1, got " + t);
        }
        double c = rateConstant(alpha, beta, tildeSigma2, mIn);
        return c == 0 ? Double.POSITIVE_INFINITY : 1 / (c * t);
    }

    /** 1/(‖D_{t0}‖⁻² + 2α²βσ̃²(t − t0)/m_in) (docs/math.md §4.3), starting from the measured ‖D_{t0}‖² at iteration t0. */
    public static double refined(long t, long t0, double perpNormSqAtT0, double alpha, double beta, double tildeSigma2,
                                 Count mIn) {
        if (t < t0) {
            throw new IllegalArgumentException("t must be ≥ t0 = " + t0 + ", got " + t);
        }
        return 1 / (1 / perpNormSqAtT0 + rateConstant(alpha, beta, tildeSigma2, mIn) * (t - t0));
    }
}
