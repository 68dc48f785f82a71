package org.anilexplorer.core.eval;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Ridge regression on features F = XR (m×p) for a whole λ grid at the price of one symmetric eigendecomposition
 * (spec §5.2):
 * <pre>
 *   θ̂_λ = R (FᵀF + mλI_p)⁻¹ Fᵀy.
 * </pre>
 * With FᵀF = V diag(s) Vᵀ (primal, used when p ≤ m) this is θ̂_λ = (RV) diag(1/(s + mλ)) VᵀFᵀy; with the kernel
 * FFᵀ = U diag(s) Uᵀ (dual, p &gt; m; push-through identity (FᵀF + cI)⁻¹Fᵀ = Fᵀ(FFᵀ + cI)⁻¹) it is
 * θ̂_λ = (RFᵀU) diag(1/(s + mλ)) Uᵀy. Either way θ̂_λ = Z diag(1/(s + mλ)) g with Z (d×r) and g (r), r = min(p, m),
 * prepared once per task; each λ then costs one d×r mat-vec.
 *
 * <p>R = null stands for the identity (single-task ridge, p = d). All storage is allocated in the constructor for a
 * fixed (d, p, m); one instance per thread.
 */
final class RidgePath {

    private final int d;
    private final int p;
    private final int m;
    private final boolean primal;
    private final int r;
    private final DMatrixRMaj gram;        // FᵀF (p×p) or FFᵀ (m×m)
    private final DMatrixRMaj eigenvectors; // V (p×p) or U (m×m), eigenvectors as columns
    private final DMatrixRMaj projected;   // FᵀU (p×m), dual only
    private final DMatrixRMaj z;           // Z (d×r)
    private final double[] eigenvalues;    // s (r)
    private final double[] coefficients;   // g (r)
    private final double[] weights;        // g/(s + mλ) (r)
    private final double[] rhs;            // Fᵀy (p), primal only
    private final EigenDecomposition_F64<DMatrixRMaj> eig;

    RidgePath(int d, int p, int m) {
        this.d = d;
        this.p = p;
        this.m = m;
        this.primal = p <= m;
        this.r = primal ? p : m;
        this.gram = new DMatrixRMaj(r, r);
        this.eigenvectors = new DMatrixRMaj(r, r);
        this.projected = primal ? null : new DMatrixRMaj(p, m);
        this.z = new DMatrixRMaj(d, r);
        this.eigenvalues = new double[r];
        this.coefficients = new double[r];
        this.weights = new double[r];
        this.rhs = new double[p];
        this.eig = DecompositionFactory_DDRM.eig(r, true, true);
    }

    /**
     * Prepares Z and g for one task.
     *
     * @param representation R (d×p), or null for the identity (then p = d)
     * @param features F = XR (m×p)
     * @param y the labels (the first m entries are used)
     */
    void prepare(DMatrixRMaj representation, DMatrixRMaj features, double[] y) {
        if (features.numRows != m || features.numCols != p) {
            throw new IllegalArgumentException("features are " + features.numRows + "×" + features.numCols
                    + ", expected " + m + "×" + p);
        }
        if (primal) {
            CommonOps_DDRM.multTransA(features, features, gram);
        } else {
            CommonOps_DDRM.multTransB(features, features, gram);
        }
        if (!eig.decompose(gram)) {
            throw new IllegalStateException("symmetric eigendecomposition failed (non-finite features?)");
        }
        for (int j = 0; j < r; j++) {
            // Gram matrices are PSD: clip rounding noise below 0 so that s + mλ stays positive
            eigenvalues[j] = Math.max(0.0, eig.getEigenvalue(j).getReal());
            DMatrixRMaj v = eig.getEigenVector(j);
            for (int i = 0; i < r; i++) {
                eigenvectors.data[i * r + j] = v.data[i];
            }
        }
        if (primal) {
            // g = Vᵀ(Fᵀy), Z = RV
            double[] f = features.data;
            java.util.Arrays.fill(rhs, 0.0);
            for (int row = 0; row < m; row++) {
                double yr = y[row];
                int off = row * p;
                for (int c = 0; c < p; c++) {
                    rhs[c] += f[off + c] * yr;
                }
            }
            multTransposeVector(eigenvectors, rhs, coefficients);
            if (representation == null) {
                z.setTo(eigenvectors);
            } else {
                CommonOps_DDRM.mult(representation, eigenvectors, z);
            }
        } else {
            // g = Uᵀy, Z = R(FᵀU)
            multTransposeVector(eigenvectors, y, coefficients);
            CommonOps_DDRM.multTransA(features, eigenvectors, projected);
            if (representation == null) {
                z.setTo(projected);
            } else {
                CommonOps_DDRM.mult(representation, projected, z);
            }
        }
    }

    /** θ̂_λ for one λ into {@code out} (length ≥ d). */
    void estimate(double lambda, double[] out) {
        setWeights(lambda);
        double[] zd = z.data;
        for (int i = 0; i < d; i++) {
            double s = 0;
            int off = i * r;
            for (int j = 0; j < r; j++) {
                s += zd[off + j] * weights[j];
            }
            out[i] = s;
        }
    }

    /** ‖θ̂_λ − θ⋆‖² for every λ of the grid into {@code out}. */
    void squaredErrors(LambdaGrid grid, double[] thetaStar, double[] out) {
        double[] zd = z.data;
        for (int l = 0; l < grid.size(); l++) {
            setWeights(grid.get(l));
            double total = 0;
            for (int i = 0; i < d; i++) {
                double s = -thetaStar[i];
                int off = i * r;
                for (int j = 0; j < r; j++) {
                    s += zd[off + j] * weights[j];
                }
                total += s * s;
            }
            out[l] = total;
        }
    }

    private void setWeights(double lambda) {
        double ridge = m * lambda;
        for (int j = 0; j < r; j++) {
            weights[j] = coefficients[j] / (eigenvalues[j] + ridge);
        }
    }

    /** out = Aᵀv for square A (n×n). */
    private static void multTransposeVector(DMatrixRMaj a, double[] v, double[] out) {
        int n = a.numRows;
        java.util.Arrays.fill(out, 0, n, 0.0);
        for (int i = 0; i < n; i++) {
            double vi = v[i];
            int off = i * n;
            for (int j = 0; j < n; j++) {
                out[j] += a.data[off + j] * vi;
            }
        }
    }
}
