package org.anilexplorer.core.run;

import java.util.Arrays;
import org.anilexplorer.core.params.Algorithm;
import org.anilexplorer.core.params.HeadStep;
import org.anilexplorer.core.params.InitScheme;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.theory.LambdaStar;

/**
 * The stable range of each method's steps, from its update: gradient descent θ ← θ − β g(θ) is stable while
 * β·λ_max(∂g/∂θ) stays below 2, so the bound is β ≤ 1/L with L the largest eigenvalue of the matrix that multiplies
 * β, taken as the larger of its value at the start (B₀ from the initialisation's scale) and at the state the run is
 * heading to; the factor 2 of margin covers the quadratic dependence of that matrix on B.
 *
 * <ul>
 *   <li>Meta methods, outer step: B ← B − β (B E[w_i w_iᵀ] − B⋆ E[w⋆,i w_iᵀ]) multiplies β by E[w_i w_iᵀ] (k'×k',
 *       eq. 7), and w ← w − β (I − αBᵀB) BᵀB w by (I − αBᵀB)BᵀB. At the start w₀ is small and BᵀB ≈ ‖B₀‖²; at
 *       Theorem 1's limit BᵀB has the eigenvalues of Λ⋆ on the learned directions, where E[w_i w_iᵀ] ≈
 *       α²λ(s(1 + 1/m_in) + σ̃²/m_in). The w-step's λ(1 − αλ) peaks at 1/(4α) if BᵀB passes 1/(2α).</li>
 *   <li>Meta methods, inner step: w_i = w − αBᵀ(Σ̂ Bw − b) multiplies α by BᵀΣ̂B, whose expected curvature
 *       contribution scales with σ̃²; Theorem 1 asks α = O(1/σ̃), and α ≤ 1/σ̃ is the range given.</li>
 *   <li>Burer–Monteiro: GD on F(B, W). The head block of the Hessian is c_h BᵀΣ̂_iB (c_h = 1/N for averaged heads,
 *       1 per task), the B block (1/N) Σ_i W⁽ⁱ⁾W⁽ⁱ⁾ᵀ ⊗ Σ̂_i. From W₀ = 0 the flow keeps BᵀB − WWᵀ/(N c_h) fixed, so at
 *       the fit (WWᵀ ≈ N s/λ_B for the top eigenvalue λ_B of BᵀB) λ_B solves λ_B(λ_B − b₀) = N c_h s, and
 *       L = max(c_h κ λ_B, s/λ_B) with κ = (1 + √(k'/m))² for the sample covariance of m samples.</li>
 *   <li>Average loss: the same with one shared head (N = 1, c_h = 1) fitting the task mean, s = ‖μ⋆‖².</li>
 * </ul>
 *
 * @param alphaMax the largest inner step in range (infinite for methods without one)
 * @param betaMax  the largest outer step in range
 * @param curvature L, the largest eigenvalue of the matrix multiplying β (betaMax = 1/L)
 * @param matrix   which matrix that is, in words, for messages
 */
public record StepSizeBounds(double alphaMax, double betaMax, double curvature, String matrix) {

    public static StepSizeBounds of(Params p) {
        double s = Arrays.stream(p.taskCovDiagonal()).max().orElse(1);
        double b0 = initialGram(p);
        return switch (p.algorithm()) {
            case BURER_MONTEIRO -> factorisation(p, b0, p.tasks().value(), p.bmHeads() == HeadStep.AVERAGED
                    ? 1.0 / p.tasks().value() : 1.0, s, "the Hessian of the multi-task loss in (B, W)");
            case AVERAGE_LOSS -> factorisation(p, b0, 1, 1.0, squaredNorm(p.taskMeanVector()),
                    "the Hessian of the average loss in (B, w)");
            default -> meta(p, b0, s);
        };
    }

    /** λ_max(B₀ᵀB₀): s²(1 + √(k'/d))² for a Gaussian B₀ (entries N(0, s²/d)), s²/α for the scaled orthonormal one. */
    static double initialGram(Params p) {
        double scale2 = p.initScale() * p.initScale();
        return p.init() == InitScheme.ORTHONORMAL ? scale2 / p.alpha()
                : scale2 * Math.pow(1 + Math.sqrt((double) p.kPrime() / p.d()), 2);
    }

    private static StepSizeBounds meta(Params p, double b0, double s) {
        double alpha = p.alpha();
        double invM = p.mIn().finite() ? 1.0 / p.mIn().value() : 0;
        double tilde2 = p.tildeSigma2();
        double lambdaMax = LambdaStar.eigenvalues(p)[0];
        double w02 = p.w0Scale() * p.w0Scale();
        // E[w_i w_iᵀ] (eq. 7) at the start (B₀, w₀) and at the limit (BᵀB = Λ⋆ on the learned block, w = 0)
        double start = w02 * Math.pow(1 + alpha * b0, 2) + alpha * alpha * b0 * (s * (1 + invM) + tilde2 * invM);
        double limit = alpha * alpha * lambdaMax * (s * (1 + invM) + tilde2 * invM);
        double bStep = Math.max(start, limit);
        // (I − αBᵀB)BᵀB over the eigenvalues BᵀB passes through, from B₀ to Λ⋆
        double top = Math.max(b0, lambdaMax);
        double wStep = top >= 1 / (2 * alpha) ? 1 / (4 * alpha) : top * Math.abs(1 - alpha * top);
        if (!p.updateHeadOuter()) {
            wStep = 0;
        }
        double curvature = Math.max(bStep, wStep);
        String matrix = bStep >= wStep ? "E[w_i w_iᵀ], which multiplies β in the update of B (eq. 7)"
                : "(I − αBᵀB)BᵀB, which multiplies β in the update of w";
        return new StepSizeBounds(1 / Math.sqrt(tilde2), 1 / curvature, curvature, matrix);
    }

    private static StepSizeBounds factorisation(Params p, double b0, long tasks, double headScale, double s,
            String matrix) {
        int m = p.mIn().finite() ? p.mIn().value() + (p.mOut().finite() ? p.mOut().value() : 0) : 0;
        double kappa = m > 0 ? Math.pow(1 + Math.sqrt((double) p.kPrime() / m), 2) : 1;
        double fit = tasks * headScale * s; // λ_B(λ_B − b₀) = N c_h s
        double lambdaB = (b0 + Math.sqrt(b0 * b0 + 4 * fit)) / 2;
        double start = headScale * kappa * b0;
        double end = Math.max(headScale * kappa * lambdaB, lambdaB > 0 ? kappa * s / lambdaB : 0);
        double curvature = Math.max(Math.max(start, end), Double.MIN_NORMAL);
        return new StepSizeBounds(Double.POSITIVE_INFINITY, 1 / curvature, curvature, matrix);
    }

    private static double squaredNorm(double[] v) {
        return Arrays.stream(v).map(x -> x * x).sum();
    }
}
