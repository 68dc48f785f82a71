package org.anilexplorer.core.sweep;

import org.anilexplorer.core.params.Algorithm;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.theory.LambdaStar;
import org.anilexplorer.core.theory.StabilityLimit;
import org.anilexplorer.core.theory.UnlearningRate;

/**
 * What the theory of Yüksel et al. predicts for a sweep cell, where it applies (FO-ANIL, k' ≥ k): the final
 * sv2_star_min / sv2_star_max are the extreme eigenvalues of Λ⋆ (eq. 8); with infinitely many tasks and finite
 * m_in the final sv2_perp_max follows the 1/t law m_in/(2α²βσ̃²T) (App. H) at the last iteration T; and the limit
 * is stable where αβ·max s_j &lt; 1 ({@link StabilityLimit}). NaN where the theory says nothing.
 */
public final class SweepTheory {

    private SweepTheory() {
    }

    /** Whether the theory speaks about these parameters at all. */
    public static boolean applies(Params p) {
        return p.algorithm() == Algorithm.FO_ANIL && p.kPrime() >= p.k();
    }

    /** The predicted final value of {@code metric} for {@code p}, or NaN. */
    public static double predicted(String metric, Params p) {
        if (!applies(p)) {
            return Double.NaN;
        }
        return switch (metric) {
            case "sv2_star_min" -> {
                double[] e = LambdaStar.eigenvalues(p);
                yield e[e.length - 1];
            }
            case "sv2_star_max" -> LambdaStar.eigenvalues(p)[0];
            case "sv2_perp_max" -> p.tasks().infinite() && p.mIn().finite()
                    ? UnlearningRate.asymptotic(p.iterations(), p.alpha(), p.beta(), p.tildeSigma2(), p.mIn())
                    : Double.NaN;
            default -> Double.NaN;
        };
    }

    /** A short name of the prediction for legends, or "" when there is none for this metric. */
    public static String predictionName(String metric) {
        return switch (metric) {
            case "sv2_star_min" -> "smallest eigenvalue of Λ⋆ (eq. 8)";
            case "sv2_star_max" -> "largest eigenvalue of Λ⋆ (eq. 8)";
            case "sv2_perp_max" -> "1/t law m_in/(2α²βσ̃²T) at the final T";
            default -> "";
        };
    }

    /** αβ·max s_j (stable below 1), or NaN where the theory does not apply. */
    public static double stabilityMargin(Params p) {
        return applies(p) ? StabilityLimit.margin(p) : Double.NaN;
    }
}
