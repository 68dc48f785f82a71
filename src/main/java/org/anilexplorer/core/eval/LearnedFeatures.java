package org.anilexplorer.core.eval;

import org.anilexplorer.core.algo.ModelState;
import org.anilexplorer.core.problem.GroundTruth;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * The learned model in the coordinates of its thin SVD, B̂ = E diag(ω) Vᵀ (E d×r orthonormal,
 * r = rank B̂ ≤ min(d, k')).
 *
 * <p>Every test-time estimator on B̂ sees the head only through Vᵀ: with F̃ = XE diag(ω) = XB̂V and w̃ = Vᵀw,
 * XB̂w = F̃w̃; a GD step w ← w − (α/m)B̂ᵀXᵀ(XB̂w − y) becomes w̃ ← w̃ − (α/m)F̃ᵀ(F̃w̃ − y); ridge on XB̂ gives
 * ŵ_λ = V(F̃ᵀF̃ + mλI)⁻¹F̃ᵀy; and θ̂ = B̂w = E diag(ω) w̃. So both work on the r columns of F̃, and the risk splits as
 * ‖θ̂ − θ⋆‖² = ‖diag(ω)w̃ − Eᵀθ⋆‖² + ‖θ⋆‖² − ‖Eᵀθ⋆‖², an r-dimensional computation. This avoids a d×k' product per
 * task and per λ, and gives the ridge grid scale ‖B̂B̂ᵀ‖ = max ω² for free. Immutable.
 */
final class LearnedFeatures {

    /** Singular values below this fraction of the largest are treated as 0. */
    static final double RELATIVE_RANK_TOLERANCE = 1e-13;

    /** E diag(ω) (d×r): X times this is F̃. */
    final DMatrixRMaj featureMap;
    /** ω (r). */
    final double[] singularValues;
    /** EᵀB⋆ (r×k): Eᵀθ⋆ = (EᵀB⋆)w⋆. */
    final DMatrixRMaj basisTimesTruth;
    /** w̃ = Vᵀŵ (r). */
    final double[] head;
    /** ‖B̂B̂ᵀ‖ = max ω². */
    final double spectralNormSquared;

    private LearnedFeatures(DMatrixRMaj featureMap, double[] singularValues, DMatrixRMaj basisTimesTruth, double[] head,
            double spectralNormSquared) {
        this.featureMap = featureMap;
        this.singularValues = singularValues;
        this.basisTimesTruth = basisTimesTruth;
        this.head = head;
        this.spectralNormSquared = spectralNormSquared;
    }

    static LearnedFeatures of(ModelState model, GroundTruth truth) {
        return of(model.b(), model.w(), truth.bStar());
    }

    static LearnedFeatures of(DMatrixRMaj b, double[] w, DMatrixRMaj bStar) {
        int d = b.numRows;
        int kp = b.numCols;
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(d, kp, true, true, true);
        if (!svd.decompose(b.copy())) {
            throw new IllegalStateException("singular value decomposition of B failed");
        }
        double[] all = svd.getSingularValues();
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj vAll = svd.getV(null, false);
        double max = 0;
        for (double s : all) {
            max = Math.max(max, s);
        }
        // directions with ω ≤ 1e-13·max(ω) carry no weight at double precision (an exactly low-rank B̂ such as the
        // idealised limit (9) gives ω ≈ 1e-16 there): drop them, keeping at least one column
        int[] kept = new int[all.length];
        int r = 0;
        for (int j = 0; j < all.length; j++) {
            if (all[j] > RELATIVE_RANK_TOLERANCE * max) {
                kept[r++] = j;
            }
        }
        if (r == 0) {
            kept[r++] = 0;
        }
        double[] omega = new double[r];
        DMatrixRMaj featureMap = new DMatrixRMaj(d, r);
        DMatrixRMaj e = new DMatrixRMaj(d, r);
        DMatrixRMaj v = new DMatrixRMaj(kp, r);
        for (int c = 0; c < r; c++) {
            int j = kept[c];
            omega[c] = all[j];
            for (int i = 0; i < d; i++) {
                e.set(i, c, u.get(i, j));
                featureMap.set(i, c, u.get(i, j) * all[j]);
            }
            for (int i = 0; i < kp; i++) {
                v.set(i, c, vAll.get(i, j));
            }
        }
        DMatrixRMaj basisTimesTruth = new DMatrixRMaj(r, bStar.numCols);
        CommonOps_DDRM.multTransA(e, bStar, basisTimesTruth);
        DMatrixRMaj head = new DMatrixRMaj(r, 1);
        CommonOps_DDRM.multTransA(v, DMatrixRMaj.wrap(kp, 1, w.clone()), head);
        max *= max;
        return new LearnedFeatures(featureMap, omega, basisTimesTruth, head.data, max);
    }

    int rank() {
        return singularValues.length;
    }
}
