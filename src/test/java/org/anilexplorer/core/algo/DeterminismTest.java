package org.anilexplorer.core.algo;

import static org.anilexplorer.core.algo.Numerics.params;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.problem.GroundTruth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Same params and seed ⇒ bit-identical iterates, for any thread count; every method starts from the same θ₀. */
class DeterminismTest {

    private static final long SEED = 3;

    private static Params p(String algorithm, String mIn, String mOut, String fresh, int kp) {
        return params("algorithm", algorithm, "d", "16", "k", "3", "k_prime", Integer.toString(kp), "m_in", mIn,
                "m_out", mOut, "tasks", "301", "fresh_tasks", fresh, "alpha", "0.1", "beta", "0.1", "sigma2", "1",
                "w0_scale", "0.3");
    }

    private static double[][] run(Params p, int threads, int steps) {
        try (Dynamics dyn = FiniteTasks.create(p, GroundTruth.sample(p, SEED), SEED, threads)) {
            for (int t = 0; t < steps; t++) {
                dyn.step();
            }
            return new double[][] {dyn.state().b().data, dyn.state().w(), {dyn.trainingLoss(), dyn.magnitude()}};
        }
    }

    @ParameterizedTest(name = "{0} m_in={1} m_out={2} fresh={3} k''={4}")
    @CsvSource({"fo-anil, 20, 10, false, 16", "fo-anil, 20, 10, false, 4", "fo-anil, 20, 10, true, 16",
        "fo-anil, inf, inf, false, 16", "fo-anil, inf, inf, true, 8", "fo-anil, 20, inf, false, 16",
        "fo-maml, 20, 10, false, 16", "anil, 20, 10, false, 5", "maml, 20, 10, true, 16", "maml, inf, inf, false, 16",
        "burer-monteiro, 20, 10, false, 16", "average-loss, 20, 10, true, 16"})
    void bitIdenticalForAnyThreadCountAndRepeatedRuns(String algorithm, String mIn, String mOut, String fresh, int kp) {
        Params p = p(algorithm, mIn, mOut, fresh, kp);
        double[][] one = run(p, 1, 3);
        double[][] again = run(p, 1, 3);
        double[][] two = run(p, 2, 3);
        double[][] three = run(p, 3, 3);
        for (int i = 0; i < one.length; i++) {
            assertArrayEquals(one[i], again[i], "repeated run");
            assertArrayEquals(one[i], two[i], "2 threads");
            assertArrayEquals(one[i], three[i], "3 threads");
        }
        assertFalse(Arrays.equals(one[0], run(p, 1, 0)[0]), "the steps moved B");
    }

    /** Fair comparison: every method run with the same seed starts from the same B₀ (and w₀ where it has one). */
    @Test
    void everyMethodStartsFromTheSameInitialisation() {
        Params base = p("fo-anil", "20", "10", "false", 16);
        GroundTruth truth = GroundTruth.sample(base, SEED);
        double[] b0 = null;
        double[] w0 = null;
        for (String a : new String[] {"fo-anil", "fo-maml", "anil", "maml", "burer-monteiro", "average-loss"}) {
            try (Dynamics dyn = FiniteTasks.create(base.with("algorithm", a), truth, SEED, 1)) {
                assertEquals(0, dyn.iteration());
                if (b0 == null) {
                    b0 = dyn.state().b().data;
                    w0 = dyn.state().w();
                }
                assertArrayEquals(b0, dyn.state().b().data, a);
                if (!a.equals("burer-monteiro")) {
                    assertArrayEquals(w0, dyn.state().w(), a);
                }
            }
        }
    }
}
