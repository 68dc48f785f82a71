package org.anilexplorer.core.eval;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The eigendecomposition of the smaller Gram matrix of features F (m×p): FᵀF = V diag(s) Vᵀ when p ≤ m ("primal"),
 * the kernel FFᵀ = U diag(s) Uᵀ otherwise ("dual"). Both have the same non-zero eigenvalues; ridge needs only the
 * r×r one, r = min(p, m). Storage is allocated once for a fixed (m, p).
 */
final class GramSpectrum {

    final int m;
    final int p;
    final int r;
    final boolean primal;
    /** Eigenvalues s_j ≥ 0 (rounding noise below 0 clipped). */
    final double[] values;
    /** Eigenvectors as columns (r×r). */
    final DMatrixRMaj vectors;
    private final DMatrixRMaj gram;
    private final EigenDecomposition_F64<DMatrixRMaj> eig;

    GramSpectrum(int m, int p) {
        this.m = m;
        this.p = p;
        this.primal = p <= m;
        this.r = primal ? p : m;
        this.values = new double[r];
        this.vectors = new DMatrixRMaj(r, r);
        this.gram = new DMatrixRMaj(r, r);
        this.eig = DecompositionFactory_DDRM.eig(r, true, true);
    }

    void decompose(DMatrixRMaj features) {
        if (features.numRows != m || features.numCols != p) {
            throw new IllegalArgumentException("features are " + features.numRows + "×" + features.numCols
                    + ", expected " + m + "×" + p);
        }
        if (primal) {
            CommonOps_DDRM.multInner(features, gram);
        } else {
            CommonOps_DDRM.multOuter(features, gram);
        }
        if (!eig.decompose(gram)) {
            throw new IllegalStateException("symmetric eigendecomposition failed (non-finite features?)");
        }
        for (int j = 0; j < r; j++) {
            // Gram matrices are PSD: clip rounding noise below 0 so that s + mλ stays positive
            values[j] = Math.max(0.0, eig.getEigenvalue(j).getReal());
            DMatrixRMaj v = eig.getEigenVector(j);
            for (int i = 0; i < r; i++) {
                vectors.data[i * r + j] = v.data[i];
            }
        }
    }

    /** out = Eᵀv: the coordinates of v (length r) in the eigenbasis. */
    void project(double[] v, double[] out) {
        double[] e = vectors.data;
        java.util.Arrays.fill(out, 0, r, 0.0);
        for (int i = 0; i < r; i++) {
            double vi = v[i];
            int off = i * r;
            for (int j = 0; j < r; j++) {
                out[j] += e[off + j] * vi;
            }
        }
    }

    /** out = Fᵀy (length p) for the first m labels. */
    static void multTransposeFeatures(DMatrixRMaj features, double[] y, double[] out) {
        int rows = features.numRows;
        int cols = features.numCols;
        double[] f = features.data;
        java.util.Arrays.fill(out, 0, cols, 0.0);
        for (int row = 0; row < rows; row++) {
            double yr = y[row];
            int off = row * cols;
            for (int c = 0; c < cols; c++) {
                out[c] += f[off + c] * yr;
            }
        }
    }
}
