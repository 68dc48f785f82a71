package org.anilexplorer.core.metrics;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.anilexplorer.core.problem.GroundTruth;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * How far the learned representation is from col(B⋆): the sine of the largest principal angle between col(B⋆) and
 * the span of the top-k left singular vectors of B, dist = ‖B⋆,⊥ᵀU_k‖₂ (docs/math.md §5.3).
 *
 * <p>With k' = k this is the distance of Collins et al., ‖B⋆,⊥ᵀB̂‖₂ with B̂ an orthonormal basis of col(B). With
 * k' &gt; k their definition is 1 as soon as one column of B has a component orthogonal to col(B⋆), which is always
 * the case for FO-ANIL (the complement decays only like 1/t, never reaching 0); the top-k subspace instead is the part
 * the learned features actually weight, so the distance goes to 0 as the representation is learned.
 *
 * <p>Computed from the k×k' and k'×k' blocks P = B⋆ᵀB and G = (B⋆,⊥ᵀB)ᵀ(B⋆,⊥ᵀB) alone, so its cost does not depend
 * on d: with M = BᵀB = PᵀP + G = VΛVᵀ, the top-k left singular vectors are U_k = B V_k Λ_k^(-1/2), hence
 * B⋆,⊥ᵀU_k = D V_k Λ_k^(-1/2) with D = B⋆,⊥ᵀB, and dist² is the largest eigenvalue of Λ_k^(-1/2) V_kᵀ G V_k Λ_k^(-1/2).
 * It is formed from G itself (never as 1 − something), so a small distance keeps its relative precision. Directions
 * with Λ_i below the rank threshold are left out (B may have rank below k); B = 0 has distance 1 by convention.
 */
public final class PrincipalAngleDistance {

    /**
     * Relative eigenvalue threshold of BᵀB for the numerical column space (singular values of B below ≈ 3·10⁻⁷·σ_max
     * are treated as 0: eigenvalues of the explicitly formed Gram matrix are accurate only to ≈ ε·Λ_max).
     */
    static final double RANK_TOLERANCE = 1e-13;

    private PrincipalAngleDistance() {
    }

    /** dist(B, B⋆) from P = B⋆ᵀB (k×k') and G = (B⋆,⊥ᵀB)ᵀ(B⋆,⊥ᵀB) (k'×k'); 1 for B = 0. */
    public static double fromBlocks(DMatrixRMaj p, DMatrixRMaj g) {
        int k = p.numRows;
        int kp = p.numCols;
        DMatrixRMaj m = new DMatrixRMaj(kp, kp);
        CommonOps_DDRM.multTransA(p, p, m);
        CommonOps_DDRM.addEquals(m, g);
        double traceM = CommonOps_DDRM.trace(m);
        if (!(traceM > 0)) {
            return Double.isFinite(traceM) ? 1.0 : Double.NaN;
        }
        SymmetricEigen eig = SymmetricEigen.of(m, true);
        if (eig.failed()) {
            return Double.NaN;
        }
        int[] top = topDirections(eig.values(), k);
        DMatrixRMaj white = new DMatrixRMaj(kp, top.length);
        for (int c = 0; c < top.length; c++) {
            DMatrixRMaj v = eig.vectors()[top[c]];
            double s = 1 / Math.sqrt(eig.values()[top[c]]);
            for (int j = 0; j < kp; j++) {
                white.unsafe_set(j, c, v.get(j) * s);
            }
        }
        DMatrixRMaj gw = new DMatrixRMaj(kp, top.length);
        CommonOps_DDRM.mult(g, white, gw);
        DMatrixRMaj a = new DMatrixRMaj(top.length, top.length);
        CommonOps_DDRM.multTransA(white, gw, a);
        double largest = Metrics.symmetricEigenvaluesDescending(a, 1)[0];
        return Math.sqrt(Math.min(1.0, Math.max(0.0, largest)));
    }

    /** Indices of the (at most) k largest values above the rank threshold, largest first. */
    private static int[] topDirections(double[] values, int k) {
        double max = Arrays.stream(values).max().orElse(0);
        return IntStream.range(0, values.length).boxed().filter(i -> values[i] > RANK_TOLERANCE * max)
                .sorted(Comparator.comparingDouble((Integer i) -> values[i]).reversed()).limit(k)
                .mapToInt(Integer::intValue).toArray();
    }

    /**
     * Reference implementation straight from the definition (d-sized work: SVD of B, its top-k left singular vectors
     * U_k, then the largest singular value of B⋆,⊥ᵀU_k), with the same relative rank threshold as
     * {@link #fromBlocks}. For tests and one-off use.
     */
    public static double fromRepresentation(DMatrixRMaj b, GroundTruth truth) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(b.numRows, b.numCols, true, false, true);
        if (!svd.decompose(b.copy())) {
            return Double.NaN;
        }
        double[] sv = svd.getSingularValues();
        double[] squares = Arrays.stream(sv).map(s -> s * s).toArray();
        int[] top = topDirections(squares, truth.k());
        if (top.length == 0) {
            return 1.0;
        }
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj basis = new DMatrixRMaj(b.numRows, top.length);
        for (int c = 0; c < top.length; c++) {
            for (int i = 0; i < b.numRows; i++) {
                basis.set(i, c, u.get(i, top[c]));
            }
        }
        DMatrixRMaj proj = new DMatrixRMaj(truth.d() - truth.k(), top.length);
        CommonOps_DDRM.multTransA(truth.bPerp(), basis, proj);
        SingularValueDecomposition_F64<DMatrixRMaj> svd2 =
                DecompositionFactory_DDRM.svd(proj.numRows, proj.numCols, false, false, true);
        if (!svd2.decompose(proj)) {
            return Double.NaN;
        }
        return Math.min(1.0, Arrays.stream(svd2.getSingularValues()).max().orElse(0));
    }
}
