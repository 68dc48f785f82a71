package org.anilexplorer.core.metrics;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Eigenvalues and unit eigenvectors of a symmetric matrix (EJML; for values only use the faster
 * {@link SymmetricEigenvalues}), made robust for Gram matrices whose entries
 * underflow. EJML's symmetric solver fails on subnormal entries and on entries ~1e-150 coupling a zero block, both
 * of which the Gram matrix of an exponentially vanishing B⋆,⊥ᵀB reaches in healthy runs. So: scale to unit max-abs,
 * and flush entries below 1e-20 (a perturbation far below the solver's own ε·‖A‖ accuracy).
 *
 * @param values  the eigenvalues, in the solver's order; all NaN when the decomposition failed
 * @param vectors the matching unit eigenvectors (k×1 each), or null when not requested or failed
 */
record SymmetricEigen(double[] values, DMatrixRMaj[] vectors) {

    static SymmetricEigen of(DMatrixRMaj sym, boolean wantVectors) {
        int n = sym.numRows;
        double scale = CommonOps_DDRM.elementMaxAbs(sym);
        if (scale == 0) {
            DMatrixRMaj[] basis = null;
            if (wantVectors) {
                basis = new DMatrixRMaj[n];
                for (int i = 0; i < n; i++) {
                    basis[i] = new DMatrixRMaj(n, 1);
                    basis[i].set(i, 0, 1.0);
                }
            }
            return new SymmetricEigen(new double[n], basis);
        }
        DMatrixRMaj scaled = sym.copy();
        CommonOps_DDRM.divide(scaled, scale);
        for (int i = 0; i < scaled.data.length; i++) {
            if (Math.abs(scaled.data[i]) < 1e-20) {
                scaled.data[i] = 0;
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, wantVectors, true);
        if (!Double.isFinite(scale) || !eig.decompose(scaled)) {
            double[] nan = new double[n];
            Arrays.fill(nan, Double.NaN);
            return new SymmetricEigen(nan, null);
        }
        double[] values = new double[n];
        DMatrixRMaj[] vectors = wantVectors ? new DMatrixRMaj[n] : null;
        for (int i = 0; i < n; i++) {
            values[i] = eig.getEigenvalue(i).getReal() * scale;
            if (wantVectors) {
                vectors[i] = eig.getEigenVector(i);
            }
        }
        return new SymmetricEigen(values, vectors);
    }

    boolean failed() {
        return values.length > 0 && Double.isNaN(values[0]);
    }
}
