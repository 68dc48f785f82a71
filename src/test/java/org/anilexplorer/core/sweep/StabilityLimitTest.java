package org.anilexplorer.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.anilexplorer.core.algo.Dynamics;
import org.anilexplorer.core.algo.DynamicsFactory;
import org.anilexplorer.core.metrics.Metrics;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.theory.LambdaStar;
import org.anilexplorer.core.theory.StabilityLimit;
import org.junit.jupiter.api.Test;

/**
 * The stability limit drawn on phase diagrams, checked against the recursion it is derived from: started close to
 * Λ⋆ (small B₀ already learned) with α just below the limit αβ·max s = 1, infinite-task FO-ANIL settles at Λ⋆;
 * just above it, it does not.
 */
class StabilityLimitTest {

    private static Params params(double margin) {
        Params p = Params.defaults().withAll(Map.of("tasks", "inf", "d", "10", "k", "2", "k_prime", "4",
                "m_in", "20", "sigma2", "0.5", "beta", "0.5", "init_scale", "0.05", "w0_scale", "0",
                "task_cov", "0.6,1.5"));
        double alpha = margin / (0.5 * 1.5);
        return p.with("alpha", Double.toString(alpha));
    }

    @Test
    void marginIsAlphaBetaTimesLargestTaskVariance() {
        Params p = params(0.9);
        assertEquals(0.9, StabilityLimit.margin(p), 1e-12);
        assertEquals(1 / (0.5 * 1.5), StabilityLimit.alphaLimit(p), 1e-12);
    }

    /** The largest eigenvalue of Λ_t relative to that of Λ⋆ after many steps; NaN when the run exploded. */
    private static double finalRatio(double margin, int steps) {
        Params p = params(margin);
        try (Dynamics dyn = DynamicsFactory.create(p, 7, 1)) {
            for (int t = 0; t < steps && Double.isFinite(dyn.magnitude()) && dyn.magnitude() < 1e8; t++) {
                dyn.step();
            }
            if (!(Double.isFinite(dyn.magnitude()) && dyn.magnitude() < 1e8)) {
                return Double.NaN;
            }
            double[] lambda = LambdaStar.eigenvalues(p);
            return Metrics.measure(dyn).sv2StarMax() / lambda[0];
        }
    }

    @Test
    void belowTheLimitTheRunSettlesAtLambdaStarAboveItItDoesNot() {
        double below = finalRatio(0.9, 6000);
        assertEquals(1.0, below, 1e-3, "αβ·max s = 0.9: converges to Λ⋆");
        double above = finalRatio(1.1, 6000);
        assertTrue(Double.isNaN(above) || Math.abs(above - 1) > 0.05,
                "αβ·max s = 1.1: the limit is unstable, got ratio " + above);
    }
}
