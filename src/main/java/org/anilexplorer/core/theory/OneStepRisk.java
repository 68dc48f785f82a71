package org.anilexplorer.core.theory;

import org.anilexplorer.core.params.Count;
import org.anilexplorer.core.problem.GroundTruth;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The exact expected risk E‖θ̂ − θ⋆‖² of the test-time 1-GD estimator (docs/math.md §4.4), averaged over a fresh task
 * (w⋆ ~ (μ⋆, Σ⋆), X with m_test i.i.d. N(0, I_d) rows, noise of variance σ²):
 * <pre>
 *   w_test = ŵ − (α/m_test) B̂ᵀXᵀ(XB̂ŵ − y),   θ̂ = B̂ w_test,   θ⋆ = B⋆w⋆.
 * </pre>
 * All values are in the squared-norm convention ‖θ̂ − θ⋆‖²; Table 1 of Yüksel et al. prints half of it.
 *
 * <p>Derivation: with r = B̂ŵ − B⋆w⋆ and Σ̂ = XᵀX/m, θ̂ − θ⋆ = (I − AΣ̂)r + (α/m)B̂B̂ᵀXᵀz, A = αB̂B̂ᵀ. For Gaussian
 * rows E[Σ̂AΣ̂] = A + (Aᵀ + Tr(A)I)/m (Lemma 15), and r, X, z are independent, which gives the general form below.
 */
public final class OneStepRisk {

    private OneStepRisk() {
    }

    /**
     * General form (docs/math.md §4.4) for arbitrary B̂ (d×k'), ŵ (k') and the truth's B⋆, μ⋆, Σ⋆ = diag(s), σ²:
     * <pre>
     *   E‖θ̂ − θ⋆‖² = Tr V − 2 Tr(AV) + (1 + 1/m) Tr(A²V) + Tr(A²)(Tr V + σ²)/m,
     *   A = α B̂B̂ᵀ,  b = B̂ŵ − B⋆μ⋆,  V = bbᵀ + B⋆Σ⋆B⋆ᵀ.
     * </pre>
     * Evaluated in the k'-dimensional coordinates: with G = B̂ᵀB̂, P = B⋆ᵀB̂ (rows p_j) and β = B̂ᵀb,
     * Tr(AV) = α(‖β‖² + Σ_j s_j‖p_j‖²), Tr(A²V) = α²(βᵀGβ + Σ_j s_j p_jᵀGp_j), Tr(A²) = α²‖G‖_F².
     */
    public static double expectedSquaredError(DMatrixRMaj bHat, double[] wHat, GroundTruth truth, double alpha,
            int mTest) {
        return expectedSquaredError(bHat, wHat, truth.bStar(), truth.sigmaDiag(), truth.mean(), truth.sigma2(), alpha,
                mTest);
    }

    /** As {@link #expectedSquaredError(DMatrixRMaj, double[], GroundTruth, double, int)}, with explicit truth. */
    public static double expectedSquaredError(DMatrixRMaj bHat, double[] wHat, DMatrixRMaj bStar, double[] sigmaDiag,
            double[] mean, double sigma2, double alpha, int mTest) {
        int d = bHat.numRows;
        int kp = bHat.numCols;
        int k = bStar.numCols;
        if (bStar.numRows != d || wHat.length != kp || sigmaDiag.length != k || mean.length != k) {
            throw new IllegalArgumentException("shape mismatch: B̂ is " + d + "×" + kp + ", ŵ has " + wHat.length
                    + " entries, B⋆ is " + bStar.numRows + "×" + k + ", Σ⋆ has " + sigmaDiag.length + ", μ⋆ has "
                    + mean.length);
        }
        requireMTest(mTest);

        // b = B̂ŵ − B⋆μ⋆ (d)
        DMatrixRMaj b = new DMatrixRMaj(d, 1);
        CommonOps_DDRM.mult(bHat, DMatrixRMaj.wrap(kp, 1, wHat.clone()), b);
        DMatrixRMaj bStarMean = new DMatrixRMaj(d, 1);
        CommonOps_DDRM.mult(bStar, DMatrixRMaj.wrap(k, 1, mean.clone()), bStarMean);
        CommonOps_DDRM.subtractEquals(b, bStarMean);

        DMatrixRMaj gram = new DMatrixRMaj(kp, kp);
        CommonOps_DDRM.multTransA(bHat, bHat, gram);
        DMatrixRMaj p = new DMatrixRMaj(k, kp);
        CommonOps_DDRM.multTransA(bStar, bHat, p);
        DMatrixRMaj beta = new DMatrixRMaj(kp, 1);
        CommonOps_DDRM.multTransA(bHat, b, beta);

        double traceSigma = 0;
        for (double s : sigmaDiag) {
            traceSigma += s;
        }
        double traceV = CommonOps_DDRM.dot(b, b) + traceSigma;

        double traceAV = CommonOps_DDRM.dot(beta, beta);
        double traceA2V = quadraticForm(gram, beta.data, 0);
        for (int j = 0; j < k; j++) {
            double rowNorm2 = 0;
            for (int c = 0; c < kp; c++) {
                rowNorm2 += p.get(j, c) * p.get(j, c);
            }
            traceAV += sigmaDiag[j] * rowNorm2;
            traceA2V += sigmaDiag[j] * quadraticForm(gram, p.data, j * kp);
        }
        traceAV *= alpha;
        traceA2V *= alpha * alpha;
        double traceA2 = alpha * alpha * frobeniusSquared(gram);

        return traceV - 2 * traceAV + (1 + 1.0 / mTest) * traceA2V + traceA2 * (traceV + sigma2) / mTest;
    }

    /**
     * Special form (docs/math.md §4.4) for B̂ = B⋆P + B⋆,⊥D with PDᵀ = 0, B̂ŵ = 0, μ⋆ = 0, Σ⋆ = diag(s) and αPPᵀ = diag(a):
     * <pre>
     *   E‖θ̂ − θ⋆‖² = Σ_j (1 − a_j)² s_j + (1/m)[Σ_j a_j² s_j + (Tr Σ⋆ + σ²) Σ_j a_j²] + (α²σ̃²/m)‖DDᵀ‖_F².
     * </pre>
     * The first sum is the bias of a single step, the bracket its variance on col(B⋆), the last term the variance
     * contributed by directions of B̂ outside col(B⋆) that training has not unlearned.
     *
     * @param a the eigenvalues a_j of αΛ = αB⋆ᵀB̂B̂ᵀB⋆, in the order of s
     * @param perpGramFrobenius2 ‖DDᵀ‖_F² = ‖B⋆,⊥ᵀB̂B̂ᵀB⋆,⊥‖_F² (0 at the limit of Theorem 1)
     */
    public static double expectedSquaredError(double[] a, double[] sigmaDiag, double sigma2, double alpha,
            double perpGramFrobenius2, int mTest) {
        if (a.length != sigmaDiag.length) {
            throw new IllegalArgumentException("a has " + a.length + " entries but Σ⋆ has " + sigmaDiag.length);
        }
        requireMTest(mTest);
        double traceSigma = 0;
        for (double s : sigmaDiag) {
            traceSigma += s;
        }
        double bias = 0;
        double varianceSignal = 0;
        double sumA2 = 0;
        for (int j = 0; j < a.length; j++) {
            bias += (1 - a[j]) * (1 - a[j]) * sigmaDiag[j];
            varianceSignal += a[j] * a[j] * sigmaDiag[j];
            sumA2 += a[j] * a[j];
        }
        double tildeSigma2 = traceSigma + sigma2;
        return bias + (varianceSignal + tildeSigma2 * sumA2) / mTest
                + alpha * alpha * tildeSigma2 * perpGramFrobenius2 / mTest;
    }

    /**
     * The risk at the limit of Theorem 1 (eq. (8)): D = 0, B̂ŵ = 0 and αΛ⋆ = diag(a) with
     * a_j = m_in s_j / ((m_in + 1) s_j + σ̃²) ({@link LambdaStar#scaledDiagonal}); a_j = 1 for m_in = ∞. Does not
     * depend on α (only αΛ⋆ enters).
     */
    public static double atLimit(double[] sigmaDiag, double sigma2, Count mIn, int mTest) {
        return expectedSquaredError(LambdaStar.scaledDiagonal(sigmaDiag, sigma2, mIn), sigmaDiag, sigma2, 1.0, 0.0,
                mTest);
    }

    private static void requireMTest(int mTest) {
        if (mTest < 1) {
            throw new IllegalArgumentException("m_test must be ≥ 1, got " + mTest);
        }
    }

    /** xᵀGx for x = data[offset, offset + n). */
    private static double quadraticForm(DMatrixRMaj g, double[] data, int offset) {
        int n = g.numRows;
        double total = 0;
        for (int i = 0; i < n; i++) {
            double row = 0;
            for (int j = 0; j < n; j++) {
                row += g.data[i * n + j] * data[offset + j];
            }
            total += data[offset + i] * row;
        }
        return total;
    }

    private static double frobeniusSquared(DMatrixRMaj m) {
        double total = 0;
        for (int i = 0; i < m.getNumElements(); i++) {
            total += m.data[i] * m.data[i];
        }
        return total;
    }
}
