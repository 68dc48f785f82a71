package org.anilexplorer.core.eval;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Ridge regression on the learned features for a whole λ grid at the price of one symmetric eigendecomposition
 * (docs/math.md §6.4). In the coordinates of {@link LearnedFeatures} (F̃ = XE diag(ω), m×r) the estimate is
 * <pre>
 *   Eᵀθ̂_λ = diag(ω) (F̃ᵀF̃ + mλI)⁻¹ F̃ᵀy.
 * </pre>
 * With F̃ᵀF̃ = V diag(s) Vᵀ (primal, r ≤ m) this is diag(ω)V · diag(1/(s + mλ)) · VᵀF̃ᵀy; with the kernel
 * F̃F̃ᵀ = U diag(s) Uᵀ (dual, r &gt; m; push-through identity (F̃ᵀF̃ + cI)⁻¹F̃ᵀ = F̃ᵀ(F̃F̃ᵀ + cI)⁻¹) it is
 * diag(ω)F̃ᵀU · diag(1/(s + mλ)) · Uᵀy. Either way Eᵀθ̂_λ = Z diag(1/(s + mλ)) g with Z (r×q) and g (q),
 * q = min(r, m), prepared once per task; each λ then costs one r×q mat-vec. One instance per thread.
 */
final class RidgePath {

    private final int r;
    private final int m;
    private final int q;
    private final GramSpectrum spectrum;
    private final DMatrixRMaj projected;   // F̃ᵀU (r×m), dual only
    private final double[] z;              // Z (r×q), row-major
    private final double[] coefficients;   // g (q)
    private final double[] weights;        // g/(s + mλ) (q)
    private final double[] rhs;            // F̃ᵀy (r), primal only

    RidgePath(int r, int m) {
        this.r = r;
        this.m = m;
        this.spectrum = new GramSpectrum(m, r);
        this.q = spectrum.r;
        this.projected = spectrum.primal ? null : new DMatrixRMaj(r, m);
        this.z = new double[r * q];
        this.coefficients = new double[q];
        this.weights = new double[q];
        this.rhs = new double[r];
    }

    /**
     * Prepares Z and g for one task.
     *
     * @param features F̃ (m×r)
     * @param y the labels (the first m entries are used)
     * @param omega the singular values ω of B̂ (r)
     */
    void prepare(DMatrixRMaj features, double[] y, double[] omega) {
        spectrum.decompose(features);
        DMatrixRMaj source;
        if (spectrum.primal) {
            // g = Vᵀ(F̃ᵀy), Z = diag(ω)V
            GramSpectrum.multTransposeFeatures(features, y, rhs);
            spectrum.project(rhs, coefficients);
            source = spectrum.vectors;
        } else {
            // g = Uᵀy, Z = diag(ω)F̃ᵀU
            spectrum.project(y, coefficients);
            CommonOps_DDRM.multTransA(features, spectrum.vectors, projected);
            source = projected;
        }
        for (int i = 0; i < r; i++) {
            double w = omega[i];
            int off = i * q;
            for (int j = 0; j < q; j++) {
                z[off + j] = w * source.data[off + j];
            }
        }
    }

    /**
     * ‖θ̂_λ − θ⋆‖² = ‖Eᵀθ̂_λ − Eᵀθ⋆‖² + ‖θ⋆‖² − ‖Eᵀθ⋆‖² for every λ of the grid into {@code out}.
     *
     * @param target Eᵀθ⋆ (r)
     * @param outsideSquared ‖θ⋆‖² − ‖Eᵀθ⋆‖², the part of θ⋆ no estimate on col(B̂) can reach
     */
    void squaredErrors(LambdaGrid grid, double[] target, double outsideSquared, double[] out) {
        double[] s = spectrum.values;
        for (int l = 0; l < grid.size(); l++) {
            double ridge = m * grid.get(l);
            for (int j = 0; j < q; j++) {
                weights[j] = coefficients[j] / (s[j] + ridge);
            }
            double total = outsideSquared;
            for (int i = 0; i < r; i++) {
                double e = -target[i];
                int off = i * q;
                for (int j = 0; j < q; j++) {
                    e += z[off + j] * weights[j];
                }
                total += e * e;
            }
            out[l] = total;
        }
    }
}
