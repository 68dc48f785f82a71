package org.anilexplorer.core.metrics;

import java.util.Arrays;
import org.anilexplorer.core.problem.GroundTruth;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * The principal-angle distance of Collins et al. (docs/math.md §5.3), dist(B, B⋆) = ‖B⋆,⊥ᵀB̂‖₂ with B̂ an orthonormal basis
 * of the (numerical) column space of B, computed from the k×k' and k'×k' blocks P = B⋆ᵀB and G = (B⋆,⊥ᵀB)ᵀ(B⋆,⊥ᵀB)
 * alone, so its cost does not depend on d.
 *
 * <p>With M = BᵀB = PᵀP + G = VΛVᵀ and B̂ = B V_ρ Λ_ρ^(-1/2) (the ρ directions with Λ_i > τ·Λ_max), B⋆,⊥ᵀB̂ =
 * D V_ρ Λ_ρ^(-1/2), so dist² is the largest eigenvalue of the whitened Gram Λ_ρ^(-1/2) V_ρᵀ G V_ρ Λ_ρ^(-1/2), i.e. of
 * the pencil (G, M) on the range of M. It is formed from G itself (never as 1 − something), so a small distance keeps
 * its relative precision. Shortcut: a direction x with Px = 0 and xᵀGx clearly inside the numerical range gives
 * Bx ⊥ col(B⋆), hence dist = 1 exactly; this is the generic case when k' > k (why [Y] does not use this metric).
 */
public final class PrincipalAngleDistance {

    /**
     * Relative eigenvalue threshold of BᵀB for the numerical column space (singular values of B below ≈ 3·10⁻⁷·σ_max
     * are treated as 0: eigenvalues of the explicitly formed Gram matrix are accurate only to ≈ ε·Λ_max).
     */
    static final double RANK_TOLERANCE = 1e-13;
    /** The shortcut needs a null(P) direction this far above the rank threshold (margin for rounding in traces). */
    private static final double SHORTCUT_TOLERANCE = 1e-10;

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
        if (kp > k && nullSpaceOfPSeesG(p, g, traceM)) {
            return 1.0;
        }
        return general(m, g);
    }

    /**
     * The shortcut alone, from the Gram matrix N = ZZᵀ of B's coordinates Z = [P; R] in an orthonormal basis
     * [B⋆, B⋆,⊥Q] (so G = RᵀR): 1 when null(P) visibly carries G, NaN when undecided (then use {@link #fromBlocks}).
     * Uses tr G = tr N_RR and tr(Q₁ᵀGQ₁) = Σ_i ‖N_RP u_i‖²/λ_i over the eigenpairs (λ_i, u_i) of N_PP = PPᵀ.
     */
    public static double shortcutFromCoordinateGram(DMatrixRMaj nGram, int k, int kPrime) {
        int n = nGram.numRows;
        if (kPrime <= k) {
            return Double.NaN;
        }
        double traceM = CommonOps_DDRM.trace(nGram);
        if (!(traceM > 0)) {
            return Double.isFinite(traceM) ? 1.0 : Double.NaN;
        }
        SymmetricEigen eig = SymmetricEigen.of(CommonOps_DDRM.extract(nGram, 0, k, 0, k), true);
        if (eig.failed()) {
            return Double.NaN;
        }
        double max = 0;
        for (double v : eig.values()) {
            max = Math.max(max, v);
        }
        double trQGQ = 0;
        int rankP = 0;
        for (int i = 0; i < k; i++) {
            double lambda = eig.values()[i];
            if (!(lambda > RANK_TOLERANCE * max)) {
                continue;
            }
            rankP++;
            DMatrixRMaj u = eig.vectors()[i];
            for (int a = k; a < n; a++) {
                double s = 0;
                for (int l = 0; l < k; l++) {
                    s += nGram.unsafe_get(a, l) * u.get(l);
                }
                trQGQ += s * s / lambda;
            }
        }
        double traceG = 0;
        for (int a = k; a < n; a++) {
            traceG += nGram.unsafe_get(a, a);
        }
        return (traceG - trQGQ) / (kPrime - rankP) > SHORTCUT_TOLERANCE * traceM ? 1.0 : Double.NaN;
    }

    /**
     * Whether null(P) holds a direction x with xᵀGx/‖x‖² above the shortcut threshold: tr G − tr(Q₁ᵀGQ₁), Q₁ an
     * orthonormal basis of rowspace(P), is the trace of G on null(P), so its average over null(P) is a lower bound
     * for the largest such Rayleigh quotient.
     */
    private static boolean nullSpaceOfPSeesG(DMatrixRMaj p, DMatrixRMaj g, double traceM) {
        int k = p.numRows;
        int kp = p.numCols;
        // rowspace(P): Q₁ = Pᵀ U Λ^(-1/2) from PPᵀ = UΛUᵀ, over the eigenvalues above the rank threshold
        DMatrixRMaj ppt = new DMatrixRMaj(k, k);
        CommonOps_DDRM.multTransB(p, p, ppt);
        SymmetricEigen eig = SymmetricEigen.of(ppt, true);
        if (eig.failed()) {
            return false;
        }
        double max = 0;
        for (int i = 0; i < k; i++) {
            max = Math.max(max, eig.values()[i]);
        }
        double trQGQ = 0;
        int rankP = 0;
        double[] q = new double[kp];
        double[] gq = new double[kp];
        for (int i = 0; i < k; i++) {
            double lambda = eig.values()[i];
            if (!(lambda > RANK_TOLERANCE * max)) {
                continue;
            }
            rankP++;
            DMatrixRMaj u = eig.vectors()[i];
            double scale = 1 / Math.sqrt(lambda);
            Arrays.fill(q, 0);
            for (int l = 0; l < k; l++) {
                double ul = u.get(l) * scale;
                for (int j = 0; j < kp; j++) {
                    q[j] += ul * p.unsafe_get(l, j);
                }
            }
            for (int a = 0; a < kp; a++) {
                double s = 0;
                for (int b = 0; b < kp; b++) {
                    s += g.unsafe_get(a, b) * q[b];
                }
                gq[a] = s;
            }
            for (int a = 0; a < kp; a++) {
                trQGQ += q[a] * gq[a];
            }
        }
        double nullTrace = CommonOps_DDRM.trace(g) - trQGQ;
        return nullTrace / (kp - rankP) > SHORTCUT_TOLERANCE * traceM;
    }

    /** dist² = λ_max(Λ_ρ^(-1/2) V_ρᵀ G V_ρ Λ_ρ^(-1/2)) over the numerical range of M. */
    private static double general(DMatrixRMaj m, DMatrixRMaj g) {
        int kp = m.numRows;
        SymmetricEigen eig = SymmetricEigen.of(m, true);
        if (eig.failed()) {
            return Double.NaN;
        }
        double max = 0;
        for (int i = 0; i < kp; i++) {
            max = Math.max(max, eig.values()[i]);
        }
        int rho = 0;
        for (int i = 0; i < kp; i++) {
            if (eig.values()[i] > RANK_TOLERANCE * max) {
                rho++;
            }
        }
        DMatrixRMaj white = new DMatrixRMaj(kp, rho);
        int c = 0;
        for (int i = 0; i < kp; i++) {
            double lambda = eig.values()[i];
            if (lambda > RANK_TOLERANCE * max) {
                DMatrixRMaj v = eig.vectors()[i];
                double s = 1 / Math.sqrt(lambda);
                for (int j = 0; j < kp; j++) {
                    white.unsafe_set(j, c, v.get(j) * s);
                }
                c++;
            }
        }
        DMatrixRMaj gw = new DMatrixRMaj(kp, rho);
        CommonOps_DDRM.mult(g, white, gw);
        DMatrixRMaj a = new DMatrixRMaj(rho, rho);
        CommonOps_DDRM.multTransA(white, gw, a);
        double top = Metrics.symmetricEigenvaluesDescending(a, 1)[0];
        return Math.sqrt(Math.min(1.0, Math.max(0.0, top)));
    }

    /**
     * Reference implementation straight from the definition (d-sized work: SVD of B, then of B⋆,⊥ᵀB̂), with the
     * same relative rank threshold on the singular values of B as {@link #fromBlocks}. For tests and one-off use.
     */
    public static double fromRepresentation(DMatrixRMaj b, GroundTruth truth) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(b.numRows, b.numCols, true, false, true);
        if (!svd.decompose(b.copy())) {
            return Double.NaN;
        }
        double[] sv = svd.getSingularValues();
        double max = Arrays.stream(sv).max().orElse(0);
        DMatrixRMaj u = svd.getU(null, false);
        double threshold = Math.sqrt(RANK_TOLERANCE) * max;
        int rank = 0;
        for (double v : sv) {
            if (v > threshold) {
                rank++;
            }
        }
        if (rank == 0) {
            return 1.0;
        }
        DMatrixRMaj basis = new DMatrixRMaj(b.numRows, rank);
        int c = 0;
        for (int j = 0; j < sv.length; j++) {
            if (sv[j] > threshold) {
                for (int i = 0; i < b.numRows; i++) {
                    basis.set(i, c, u.get(i, j));
                }
                c++;
            }
        }
        DMatrixRMaj proj = new DMatrixRMaj(truth.d() - truth.k(), rank);
        CommonOps_DDRM.multTransA(truth.bPerp(), basis, proj);
        SingularValueDecomposition_F64<DMatrixRMaj> svd2 =
                DecompositionFactory_DDRM.svd(proj.numRows, proj.numCols, false, false, true);
        if (!svd2.decompose(proj)) {
            return Double.NaN;
        }
        return Math.min(1.0, Arrays.stream(svd2.getSingularValues()).max().orElse(0));
    }
}
