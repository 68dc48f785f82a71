package org.anilexplorer.core.metrics;

import java.util.Arrays;
import org.anilexplorer.core.algo.Dynamics;
import org.anilexplorer.core.algo.ModelState;
import org.anilexplorer.core.problem.GroundTruth;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/** Measures a {@link ModelState} against the ground truth. */
public final class Metrics {

    private Metrics() {
    }

    public static Snapshot measure(Dynamics dynamics) {
        return measure(dynamics.state(), dynamics.truth(), dynamics.trainingLoss(), Double.NaN);
    }

    public static Snapshot measure(ModelState s, GroundTruth truth, double trainingLoss, double validationLoss) {
        DMatrixRMaj p = s.starProjection();
        DMatrixRMaj lambda = new DMatrixRMaj(p.numRows, p.numRows);
        CommonOps_DDRM.multTransB(p, p, lambda);
        double[] sv2Star = symmetricEigenvaluesDescending(lambda, lambda.numRows);
        int r = Math.min(truth.d() - truth.k(), s.b().numCols);
        double[] sv2Perp = symmetricEigenvaluesDescending(s.perpGram(), r);

        // ‖Bw − B⋆μ⋆‖² = ‖Pw − μ⋆‖² + wᵀGw (B⋆ and B⋆,⊥ are orthonormal complements)
        double[] w = s.w();
        double bw2 = 0;
        for (int i = 0; i < p.numRows; i++) {
            double v = -truth.mean(i);
            for (int j = 0; j < p.numCols; j++) {
                v += p.get(i, j) * w[j];
            }
            bw2 += v * v;
        }
        DMatrixRMaj g = s.perpGram();
        for (int i = 0; i < g.numRows; i++) {
            double gi = 0;
            for (int j = 0; j < g.numCols; j++) {
                gi += g.get(i, j) * w[j];
            }
            bw2 += w[i] * gi;
        }
        return new Snapshot(s.iteration(), sv2Star, sv2Perp, Math.sqrt(Math.max(bw2, 0)), distance(s.b(), truth),
                trainingLoss, validationLoss);
    }

    /** ‖B⋆,⊥ᵀ B̂‖₂ with B̂ an orthonormal basis of col(B) (left singular vectors with non-negligible values). */
    public static double distance(DMatrixRMaj b, GroundTruth truth) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(b.numRows, b.numCols, true, false, true);
        if (!svd.decompose(b.copy())) {
            return Double.NaN;
        }
        double[] sv = svd.getSingularValues();
        double max = Arrays.stream(sv).max().orElse(0);
        DMatrixRMaj u = svd.getU(null, false);
        int rank = 0;
        for (double v : sv) {
            if (v > max * 1e-10) {
                rank++;
            }
        }
        if (rank == 0) {
            return 1.0;
        }
        DMatrixRMaj basis = new DMatrixRMaj(b.numRows, rank);
        int c = 0;
        for (int j = 0; j < sv.length; j++) {
            if (sv[j] > max * 1e-10) {
                for (int i = 0; i < b.numRows; i++) {
                    basis.set(i, c, u.get(i, j));
                }
                c++;
            }
        }
        DMatrixRMaj proj = new DMatrixRMaj(truth.d() - truth.k(), rank);
        CommonOps_DDRM.multTransA(truth.bPerp(), basis, proj);
        SingularValueDecomposition_F64<DMatrixRMaj> svd2 = DecompositionFactory_DDRM.svd(proj.numRows, proj.numCols, false, false, true);
        if (!svd2.decompose(proj)) {
            return Double.NaN;
        }
        return Math.min(1.0, Arrays.stream(svd2.getSingularValues()).max().orElse(0));
    }

    /** The largest {@code count} eigenvalues of a symmetric matrix, descending, clipped at 0 (Gram matrices are PSD). */
    static double[] symmetricEigenvaluesDescending(DMatrixRMaj sym, int count) {
        // EJML's symmetric eigen solver fails on subnormal entries and on entries ~1e-150 coupling a zero block, both
        // of which the Gram matrix of an exponentially vanishing B⋆,⊥ᵀB reaches in healthy runs. So: scale to unit
        // max-abs, and flush entries below 1e-20 (a perturbation far below the solver's own eps·‖G‖ accuracy).
        double scale = CommonOps_DDRM.elementMaxAbs(sym);
        if (scale == 0) {
            return new double[count];
        }
        DMatrixRMaj scaled = sym.copy();
        CommonOps_DDRM.divide(scaled, scale);
        for (int i = 0; i < scaled.data.length; i++) {
            if (Math.abs(scaled.data[i]) < 1e-20) {
                scaled.data[i] = 0;
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(sym.numRows, false, true);
        if (!Double.isFinite(scale) || !eig.decompose(scaled)) {
            double[] nan = new double[count];
            Arrays.fill(nan, Double.NaN);
            return nan;
        }
        double[] all = new double[sym.numRows];
        for (int i = 0; i < all.length; i++) {
            all[i] = Math.max(0, eig.getEigenvalue(i).getReal()) * scale;
        }
        Arrays.sort(all);
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = all[all.length - 1 - i];
        }
        return out;
    }
}
