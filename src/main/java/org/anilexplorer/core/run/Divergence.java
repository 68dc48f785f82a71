package org.anilexplorer.core.run;

import java.util.Locale;
import org.anilexplorer.core.params.InitScheme;
import org.anilexplorer.core.params.Params;

/**
 * When a run counts as diverged, and why it probably did, in words a user can act on.
 *
 * <p>A run diverges when the magnitude ‖B‖_F² + ‖w‖² ({@code Dynamics.magnitude()}) is non-finite, or exceeds
 * {@link #limit(double)}: 10¹², or 10⁸ times its initial value if that is lower (with the initial value taken as at
 * least 1, so that a tiny initialisation growing to its natural O(k/α) size does not count). Every method's limit
 * set is bounded (at Theorem 1's fixed point ‖B‖_F² ≈ Tr Λ⋆ ≤ k/α), so such growth is never learning.
 */
public final class Divergence {

    /** Absolute ceiling on ‖B‖_F² + ‖w‖². */
    public static final double ABSOLUTE_LIMIT = 1e12;
    /** Growth factor over the initial magnitude that counts as exploding. */
    public static final double GROWTH_LIMIT = 1e8;

    private Divergence() {
    }

    /** The largest magnitude a healthy run may reach, given its magnitude at iteration 0. */
    public static double limit(double initialMagnitude) {
        double base = Double.isFinite(initialMagnitude) ? Math.max(initialMagnitude, 1.0) : 1.0;
        return Math.min(ABSOLUTE_LIMIT, GROWTH_LIMIT * base);
    }

    /** Whether {@code magnitude} means the run has diverged. */
    public static boolean exceeded(double magnitude, double limit) {
        return !(magnitude <= limit); // also true for NaN
    }

    /**
     * The plain-words reason: where it happened, what was seen, and the likely cause with a value to try.
     *
     * @param magnitude the offending ‖B‖²+‖w‖² (non-finite, or above the limit)
     */
    public static String explain(Params p, long iteration, double magnitude, double initialMagnitude) {
        String seen = Double.isFinite(magnitude)
                ? String.format(Locale.ROOT, "‖B‖²+‖w‖² reached %.3g (it was %.3g at the start)", magnitude, initialMagnitude)
                : "‖B‖²+‖w‖² became " + (Double.isNaN(magnitude) ? "NaN" : "infinite");
        return "diverged at iteration " + iteration + ": " + seen + ". Likely cause: " + likelyCause(p) + ".";
    }

    /** Explains a non-finite metric (the state itself stayed finite), e.g. an overflowing training loss. */
    public static String explainMetric(Params p, long iteration, String what) {
        return "diverged at iteration " + iteration + ": " + what + " is not finite. Likely cause: " + likelyCause(p) + ".";
    }

    /**
     * The step that is out of its stable range ({@link StepSizeBounds}), α first (the range of β depends on it), with
     * values in range to try; for meta methods a too large initialisation when the steps are in range.
     */
    static String likelyCause(Params p) {
        StepSizeBounds bounds = StepSizeBounds.of(p);
        double alpha = p.alpha();
        double beta = p.beta();
        boolean meta = p.algorithm().isMetaLearning();
        double alphaOut = meta ? alpha / bounds.alphaMax() : 0;
        if (alphaOut > 1) {
            // Theorem 1 needs α = O(1/σ̃): the inner step's curvature scales with σ̃² (eq. 7). α comes first: the outer
            // step's curvature grows like α², so β's range is judged at the suggested α
            double suggested = roundDown(bounds.alphaMax());
            StepSizeBounds then = StepSizeBounds.of(p.with("alpha", Double.toString(suggested)));
            String andBeta = beta > then.betaMax() ? " and beta ≤ " + fmt(roundDown(then.betaMax())) : "";
            return String.format(Locale.ROOT,
                    "α·σ̃ = %.2g (σ̃² = Tr Σ⋆ + σ² = %.3g): the inner step α is above the stable range; try alpha ≤ %s%s",
                    alpha * Math.sqrt(p.tildeSigma2()), p.tildeSigma2(), fmt(suggested), andBeta);
        }
        if (beta > bounds.betaMax()) {
            return String.format(Locale.ROOT, "the step β = %s is above the stable range β ≤ 1/L = %s, where L ≈ %.3g "
                    + "is the largest eigenvalue of %s (at the start or at the learned state); try beta ≤ %s",
                    fmt(beta), fmt(bounds.betaMax()), bounds.curvature(), bounds.matrix(),
                    fmt(roundDown(bounds.betaMax())));
        }
        if (meta && p.init() == InitScheme.GAUSSIAN && p.mIn().finite()) {
            // E‖B₀‖² ≈ s²(1 + √(k'/d))²; Theorem 1 asks ‖B₀‖² = O(1/(α m_in))
            double spread = Math.pow(1 + Math.sqrt((double) p.kPrime() / p.d()), 2);
            double size = alpha * p.mIn().value() * p.initScale() * p.initScale() * spread;
            if (size > 10) {
                return String.format(Locale.ROOT,
                        "the initial representation is large (α·m_in·‖B₀‖² ≈ %.3g; Theorem 1 assumes O(1)); try init_scale ≤ %s",
                        size, fmt(roundDown(1.0 / Math.sqrt(alpha * p.mIn().value() * spread))));
            }
        }
        // both steps look in range: the estimate of L was too optimistic for this run; halve the step
        return String.format(Locale.ROOT, "the step β = %s is close to the stable range (estimated β ≤ %s); try "
                + "beta ≤ %s", fmt(beta), fmt(bounds.betaMax()), fmt(roundDown(Math.min(beta, bounds.betaMax()) / 2)));
    }

    /** Rounds down to two significant digits, so a suggested bound is on the safe side and readable. */
    static double roundDown(double x) {
        if (!(x > 0) || !Double.isFinite(x)) {
            return x;
        }
        double scale = Math.pow(10, Math.floor(Math.log10(x)) - 1);
        return Math.floor(x / scale) * scale;
    }

    private static String fmt(double x) {
        if (x == Math.rint(x) && Math.abs(x) >= 1 && Math.abs(x) < 1e7) {
            return Long.toString((long) x);
        }
        String s = String.format(Locale.ROOT, "%.3g", x);
        if (s.contains("e")) {
            return s;
        }
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "");
            s = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        }
        return s;
    }
}
