package org.anilexplorer.core.theory;

import java.util.Arrays;
import org.anilexplorer.core.params.Count;
import org.anilexplorer.core.params.Params;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The limit Λ⋆ = lim B⋆ᵀB_tB_tᵀB⋆ of infinite-task FO-ANIL (Theorem 1 of Yüksel et al., eq. (8); docs/math.md §4.1):
 * <pre>
 *   Λ⋆ = (1/α) · m_in/(m_in+1) · ( I_k − ( ((m_in+1)/σ̃²) Σ⋆ + I_k )⁻¹ )                      (8)
 *      = (m_in/α) Σ⋆ ((m_in+1) Σ⋆ + σ̃² I_k)⁻¹,
 * </pre>
 * with σ̃² = Tr Σ⋆ + σ² and Σ⋆ the task-head covariance. For diagonal Σ⋆ = diag(s_j) (the simulator's setting) it is
 * diagonal in B⋆ coordinates with α Λ⋆_jj = m_in s_j / ((m_in+1) s_j + σ̃²); with m_in = ∞ it is I_k/α.
 * αΛ⋆ does not depend on α (I15) and αΛ⋆ ≺ I_k for finite m_in.
 */
public final class LambdaStar {

    private LambdaStar() {
    }

    /** α Λ⋆_jj for one task-covariance eigenvalue s_j (eq. (8), diagonal form). */
    public static double scaledEigenvalue(double s, double tildeSigma2, Count mIn) {
        if (mIn.infinite()) {
            return 1.0;
        }
        double m = mIn.get();
        return m * s / ((m + 1) * s + tildeSigma2);
    }

    /** The diagonal of αΛ⋆ in B⋆ coordinates, in the order of the Σ⋆ diagonal {@code s}. */
    public static double[] scaledDiagonal(double[] s, double sigma2, Count mIn) {
        double tildeSigma2 = Arrays.stream(s).sum() + sigma2;
        double[] out = new double[s.length];
        for (int j = 0; j < s.length; j++) {
            out[j] = scaledEigenvalue(s[j], tildeSigma2, mIn);
        }
        return out;
    }

    /** The eigenvalues of Λ⋆ for a parameter set, descending (compare with the squared singular values of B⋆ᵀB_t). */
    public static double[] eigenvalues(Params p) {
        double[] scaled = scaledDiagonal(p.taskCovDiagonal(), p.sigma2(), p.mIn());
        double[] out = new double[scaled.length];
        for (int j = 0; j < scaled.length; j++) {
            out[j] = scaled[j] / p.alpha();
        }
        Arrays.sort(out);
        for (int i = 0, j = out.length - 1; i < j; i++, j--) {
            double t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return out;
    }

    /** Λ⋆ as a k×k matrix in B⋆ coordinates (diagonal, since Σ⋆ is). */
    public static DMatrixRMaj matrix(Params p) {
        double[] scaled = scaledDiagonal(p.taskCovDiagonal(), p.sigma2(), p.mIn());
        DMatrixRMaj m = new DMatrixRMaj(scaled.length, scaled.length);
        for (int j = 0; j < scaled.length; j++) {
            m.set(j, j, scaled[j] / p.alpha());
        }
        return m;
    }

    /**
     * Eq. (8) taken literally for any symmetric positive definite Σ⋆ (k×k): a cross-check of the diagonal form, and
     * the formula the paper conjectures for non-diagonal Σ⋆.
     */
    public static DMatrixRMaj equation8(DMatrixRMaj sigmaStar, double sigma2, Count mIn, double alpha) {
        int k = sigmaStar.numRows;
        DMatrixRMaj out = CommonOps_DDRM.identity(k);
        if (mIn.infinite()) {
            CommonOps_DDRM.scale(1 / alpha, out);
            return out;
        }
        double m = mIn.get();
        double tildeSigma2 = CommonOps_DDRM.trace(sigmaStar) + sigma2;
        DMatrixRMaj inner = sigmaStar.copy();
        CommonOps_DDRM.scale((m + 1) / tildeSigma2, inner);
        for (int j = 0; j < k; j++) {
            inner.add(j, j, 1.0);
        }
        if (!CommonOps_DDRM.invert(inner)) {
            throw new IllegalArgumentException("Σ⋆ must be positive definite");
        }
        CommonOps_DDRM.subtractEquals(out, inner);
        CommonOps_DDRM.scale(m / ((m + 1) * alpha), out);
        return out;
    }
}
