package org.anilexplorer.core.algo;

import org.anilexplorer.core.problem.Initialization;
import static org.anilexplorer.core.algo.Numerics.centralDifferences;
import static org.anilexplorer.core.algo.Numerics.params;
import static org.anilexplorer.core.algo.Numerics.relativeError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.problem.GroundTruth;
import org.anilexplorer.core.problem.Initialization;
import org.anilexplorer.core.problem.TaskPool;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Burer–Monteiro (docs/math.md §3.8, eq. (12)) and the average-loss baseline (§3.9): gradients by finite differences, steps. */
class BaselineMethodsTest {

    private static final long SEED = 5;

    private static Params small(String algorithm, String m) {
        boolean finite = !m.equals("inf");
        return params("algorithm", algorithm, "d", "7", "k", "2", "k_prime", "5", "m_in", finite ? "4" : "inf",
                "m_out", finite ? m : "inf", "tasks", "23", "alpha", "0.3", "beta", "0.4", "sigma2", "0.3",
                "task_mean", "0.5, -0.2", "w0_scale", "1.1", "init_scale", "1.3");
    }

    /** ∇ of F(B, W) = (1/N) Σ L̂_i(B W⁽ⁱ⁾) over all m samples (eq. (12)) by central differences. */
    @ParameterizedTest
    @ValueSource(strings = {"3", "inf"})
    void burerMonteiroGradientMatchesFiniteDifferences(String m) {
        Params p = small("burer-monteiro", m);
        GroundTruth truth = GroundTruth.sample(p, SEED);
        TaskPool pool = TaskPool.fixed(p, truth, SEED);
        try (BurerMonteiro bm = new BurerMonteiro(p, truth, SEED, 2)) {
            bm.step();
            bm.step(); // heads are non-zero from here on
            DMatrixRMaj b = bm.b().copy();
            double[] heads = bm.heads().clone();
            double[] gradHeads = new double[heads.length];
            bm.computeGradient(gradHeads);
            double[] fdB = centralDifferences(b.data, x -> PerTaskReference.burerMonteiroObjective(p, pool, b, heads), 1e-6);
            double[] fdW = centralDifferences(heads, x -> PerTaskReference.burerMonteiroObjective(p, pool, b, heads), 1e-6);
            assertTrue(relativeError(bm.gradB().data, fdB) <= 1e-8, "∇_B " + relativeError(bm.gradB().data, fdB));
            assertTrue(relativeError(gradHeads, fdW) <= 1e-8, "∇_W " + relativeError(gradHeads, fdW));
            double f = PerTaskReference.burerMonteiroObjective(p, pool, b, heads);
            assertEquals(f, bm.trainingLoss(), 1e-12 * f);
            assertArrayEquals(new double[5], bm.state().w(), "no shared head");
        }
    }

    /**
     * One step: B ← B − β ∇_B F; heads ← W − β ∇_W F (averaged, plain GD on (12)) or W − β N ∇_W F (per-task: each
     * head steps on its own task loss). W₀ = 0 and B₀ is the run's shared initialisation.
     */
    @ParameterizedTest
    @CsvSource({"averaged, 3", "per-task, 3", "averaged, inf", "per-task, inf"})
    void burerMonteiroStepsWithOneStepSize(String headStep, String m) {
        Params p = small("burer-monteiro", m).with("bm_heads", headStep);
        GroundTruth truth = GroundTruth.sample(p, SEED);
        try (BurerMonteiro bm = new BurerMonteiro(p, truth, SEED, 1)) {
            assertEquals(0, relativeError(bm.b(), Initialization.sample(p, SEED).b0()));
            assertArrayEquals(new double[23 * 5], bm.heads());
            bm.step();
            for (int t = 0; t < 3; t++) {
                DMatrixRMaj b = bm.b().copy();
                double[] heads = bm.heads().clone();
                double[] gradHeads = new double[heads.length];
                bm.computeGradient(gradHeads);
                DMatrixRMaj expectedB = b.copy();
                CommonOps_DDRM.addEquals(expectedB, -p.beta(), bm.gradB());
                double headScale = headStep.equals("averaged") ? 1.0 : 23;
                double[] expectedHeads = heads.clone();
                double norms = 0;
                for (int j = 0; j < heads.length; j++) {
                    expectedHeads[j] -= p.beta() * headScale * gradHeads[j];
                    norms += expectedHeads[j] * expectedHeads[j];
                }
                bm.step();
                assertTrue(relativeError(bm.b(), expectedB) <= 1e-14);
                assertTrue(relativeError(bm.heads(), expectedHeads) <= 1e-14);
                double magnitude = CommonOps_DDRM.elementSum(FiniteMetaLearningTest.elementSquares(bm.b())) + norms;
                assertEquals(magnitude, bm.magnitude(), 1e-13 * magnitude);
            }
        }
    }

    /** ∇ of the average loss (1/N) Σ L̂_i(B w) over all m samples by central differences; the step descends it. */
    @ParameterizedTest
    @ValueSource(strings = {"3", "inf"})
    void averageLossGradientMatchesFiniteDifferences(String m) {
        Params p = small("average-loss", m);
        GroundTruth truth = GroundTruth.sample(p, SEED);
        TaskPool pool = TaskPool.fixed(p, truth, SEED);
        try (AverageLoss avg = new AverageLoss(p, truth, SEED, 2)) {
            for (int t = 0; t < 3; t++) {
                DMatrixRMaj b = avg.state().b();
                DMatrixRMaj w = new DMatrixRMaj(5, 1, true, avg.state().w());
                avg.computeGradient();
                double[] fdB = centralDifferences(b.data, x -> PerTaskReference.averageLoss(p, pool, b, w), 1e-6);
                double[] fdW = centralDifferences(w.data, x -> PerTaskReference.averageLoss(p, pool, b, w), 1e-6);
                assertTrue(relativeError(avg.gradB().data, fdB) <= 1e-8);
                assertTrue(relativeError(avg.gradW(), fdW) <= 1e-8);
                double f = PerTaskReference.averageLoss(p, pool, b, w);
                assertEquals(f, avg.trainingLoss(), 1e-12 * f);
                DMatrixRMaj expectedB = b.copy();
                CommonOps_DDRM.addEquals(expectedB, -p.beta(), avg.gradB());
                avg.step();
                assertTrue(relativeError(avg.state().b(), expectedB) <= 1e-14);
            }
        }
    }

    /** With update_head_outer = false the shared head stays at w₀; with fresh tasks each step sees batch t. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void averageLossFrozenHeadAndFreshBatches(boolean fresh) {
        Params p = small("average-loss", "3").with("update_head_outer", "false").with("fresh_tasks", Boolean.toString(fresh));
        GroundTruth truth = GroundTruth.sample(p, SEED);
        try (AverageLoss avg = new AverageLoss(p, truth, SEED, 2)) {
            double[] w0 = avg.state().w();
            for (int t = 0; t < 3; t++) {
                TaskPool batch;
                if (fresh) {
                    batch = TaskPool.allocate(p, 23);
                    SplittableRandom[] streams = TaskPool.freshStreams(SEED, t, 23);
                    for (int g = 0; g < streams.length; g++) {
                        batch.drawFreshGroup(g, truth, streams[g]);
                    }
                } else {
                    batch = TaskPool.fixed(p, truth, SEED);
                }
                DMatrixRMaj w = new DMatrixRMaj(5, 1, true, avg.state().w());
                double f = PerTaskReference.averageLoss(p, batch, avg.state().b(), w);
                assertEquals(f, avg.trainingLoss(), 1e-12 * f);
                avg.step();
                assertArrayEquals(w0, avg.state().w());
            }
        }
    }
}
