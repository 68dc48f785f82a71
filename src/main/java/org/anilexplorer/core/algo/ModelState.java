package org.anilexplorer.core.algo;

import org.anilexplorer.core.problem.GroundTruth;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * An immutable snapshot of the learned parameters at one iteration: B (d×k'), the shared head w (k'), and the two
 * blocks metrics are made of, P = B⋆ᵀB (k×k') and the Gram matrix G = (B⋆,⊥ᵀB)ᵀ(B⋆,⊥ᵀB) (k'×k'). The arrays are
 * fresh copies and must not be modified.
 */
public record ModelState(long iteration, DMatrixRMaj b, double[] w, DMatrixRMaj starProjection, DMatrixRMaj perpGram) {

    /** Builds a snapshot from B and w (copied), computing P and G from the ground truth. */
    public static ModelState of(long iteration, GroundTruth truth, DMatrixRMaj b, double[] w) {
        DMatrixRMaj bc = b.copy();
        DMatrixRMaj p = new DMatrixRMaj(truth.k(), b.numCols);
        CommonOps_DDRM.multTransA(truth.bStar(), bc, p);
        DMatrixRMaj dPerp = new DMatrixRMaj(truth.d() - truth.k(), b.numCols);
        CommonOps_DDRM.multTransA(truth.bPerp(), bc, dPerp);
        DMatrixRMaj g = new DMatrixRMaj(b.numCols, b.numCols);
        CommonOps_DDRM.multTransA(dPerp, dPerp, g);
        return new ModelState(iteration, bc, w.clone(), p, g);
    }
}
