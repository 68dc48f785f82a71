package org.anilexplorer.core.metrics;

import org.anilexplorer.core.algo.Dynamics;
import org.anilexplorer.core.algo.InfiniteTaskDynamics;
import org.anilexplorer.core.algo.ModelState;
import org.anilexplorer.core.problem.GroundTruth;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Measures θ_t against the ground truth into a {@link Snapshot}. Everything is computed from P = B⋆ᵀB (k×k'),
 * G = (B⋆,⊥ᵀB)ᵀ(B⋆,⊥ᵀB) (k'×k') and w, never from the d×k' matrix B, so a record costs O(k'³) whatever d is:
 * the spectrum of Λ = PPᵀ (k×k), the spectrum of G, ‖Bw − B⋆μ⋆‖² = ‖Pw − μ⋆‖² + wᵀGw, and the principal-angle
 * distance ({@link PrincipalAngleDistance}).
 */
public final class Metrics {

    private Metrics() {
    }

    /**
     * Measures a run at its current iteration. The infinite-task dynamics hands over P, G and w directly (it never
     * forms B on the hot path, and forming it would cost d·n·k'); other methods go through their {@code state()}.
     */
    public static Snapshot measure(Dynamics dynamics) {
        if (dynamics instanceof InfiniteTaskDynamics infinite) {
            return measure(infinite.iteration(), infinite.starProjection(), infinite.perpGram(), infinite.head(),
                    infinite.truth(), infinite.trainingLoss(), Double.NaN);
        }
        return measure(dynamics.state(), dynamics.truth(), dynamics.trainingLoss(), Double.NaN);
    }

    public static Snapshot measure(ModelState s, GroundTruth truth, double trainingLoss, double validationLoss) {
        return measure(s.iteration(), s.starProjection(), s.perpGram(), s.w(), truth, trainingLoss, validationLoss);
    }

    /** Measures θ_t given by its blocks P = B⋆ᵀB (k×k'), G = (B⋆,⊥ᵀB)ᵀ(B⋆,⊥ᵀB) (k'×k') and the head w. */
    public static Snapshot measure(long iteration, DMatrixRMaj p, DMatrixRMaj g, double[] w, GroundTruth truth,
                                   double trainingLoss, double validationLoss) {
        DMatrixRMaj lambda = new DMatrixRMaj(p.numRows, p.numRows);
        CommonOps_DDRM.multTransB(p, p, lambda);
        double[] sv2Star = symmetricEigenvaluesDescending(lambda, lambda.numRows);
        int r = Math.min(truth.d() - truth.k(), p.numCols);
        double[] sv2Perp = symmetricEigenvaluesDescending(g, r);

        // ‖Bw − B⋆μ⋆‖² = ‖Pw − μ⋆‖² + wᵀGw (B⋆ and B⋆,⊥ are orthonormal complements)
        double bw2 = 0;
        for (int i = 0; i < p.numRows; i++) {
            double v = -truth.mean(i);
            for (int j = 0; j < p.numCols; j++) {
                v += p.unsafe_get(i, j) * w[j];
            }
            bw2 += v * v;
        }
        for (int i = 0; i < g.numRows; i++) {
            double gi = 0;
            for (int j = 0; j < g.numCols; j++) {
                gi += g.unsafe_get(i, j) * w[j];
            }
            bw2 += w[i] * gi;
        }
        return new Snapshot(iteration, sv2Star, sv2Perp, Math.sqrt(Math.max(bw2, 0)),
                PrincipalAngleDistance.fromBlocks(p, g), trainingLoss, validationLoss);
    }

    /** ‖B⋆,⊥ᵀ B̂‖₂ with B̂ an orthonormal basis of col(B), from B itself (d-sized work; see {@link PrincipalAngleDistance}). */
    public static double distance(DMatrixRMaj b, GroundTruth truth) {
        return PrincipalAngleDistance.fromRepresentation(b, truth);
    }

    /** The largest {@code count} eigenvalues of a symmetric matrix, descending, clipped at 0 (Gram matrices are PSD). */
    static double[] symmetricEigenvaluesDescending(DMatrixRMaj sym, int count) {
        return SymmetricEigen.of(sym, false).largestClipped(count);
    }
}
