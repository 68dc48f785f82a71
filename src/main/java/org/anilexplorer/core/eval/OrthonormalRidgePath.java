package org.anilexplorer.core.eval;

import org.ejml.data.DMatrixRMaj;

/**
 * {@link RidgePath} for a representation R with orthonormal columns whose span contains θ⋆: oracle ridge (R = B⋆)
 * and single-task ridge (R = I_d). Then ‖θ̂_λ − θ⋆‖² = ‖θ̂_λ‖² − 2θ̂_λᵀθ⋆ + ‖θ⋆‖² needs only the spectrum of the Gram
 * matrix and two projections, so each λ costs O(min(p, m)) instead of a d×r mat-vec. With u = Rᵀθ⋆ (so θ⋆ = Ru),
 * h = g/(s + mλ):
 * <pre>
 *   primal (p ≤ m): g = VᵀFᵀy, t = Vᵀu,    ‖θ̂‖² = Σ h_j²,      θ̂ᵀθ⋆ = Σ h_j t_j   (RᵀR = I, VᵀV = I);
 *   dual   (p &gt; m): g = Uᵀy,   t = UᵀFu,   ‖θ̂‖² = Σ s_j h_j²,  θ̂ᵀθ⋆ = Σ h_j t_j   (UᵀFFᵀU = diag(s)).
 * </pre>
 * One instance per thread.
 */
final class OrthonormalRidgePath {

    private final int m;
    private final int r;
    private final GramSpectrum spectrum;
    private final double[] coefficients; // g (r)
    private final double[] targets;      // t (r)
    private final double[] rhs;          // Fᵀy (p) or Fu (m)
    private double thetaNorm2;

    OrthonormalRidgePath(int p, int m) {
        this.m = m;
        this.spectrum = new GramSpectrum(m, p);
        this.r = spectrum.r;
        this.coefficients = new double[r];
        this.targets = new double[r];
        this.rhs = new double[Math.max(p, m)];
    }

    /**
     * Prepares one task.
     *
     * @param features F = XR (m×p)
     * @param y the labels (the first m entries are used)
     * @param u the coordinates of θ⋆ in R's columns, θ⋆ = Ru (length p)
     */
    void prepare(DMatrixRMaj features, double[] y, double[] u) {
        int p = features.numCols;
        spectrum.decompose(features);
        thetaNorm2 = 0;
        for (int c = 0; c < p; c++) {
            thetaNorm2 += u[c] * u[c];
        }
        if (spectrum.primal) {
            GramSpectrum.multTransposeFeatures(features, y, rhs);
            spectrum.project(rhs, coefficients);
            spectrum.project(u, targets);
        } else {
            spectrum.project(y, coefficients);
            double[] f = features.data;
            for (int row = 0; row < m; row++) {
                double s = 0;
                int off = row * p;
                for (int c = 0; c < p; c++) {
                    s += f[off + c] * u[c];
                }
                rhs[row] = s;
            }
            spectrum.project(rhs, targets);
        }
    }

    /** ‖θ̂_λ − θ⋆‖² for every λ of the grid into {@code out}. */
    void squaredErrors(LambdaGrid grid, double[] out) {
        double[] s = spectrum.values;
        boolean primal = spectrum.primal;
        for (int l = 0; l < grid.size(); l++) {
            double ridge = m * grid.get(l);
            double total = thetaNorm2;
            for (int j = 0; j < r; j++) {
                double h = coefficients[j] / (s[j] + ridge);
                total += (primal ? h : s[j] * h) * h - 2 * h * targets[j];
            }
            // exact arithmetic gives ≥ 0; clip cancellation noise
            out[l] = Math.max(0.0, total);
        }
    }
}
