package org.anilexplorer.core.eval;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Ridge regression on features F = XR (m×p) for a whole λ grid at the price of one symmetric eigendecomposition
 * (spec §5.2):
 * <pre>
 *   θ̂_λ = R (FᵀF + mλI_p)⁻¹ Fᵀy.
 * </pre>
 * With FᵀF = V diag(s) Vᵀ (primal, p ≤ m) this is θ̂_λ = (RV) diag(1/(s + mλ)) VᵀFᵀy; with the kernel
 * FFᵀ = U diag(s) Uᵀ (dual, p &gt; m; push-through identity (FᵀF + cI)⁻¹Fᵀ = Fᵀ(FFᵀ + cI)⁻¹) it is
 * θ̂_λ = (RFᵀU) diag(1/(s + mλ)) Uᵀy. Either way θ̂_λ = Z diag(1/(s + mλ)) g with Z (d×r) and g (r), r = min(p, m),
 * prepared once per task; each λ then costs one d×r mat-vec.
 *
 * <p>This is the path for a general R (the learned B̂). When R has orthonormal columns and θ⋆ ∈ col(R) (the
 * baselines), {@link OrthonormalRidgePath} avoids forming Z. R = null stands for the identity. One instance per
 * thread.
 */
final class RidgePath {

    private final int d;
    private final int m;
    private final int r;
    private final GramSpectrum spectrum;
    private final DMatrixRMaj projected;   // FᵀU (p×m), dual only
    private final DMatrixRMaj z;           // Z (d×r)
    private final double[] coefficients;   // g (r)
    private final double[] weights;        // g/(s + mλ) (r)
    private final double[] rhs;            // Fᵀy (p), primal only

    RidgePath(int d, int p, int m) {
        this.d = d;
        this.m = m;
        this.spectrum = new GramSpectrum(m, p);
        this.r = spectrum.r;
        this.projected = spectrum.primal ? null : new DMatrixRMaj(p, m);
        this.z = new DMatrixRMaj(d, r);
        this.coefficients = new double[r];
        this.weights = new double[r];
        this.rhs = new double[p];
    }

    /**
     * Prepares Z and g for one task.
     *
     * @param representation R (d×p), or null for the identity (then p = d)
     * @param features F = XR (m×p)
     * @param y the labels (the first m entries are used)
     */
    void prepare(DMatrixRMaj representation, DMatrixRMaj features, double[] y) {
        spectrum.decompose(features);
        DMatrixRMaj e = spectrum.vectors;
        if (spectrum.primal) {
            // g = Vᵀ(Fᵀy), Z = RV
            GramSpectrum.multTransposeFeatures(features, y, rhs);
            spectrum.project(rhs, coefficients);
            if (representation == null) {
                z.setTo(e);
            } else {
                CommonOps_DDRM.mult(representation, e, z);
            }
        } else {
            // g = Uᵀy, Z = R(FᵀU)
            spectrum.project(y, coefficients);
            CommonOps_DDRM.multTransA(features, e, projected);
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
        double[] s = spectrum.values;
        for (int j = 0; j < r; j++) {
            weights[j] = coefficients[j] / (s[j] + ridge);
        }
    }
}
