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
     * Measures a run at its current iteration. The infinite-task dynamics is measured from its coordinate Gram
     * matrix N = ZZᵀ (n×n, n = k + min(d−k, k'); it never forms B, which would cost d·n·k'); other methods go through
     * their {@code state()}.
     */
    public static Snapshot measure(Dynamics dynamics) {
        if (dynamics instanceof InfiniteTaskDynamics infinite) {
            return measure(infinite);
        }
        return measure(dynamics.state(), dynamics.truth(), dynamics.trainingLoss(), Double.NaN);
    }

    /**
     * With B = [B⋆, B⋆,⊥Q]·Z and N = ZZᵀ: Λ = N_PP (the leading k×k block), the spectrum of G = RᵀR is that of
     * N_RR (the trailing r×r block, r = min(d−k, k')), and Bw − B⋆μ⋆ has coordinates Zw − [μ⋆; 0].
     */
    private static Snapshot measure(InfiniteTaskDynamics dyn) {
        GroundTruth truth = dyn.truth();
        int k = truth.k();
        DMatrixRMaj nGram = dyn.coordinateGram();
        int n = nGram.numRows;
        double[] sv2Star = symmetricEigenvaluesDescending(CommonOps_DDRM.extract(nGram, 0, k, 0, k), k);
        double[] sv2Perp = symmetricEigenvaluesDescending(CommonOps_DDRM.extract(nGram, k, n, k, n), n - k);
        double[] y = dyn.coordinateHead();
        double bw2 = 0;
        for (int i = 0; i < n; i++) {
            double v = i < k ? y[i] - truth.mean(i) : y[i];
            bw2 += v * v;
        }
        double distance = PrincipalAngleDistance.fromBlocks(dyn.starProjection(), dyn.perpGram());
        return new Snapshot(dyn.iteration(), sv2Star, sv2Perp, Math.sqrt(bw2), distance, dyn.trainingLoss(),
                Double.NaN);
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

    /** ‖B⋆,⊥ᵀU_k‖₂ with U_k the top-k left singular vectors of B, from B itself (d-sized work; see {@link PrincipalAngleDistance}). */
    public static double distance(DMatrixRMaj b, GroundTruth truth) {
        return PrincipalAngleDistance.fromRepresentation(b, truth);
    }

    /** The largest {@code count} eigenvalues of a symmetric matrix, descending, clipped at 0 (Gram matrices are PSD). */
    static double[] symmetricEigenvaluesDescending(DMatrixRMaj sym, int count) {
        double[] all = SymmetricEigenvalues.descending(sym);
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = i < all.length ? Math.max(0, all[i]) : 0;
            if (i < all.length && Double.isNaN(all[i])) {
                out[i] = Double.NaN;
            }
        }
        return out;
    }
}
