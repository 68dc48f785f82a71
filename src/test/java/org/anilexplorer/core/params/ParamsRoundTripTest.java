package org.anilexplorer.core.params;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@code defaults().withAll(p.toMap())} rebuilds p exactly, for hand-picked and random parameter sets. */
class ParamsRoundTripTest {

    @Test
    void handPickedSets() {
        List<Params> sets = List.of(
                Params.defaults(),
                Params.defaults().withAll(Map.of("tasks", "inf", "m_in", "inf", "m_out", "inf", "task_cov", "0.5,1,1.5",
                        "task_mean", "1,-0.5,0.25", "alpha", "1e-7", "beta", "3.3333333333333335", "init", "orthonormal")),
                Params.defaults().withAll(Map.of("algorithm", "burer-monteiro", "bm_heads", "per-task", "d", "2000",
                        "k", "1999", "k_prime", "1", "seed", "9223372036854775743", "m_test", "1,100000", "sigma2", "0")),
                Params.defaults().withAll(Map.of("algorithm", "maml", "fresh_tasks", "true", "update_head_outer", "false",
                        "w0_scale", "0.01", "init_scale", "123.456", "iterations", "1000000000", "seeds", "64",
                        "task_cov", "identity", "test_tasks", "1000000", "gd_steps", "1000")));
        for (Params p : sets) {
            assertEquals(p, Params.defaults().withAll(p.toMap()));
            assertEquals(p.toMap(), Params.defaults().withAll(p.toMap()).toMap());
        }
    }

    @Test
    void randomSets() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int trial = 0; trial < 200; trial++) {
            int d = 2 + rng.nextInt(200);
            int k = 1 + rng.nextInt(d - 1);
            StringBuilder cov = new StringBuilder();
            StringBuilder mean = new StringBuilder();
            for (int j = 0; j < k; j++) {
                cov.append(j == 0 ? "" : ",").append(Math.exp(rng.nextGaussian()));
                mean.append(j == 0 ? "" : ",").append(rng.nextGaussian());
            }
            Params p = Params.defaults().withAll(Map.of(
                    "d", Integer.toString(d), "k", Integer.toString(k), "k_prime", Integer.toString(k + rng.nextInt(d - k + 1)),
                    "alpha", Double.toString(Math.exp(-5 * rng.nextDouble())),
                    "beta", Double.toString(rng.nextDouble() * 0.3 + 1e-9),
                    "sigma2", Double.toString(rng.nextDouble() * 4),
                    "task_cov", rng.nextBoolean() ? cov.toString() : "linear",
                    "task_mean", rng.nextBoolean() ? mean.toString() : "",
                    "tasks", rng.nextBoolean() ? "inf" : Integer.toString(1 + rng.nextInt(1_000_000)),
                    "m_in", Integer.toString(1 + rng.nextInt(100))));
            assertEquals(p, Params.defaults().withAll(p.toMap()), p.toMap().toString());
        }
    }
}
