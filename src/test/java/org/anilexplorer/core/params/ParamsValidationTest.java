package org.anilexplorer.core.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every refusal names the field and the allowed range; warnings flag what Theorem 1 does not cover. */
class ParamsValidationTest {

    private static final Params BASE = Params.defaults();

    private static ParamException refusedByWith(String key, String value) {
        return assertThrows(ParamException.class, () -> BASE.with(key, value), key + "=" + value);
    }

    private static ParamException refusedByValidate(Map<String, String> settings) {
        Params p = BASE.withAll(settings);
        return assertThrows(ParamException.class, p::validate, settings.toString());
    }

    @Test
    void fieldValuesOutsideTheirRange() {
        record Case(String key, String value, String message) {
        }
        List<Case> cases = List.of(
                new Case("d", "1", "d: must be an integer in [2, 2000], got '1'"),
                new Case("d", "20.5", "d: must be an integer in [2, 2000], got '20.5'"),
                new Case("k_prime", "0", "k_prime: must be an integer in [1, d], got '0'"),
                new Case("k", "0", "k: must be an integer in [1, d−1], got '0'"),
                new Case("alpha", "0", "alpha: must be a number in [10^-9, 100], got '0'"),
                new Case("alpha", "-0.1", "alpha: must be a number in [10^-9, 100], got '-0.1'"),
                new Case("alpha", "NaN", "alpha: must be a number in [10^-9, 100], got 'NaN'"),
                new Case("beta", "Infinity", "beta: must be a number in [10^-9, 1000], got 'Infinity'"),
                new Case("beta", "fast", "beta: must be a number in [10^-9, 1000], got 'fast'"),
                new Case("sigma2", "-1", "sigma2: must be a number in [0, 10^4], got '-1'"),
                new Case("tasks", "0", "tasks: must be an integer in [1, 10^6] or inf, got '0'"),
                new Case("tasks", "2000000", "tasks: must be an integer in [1, 10^6] or inf, got '2000000'"),
                new Case("m_in", "0", "m_in: must be an integer in [1, 10^5] or inf, got '0'"),
                new Case("m_out", "-3", "m_out: must be an integer in [1, 10^5] or inf, got '-3'"),
                new Case("iterations", "0", "iterations: must be an integer in [1, 10^9], got '0'"),
                new Case("seeds", "65", "seeds: must be an integer in [1, 64], got '65'"),
                new Case("seed", "-1", "seed: must be an integer in [0, 9223372036854775743], got '-1'"),
                new Case("m_test", "", "m_test: must be a list of integers in [1, 10^5], got ''"),
                new Case("m_test", "20,0", "m_test: must be a list of integers in [1, 10^5], got '20,0'"),
                new Case("fresh_tasks", "maybe", "fresh_tasks: must be true or false, got 'maybe'"),
                new Case("init", "uniform", "init: must be gaussian or orthonormal, got 'uniform'"),
                new Case("algorithm", "reptile", "algorithm: must be one of fo-anil, fo-maml, anil, maml, burer-monteiro, average-loss, got 'reptile'"),
                new Case("task_cov", "flat", "task_cov: must be identity, linear, or k numbers in [10^-4, 10^4], got 'flat'"),
                new Case("task_mean", "1,x", "task_mean: must be empty or k numbers in [-10^4, 10^4], got '1,x'"),
                new Case("alpha", "1e308", "alpha: must be a number in [10^-9, 100], got '1e308'"),
                new Case("task_cov", "1,-1,2", "task_cov: must be identity, linear, or k numbers in [10^-4, 10^4], got '1,-1,2'"),
                new Case("m_test", "100001", "m_test: must be a list of integers in [1, 10^5], got '100001'"),
                new Case("seed", "9223372036854775807", "seed: must be an integer in [0, 9223372036854775743], got '9223372036854775807'"),
                new Case("init_scale", "-2", "init_scale: must be a number in [0, 1000], got '-2'"));
        for (Case c : cases) {
            ParamException e = refusedByWith(c.key(), c.value());
            assertEquals(c.message(), e.getMessage());
            assertEquals(c.key(), e.field());
        }
    }

    @Test
    void unknownKeyListsTheKnownOnes() {
        ParamException e = refusedByWith("alpah", "0.1");
        assertEquals("alpah", e.field());
        assertTrue(e.getMessage().startsWith("alpah: unknown parameter; known parameters are algorithm, d, k, k_prime"),
                e.getMessage());
        assertThrows(ParamException.class, () -> BASE.with("alpha", null));
    }

    @Test
    void crossFieldRefusals() {
        assertEquals("k: must be in [1, d-1] = [1, 19], got 20", refusedByValidate(Map.of("k", "20")).getMessage());
        assertEquals("k: must be in [1, d-1] = [1, 9], got 30", refusedByValidate(Map.of("d", "10", "k", "30")).getMessage());
        assertEquals("k_prime: must be in [1, d] = [1, 20], got 21", refusedByValidate(Map.of("k_prime", "21")).getMessage());
        assertEquals("task_cov: needs k = 3 values, got 2", refusedByValidate(Map.of("task_cov", "1,2")).getMessage());
        assertEquals("task_mean: needs k = 3 values (or none for 0), got 4",
                refusedByValidate(Map.of("task_mean", "1,2,3,4")).getMessage());
    }

    @Test
    void unsupportedCombinations() {
        assertEquals("fresh_tasks: cannot be true with tasks = inf (the expectation has no batches)",
                refusedByValidate(Map.of("tasks", "inf", "fresh_tasks", "true")).getMessage());
        for (String algorithm : new String[] {"fo-maml", "anil", "maml", "average-loss"}) {
            ParamException e = refusedByValidate(Map.of("algorithm", algorithm, "tasks", "inf"));
            assertEquals("tasks", e.field());
            assertTrue(e.getMessage().contains(algorithm + " is defined for finite N only"), e.getMessage());
        }
        assertEquals("tasks", refusedByValidate(Map.of("algorithm", "burer-monteiro", "tasks", "inf")).field());
        assertEquals("fresh_tasks",
                refusedByValidate(Map.of("algorithm", "burer-monteiro", "fresh_tasks", "true")).field());
        assertEquals("m_out", refusedByValidate(Map.of("algorithm", "burer-monteiro", "m_in", "inf")).field());
        assertEquals("m_out", refusedByValidate(Map.of("algorithm", "maml", "m_in", "inf")).field());
        // FO-ANIL accepts m_in = inf with finite m_out (the population inner step)
        BASE.withAll(Map.of("m_in", "inf")).validate();
    }

    @Test
    void warningsForTheoremOneConditions() {
        assertEquals(List.of(), BASE.validate(), "the defaults are inside Theorem 1's conditions");
        List<String> w = BASE.with("beta", "0.2").validate();
        assertEquals(List.of("beta > alpha: Theorem 1 assumes β ≤ α."), w);
        assertEquals(List.of(), BASE.withAll(Map.of("algorithm", "burer-monteiro", "beta", "0.5")).validate(),
                "β > α is no concern for plain gradient descent");
        // default linear Σ⋆, k = 3: s_j = √3·j/√14, Tr Σ⋆ = 6√3/√14 ≈ 2.78, σ̃ ≈ 1.94, so α·σ̃ > 1 for α = 1
        assertTrue(BASE.withAll(Map.of("alpha", "1", "beta", "1")).validate().stream()
                .anyMatch(s -> s.startsWith("alpha = 1 is large: Theorem 1 needs α = O(1/σ̃)")));
        // E‖B₀‖² ≈ s²(1+√(k'/d))² = 4·4 = 16 for s = 2, k' = d: α·m_in·16 = 0.1·20·16 = 32 > 10
        List<String> big = BASE.with("init_scale", "2").validate();
        assertEquals(1, big.size(), big.toString());
        assertTrue(big.get(0).startsWith("init_scale is large for Theorem 1: α·m_in·‖B₀‖² ≈ 32.0"), big.get(0));
    }
}
