package org.anilexplorer.core.theory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.anilexplorer.core.params.Algorithm;
import org.anilexplorer.core.params.Params;

/**
 * Whether the limit Λ⋆ of Theorem 1 (Yüksel et al., eq. 8) describes a run with these parameters, and why (not).
 * Only the hard conditions are checked; the O(·) conditions on α and ‖B₀‖ hide constants and are warnings elsewhere.
 *
 * <ul>
 *   <li>a meta-learning method: the theorem is about FO-ANIL (FO-MAML and exact ANIL/MAML share its fixed point in
 *       the k-block); Burer–Monteiro and the average loss are not meta-learning;</li>
 *   <li>k' ≥ k: B⋆ᵀB_t has rank ≤ k', so with k' &lt; k the k×k matrix B⋆ᵀB_tB_tᵀB⋆ can never reach the full-rank
 *       Λ⋆ (the theorem assumes B⋆ᵀB₀ of rank k);</li>
 *   <li>μ⋆ = 0: Assumption 1 has zero-mean task heads;</li>
 *   <li>β ≤ α, as the theorem assumes.</li>
 * </ul>
 *
 * @param applies whether every condition holds
 * @param reason  one sentence: the conditions that hold, or the first that fails and why it matters
 */
public record TheoremOneConditions(boolean applies, String reason) {

    public static TheoremOneConditions of(Params p) {
        List<String> failed = new ArrayList<>();
        if (!p.algorithm().isMetaLearning()) {
            failed.add(p.algorithm().key() + " is not a meta-learning method; Theorem 1 is about FO-ANIL");
        }
        if (p.kPrime() < p.k()) {
            failed.add(String.format(Locale.ROOT, "k' = %d < k = %d: B⋆ᵀB_t has rank at most k', so "
                    + "B⋆ᵀB_tB_tᵀB⋆ cannot reach the full-rank Λ⋆ (the theorem needs rank B⋆ᵀB₀ = k)", p.kPrime(), p.k()));
        }
        for (double mu : p.taskMeanVector()) {
            if (mu != 0) {
                failed.add("task_mean ≠ 0: Theorem 1 assumes zero-mean task heads (Assumption 1)");
                break;
            }
        }
        if (p.beta() > p.alpha()) {
            failed.add("β > α: Theorem 1 assumes β ≤ α");
        }
        if (!failed.isEmpty()) {
            return new TheoremOneConditions(false, String.join("; ", failed));
        }
        String scope = p.algorithm() == Algorithm.FO_ANIL && p.tasks().infinite()
                ? "FO-ANIL with infinite tasks, as in the theorem"
                : "the theorem is proved for FO-ANIL with infinite tasks; " + p.algorithm().key()
                        + (p.tasks().infinite() ? "" : " with N = " + p.tasks()) + " approaches the same limit";
        return new TheoremOneConditions(true, "k' ≥ k, μ⋆ = 0 and β ≤ α hold; " + scope);
    }
}
