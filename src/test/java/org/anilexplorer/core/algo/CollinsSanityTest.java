package org.anilexplorer.core.algo;

import static org.anilexplorer.core.algo.Numerics.params;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.anilexplorer.core.metrics.Metrics;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.problem.GroundTruth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * docs/math.md §9, I14 (Collins et al. sanity): d = 20, k = k' = n = 3, α = β = 0.1, Σ⋆ = I (μ = 1), infinite samples,
 * a fresh batch of n tasks per round, B₀ = α^(-1/2)·orth, w ≡ 0. Reference runs: dist(B_t, B⋆) falls from ≈ 1 to
 * 0.17 at t = 500 and 1e-3 at t = 1000 for all four meta methods, while average-loss minimisation stays at ≈ 0.999.
 */
class CollinsSanityTest {

    private static Params collins(String algorithm) {
        return params("algorithm", algorithm, "d", "20", "k", "3", "k_prime", "3", "tasks", "3", "fresh_tasks", "true",
                "m_in", "inf", "m_out", "inf", "alpha", "0.1", "beta", "0.1", "task_cov", "identity", "init",
                "orthonormal", "init_scale", "1", "w0_scale", "0", "update_head_outer", "false");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fo-anil", "anil", "fo-maml", "maml"})
    void metaMethodsRecoverTheSubspaceExponentially(String algorithm) {
        Params p = collins(algorithm);
        long seed = 1;
        try (Dynamics dyn = FiniteTasks.create(p, GroundTruth.sample(p, seed), seed, 1)) {
            double d0 = Metrics.distance(dyn.state().b(), dyn.truth());
            for (int t = 0; t < 500; t++) {
                dyn.step();
            }
            double d500 = Metrics.distance(dyn.state().b(), dyn.truth());
            for (int t = 0; t < 500; t++) {
                dyn.step();
            }
            double d1000 = Metrics.distance(dyn.state().b(), dyn.truth());
            assertTrue(d0 > 0.9, "random start is far: " + d0);
            assertTrue(d500 < 0.5, "dist(500) = " + d500);
            assertTrue(d1000 < 1e-2 && d1000 > 1e-4, "dist(1000) = " + d1000 + ", reference runs give ≈ 1e-3");
            assertTrue(d1000 < d500 * d500, "exponential: dist(1000) = " + d1000 + ", dist(500) = " + d500);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"average-loss"})
    void averageLossDoesNotLearnTheSubspace(String algorithm) {
        Params p = collins(algorithm);
        long seed = 1;
        try (Dynamics dyn = FiniteTasks.create(p, GroundTruth.sample(p, seed), seed, 1)) {
            double d0 = Metrics.distance(dyn.state().b(), dyn.truth());
            for (int t = 0; t < 1000; t++) {
                dyn.step();
            }
            double d1000 = Metrics.distance(dyn.state().b(), dyn.truth());
            assertTrue(d1000 > 0.9 && Math.abs(d1000 - d0) < 1e-9, "dist stays at " + d0 + ", got " + d1000);
        }
    }
}
