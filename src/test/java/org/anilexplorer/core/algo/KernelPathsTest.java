package org.anilexplorer.core.algo;

import static org.anilexplorer.core.algo.Numerics.params;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.Optional;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.problem.GroundTruth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Vector-API kernels and the plain-Java ones give the same bits (docs/decisions/0041-vector-kernels.md): every
 * finite-task method is run on the same problem with each, in one JVM, and B, w, the heads, the training loss and
 * the magnitude must be identical after several steps. The sizes leave remainders everywhere: d and k' that fill no
 * vector, row counts that are not multiples of four, a last group of tasks short of a full one, the narrow (low-rank)
 * path and the wide one, fresh batches and infinite samples.
 */
class KernelPathsTest {

    private static final long SEED = 5;

    /** Surefire starts the JVM with the module (pom.xml), so the vector path is what the other tests run. */
    @Test
    void theTestsRunTheVectorKernels() {
        assumeTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
                "started without --add-modules jdk.incubator.vector");
        assertEquals("vector", Kernels.preferred().name());
        assertEquals("vector", FiniteTasks.kernelPath());
    }

    @ParameterizedTest(name = "{0} d={1} k''={2} m_in={3} m_out={4} N={5} fresh={6}")
    @CsvSource({"fo-anil, 50, 50, 20, 10, 70, false", "fo-anil, 23, 7, 13, 6, 37, false",
        "fo-anil, 23, 21, 13, 6, 37, true", "fo-anil, 9, 9, 20, inf, 19, false",
        "fo-maml, 50, 50, 20, 10, 70, false", "fo-maml, 23, 7, 5, 3, 37, true",
        "anil, 50, 50, 20, 10, 70, false", "anil, 23, 7, 13, 6, 37, false", "anil, 6, 5, inf, inf, 18, false",
        "maml, 50, 50, 20, 10, 70, false", "maml, 23, 7, 13, 6, 37, true", "maml, 23, 21, 1, 2, 17, false",
        "burer-monteiro, 50, 50, 20, 10, 70, false", "burer-monteiro, 23, 7, 13, 6, 37, false",
        "average-loss, 50, 50, 20, 10, 70, false", "average-loss, 23, 7, 13, 6, 37, true"})
    void vectorAndScalarKernelsGiveTheSameBits(String algorithm, int d, int kp, String mIn, String mOut, int n,
                                               boolean fresh) {
        Optional<Kernels> vector = Kernels.vector();
        assumeTrue(vector.isPresent(), "started without --add-modules jdk.incubator.vector");
        Params p = params("algorithm", algorithm, "d", Integer.toString(d), "k", "3", "k_prime", Integer.toString(kp),
                "m_in", mIn, "m_out", mOut, "tasks", Integer.toString(n), "fresh_tasks", Boolean.toString(fresh),
                "alpha", "0.1", "beta", "0.1", "sigma2", "1", "w0_scale", "0.3");
        double[][] scalar = run(p, Kernels.scalar());
        double[][] vec = run(p, vector.get());
        for (int i = 0; i < scalar.length; i++) {
            assertArrayEquals(scalar[i], vec[i], "part " + i + " (B, w or heads, loss and magnitude)");
        }
        assertFalse(Arrays.equals(scalar[0], run(p, Kernels.scalar(), 0)[0]), "the steps moved B");
    }

    private static double[][] run(Params p, Kernels kernels) {
        return run(p, kernels, 4);
    }

    private static double[][] run(Params p, Kernels kernels, int steps) {
        GroundTruth truth = GroundTruth.sample(p, SEED);
        try (ChunkedDynamics dyn = create(p, truth, kernels)) {
            for (int t = 0; t < steps; t++) {
                dyn.step();
            }
            double[] heads = dyn instanceof BurerMonteiro bm ? bm.heads().clone() : new double[0];
            return new double[][] {dyn.state().b().data, dyn.state().w(), heads,
                {dyn.trainingLoss(), dyn.magnitude()}};
        }
    }

    private static ChunkedDynamics create(Params p, GroundTruth truth, Kernels kernels) {
        return switch (p.algorithm()) {
            case BURER_MONTEIRO -> new BurerMonteiro(p, truth, SEED, 2, kernels);
            case AVERAGE_LOSS -> new AverageLoss(p, truth, SEED, 2, kernels);
            default -> new FiniteMetaLearning(p, truth, SEED, 2, 3 * p.kPrime() < 2 * p.d(), kernels);
        };
    }
}
