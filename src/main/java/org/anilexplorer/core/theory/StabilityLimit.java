package org.anilexplorer.core.theory;

import java.util.Arrays;
import org.anilexplorer.core.params.Params;

/**
 * Where the fixed point of infinite-task FO-ANIL is linearly stable. At the limit of Theorem 1 (B⋆,⊥ᵀB = 0, Bw = 0,
 * Λ = Λ⋆) write P = B⋆ᵀB and A = (1 + 1/m_in)Σ⋆ + (σ̃²/m_in)I. The P-update is
 * P' = (I + αβΣ⋆ − βα²ΛA)P, and α²Λ⋆A = αΣ⋆ at the fixed point. A perturbation δP = XP⋆ with Y = XΛ⋆ evolves as
 * Y' = Y − αβ(Y + Yᵀ)Σ⋆: the symmetric combinations Y_ij + Y_ji are multiplied by 1 − αβ(s_i + s_j), the rest by 1
 * (rotations of the rows of P, which change nothing). The orthogonal part D' = D(I − βE) has multipliers 1 − αβs_j
 * along the learned directions and the head w' = (I − βM(I − αM))w multipliers 1 − βλ(1 − αλ) ∈ (1 − β/(4α), 1].
 * So for β ≤ 8α the fixed point is stable exactly when
 * <pre>   αβ · max_j s_j &lt; 1   (the m_in-independent limit; 1 − 2αβ s_max = −1 there),</pre>
 * and beyond it Λ oscillates around Λ⋆ with growing amplitude. This is a statement about the limit only: a run can
 * leave the basin earlier, while it is still far from Λ⋆ (e.g. from a large B₀).
 */
public final class StabilityLimit {

    private StabilityLimit() {
    }

    /** αβ·max_j s_j: below 1 the limit of Theorem 1 is linearly stable, above 1 it is not. */
    public static double margin(Params p) {
        return p.alpha() * p.beta() * Arrays.stream(p.taskCovDiagonal()).max().orElse(0);
    }

    /** The largest stable α for the given β: 1/(β·max_j s_j). */
    public static double alphaLimit(Params p) {
        return p.alpha() / margin(p);
    }
}
