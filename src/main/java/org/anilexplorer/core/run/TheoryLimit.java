package org.anilexplorer.core.run;

import org.anilexplorer.core.params.Params;

/**
 * The limit Λ⋆ of Theorem 1 of Yüksel et al., for summaries and reference lines. A stop-gap until {@code core.theory}
 * provides it: the formula lives here only because summaries need it now.
 */
public final class TheoryLimit {

    private TheoryLimit() {
    }

    /**
     * The eigenvalues of Λ⋆ = lim B⋆ᵀB_tB_tᵀB⋆ (eq. 8) for diagonal Σ⋆ = diag(s_j), descending:
     * Λ⋆_jj = (1/α)·m_in·s_j / ((m_in+1)·s_j + σ̃²), σ̃² = Tr Σ⋆ + σ²; and 1/α when m_in = ∞ (spec §4.1–4.2).
     */
    public static double[] lambdaStar(Params p) {
        double[] s = p.taskCovDiagonal();
        double tildeSigma2 = p.tildeSigma2();
        double[] out = new double[s.length];
        for (int j = 0; j < s.length; j++) {
            if (p.mIn().infinite()) {
                out[j] = 1.0 / p.alpha();
            } else {
                double m = p.mIn().value();
                out[j] = m * s[j] / ((m + 1) * s[j] + tildeSigma2) / p.alpha();
            }
        }
        java.util.Arrays.sort(out);
        for (int i = 0, j = out.length - 1; i < j; i++, j--) {
            double t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return out;
    }
}
