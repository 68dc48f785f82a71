package org.anilexplorer.core.metrics;

/**
 * What is measured of θ_t at one recorded iteration. Immutable; arrays are private copies.
 *
 * @param sv2Star   all k squared singular values of B⋆ᵀB_t (eigenvalues of Λ_t = B⋆ᵀB_tB_tᵀB⋆), descending
 * @param sv2Perp   all min(d−k, k') squared singular values of B⋆,⊥ᵀB_t, descending
 * @param bwNorm    ‖B_t w_t − B⋆μ⋆‖
 * @param distance  principal-angle distance ‖B⋆,⊥ᵀ B̂_t‖₂, B̂_t an orthonormal basis of col(B_t) (Collins et al.)
 * @param trainingLoss   the method's training objective at θ_t
 * @param validationLoss the ANIL objective on held-out tasks (NaN when not measured)
 */
public record Snapshot(long iteration, double[] sv2Star, double[] sv2Perp, double bwNorm, double distance,
                       double trainingLoss, double validationLoss) {

    public Snapshot {
        sv2Star = sv2Star.clone();
        sv2Perp = sv2Perp.clone();
    }

    @Override
    public double[] sv2Star() {
        return sv2Star.clone();
    }

    @Override
    public double[] sv2Perp() {
        return sv2Perp.clone();
    }

    public int k() {
        return sv2Star.length;
    }

    public double sv2Star(int i) {
        return sv2Star[i];
    }

    public double sv2StarMin() {
        return sv2Star[sv2Star.length - 1];
    }

    public double sv2StarMax() {
        return sv2Star[0];
    }

    public double sv2PerpMax() {
        return sv2Perp.length == 0 ? 0 : sv2Perp[0];
    }

    /** Average squared singular value of B⋆,⊥ᵀB_t: ‖B⋆,⊥ᵀB_t‖_F² / min(d−k, k') (Figure 3, left). */
    public double sv2PerpMean() {
        if (sv2Perp.length == 0) {
            return 0;
        }
        double s = 0;
        for (double v : sv2Perp) {
            s += v;
        }
        return s / sv2Perp.length;
    }

    /** True when every number is finite (a diverging run is stopped before it records non-finite values). */
    public boolean isFinite() {
        for (double v : sv2Star) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        for (double v : sv2Perp) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return Double.isFinite(bwNorm) && Double.isFinite(distance) && Double.isFinite(trainingLoss);
    }
}
