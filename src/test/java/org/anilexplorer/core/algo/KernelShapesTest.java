package org.anilexplorer.core.algo;

import static org.anilexplorer.core.algo.Numerics.params;
import static org.anilexplorer.core.algo.Numerics.relativeError;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.problem.GroundTruth;
import org.anilexplorer.core.problem.TaskPool;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every finite-task kernel (the four one-step meta-learning methods on both algebraic paths, Burer–Monteiro, the
 * average loss) against gradients written task by task from the formulas, at shapes that hit the kernels' edges:
 * k' not a multiple of four, k' = 1, m_in = m_out = 1, N = 1, N not a multiple of the chunk count, and tasks with
 * more rows than a worker's row buffer holds (several copies per task, a last block that is not a multiple of four).
 * Two threads, after two steps (so heads and w are away from their start).
 */
class KernelShapesTest {

    private static final long SEED = 3;

    /** d, k, k', m_in, m_out, N. */
    private static final int[][] SHAPES = {
        {13, 3, 7, 5, 3, 37},
        {9, 2, 1, 4, 2, 20},
        {11, 2, 6, 1, 1, 19},
        {8, 2, 5, 3, 2, 1},
        {300, 2, 7, 30, 29, 3},
    };

    static Stream<Arguments> cases() {
        List<Arguments> list = new ArrayList<>();
        for (int[] s : SHAPES) {
            for (String a : new String[] {"fo-anil", "fo-maml", "anil", "maml", "burer-monteiro", "average-loss"}) {
                list.add(Arguments.of(a, s[0], s[1], s[2], s[3], s[4], s[5]));
            }
        }
        return list.stream();
    }

    private static Params shape(String algorithm, int d, int k, int kp, int mIn, int mOut, int n) {
        return params("algorithm", algorithm, "d", Integer.toString(d), "k", Integer.toString(k), "k_prime",
                Integer.toString(kp), "m_in", Integer.toString(mIn), "m_out", Integer.toString(mOut), "tasks",
                Integer.toString(n), "alpha", "0.05", "beta", "0.05", "sigma2", "0.5", "w0_scale", "0.8");
    }

    @ParameterizedTest(name = "{0} d={1} k''={3} m_in={4} m_out={5} N={6}")
    @MethodSource("cases")
    void gradientMatchesTheTaskByTaskFormula(String algorithm, int d, int k, int kp, int mIn, int mOut, int n) {
        Params p = shape(algorithm, d, k, kp, mIn, mOut, n);
        GroundTruth truth = GroundTruth.sample(p, SEED);
        TaskPool pool = TaskPool.fixed(p, truth, SEED);
        switch (algorithm) {
            case "burer-monteiro" -> burerMonteiro(p, truth, pool);
            case "average-loss" -> averageLoss(p, truth, pool);
            default -> {
                for (boolean lowRank : new boolean[] {false, true}) {
                    meta(p, truth, pool, lowRank);
                }
            }
        }
    }

    private static void meta(Params p, GroundTruth truth, TaskPool pool, boolean lowRank) {
        try (FiniteMetaLearning dyn = new FiniteMetaLearning(p, truth, SEED, 2, lowRank)) {
            dyn.step();
            dyn.step();
            DMatrixRMaj b = dyn.state().b();
            DMatrixRMaj w = new DMatrixRMaj(p.kPrime(), 1, true, dyn.state().w());
            PerTaskReference.Gradient expected = PerTaskReference.metaGradient(p, pool, b, w);
            dyn.computeGradient();
            assertClose(expected.b().data, dyn.gradB().data, "∇_B, lowRank " + lowRank);
            assertClose(expected.w().data, dyn.gradW(), "∇_w, lowRank " + lowRank);
        }
    }

    private static void averageLoss(Params p, GroundTruth truth, TaskPool pool) {
        try (AverageLoss dyn = new AverageLoss(p, truth, SEED, 2)) {
            dyn.step();
            dyn.step();
            DMatrixRMaj b = dyn.state().b();
            DMatrixRMaj w = new DMatrixRMaj(p.kPrime(), 1, true, dyn.state().w());
            DMatrixRMaj prediction = new DMatrixRMaj(p.d(), 1);
            CommonOps_DDRM.mult(b, w, prediction);
            // ∇_B = r̄ wᵀ, ∇_w = Bᵀ r̄, r̄ = (1/N) Σ (Σ̂_i B w − b_i) over all samples of each task
            DMatrixRMaj mean = new DMatrixRMaj(p.d(), 1);
            for (int i = 0; i < pool.size(); i++) {
                CommonOps_DDRM.addEquals(mean, residual(PerTaskReference.all(pool, i), prediction));
            }
            CommonOps_DDRM.divide(mean, pool.size());
            DMatrixRMaj gradB = new DMatrixRMaj(p.d(), p.kPrime());
            CommonOps_DDRM.multTransB(mean, w, gradB);
            DMatrixRMaj gradW = new DMatrixRMaj(p.kPrime(), 1);
            CommonOps_DDRM.multTransA(b, mean, gradW);
            dyn.computeGradient();
            assertClose(gradB.data, dyn.gradB().data, "∇_B");
            assertClose(gradW.data, dyn.gradW(), "∇_w");
        }
    }

    private static void burerMonteiro(Params p, GroundTruth truth, TaskPool pool) {
        try (BurerMonteiro dyn = new BurerMonteiro(p, truth, SEED, 2)) {
            dyn.step();
            dyn.step();
            DMatrixRMaj b = dyn.b().copy();
            double[] heads = dyn.heads().clone();
            int kp = p.kPrime();
            int n = pool.size();
            // ∇_B = (1/N) Σ r_i W⁽ⁱ⁾ᵀ, ∇_W⁽ⁱ⁾ = (1/N) Bᵀ r_i, r_i = Σ̂_i B W⁽ⁱ⁾ − b_i
            DMatrixRMaj gradB = new DMatrixRMaj(p.d(), kp);
            double[] gradHeads = new double[heads.length];
            for (int i = 0; i < n; i++) {
                DMatrixRMaj wi = new DMatrixRMaj(kp, 1);
                System.arraycopy(heads, i * kp, wi.data, 0, kp);
                DMatrixRMaj prediction = new DMatrixRMaj(p.d(), 1);
                CommonOps_DDRM.mult(b, wi, prediction);
                DMatrixRMaj r = residual(PerTaskReference.all(pool, i), prediction);
                DMatrixRMaj term = new DMatrixRMaj(p.d(), kp);
                CommonOps_DDRM.multTransB(r, wi, term);
                CommonOps_DDRM.addEquals(gradB, 1.0 / n, term);
                DMatrixRMaj gw = new DMatrixRMaj(kp, 1);
                CommonOps_DDRM.multTransA(b, r, gw);
                for (int j = 0; j < kp; j++) {
                    gradHeads[i * kp + j] = gw.get(j) / n;
                }
            }
            double[] actualHeads = new double[heads.length];
            dyn.computeGradient(actualHeads);
            assertClose(gradB.data, dyn.gradB().data, "∇_B");
            assertClose(gradHeads, actualHeads, "∇_W");
        }
    }

    /** Σ̂ x − b of one task's data. */
    private static DMatrixRMaj residual(PerTaskReference.Data data, DMatrixRMaj x) {
        DMatrixRMaj r = new DMatrixRMaj(x.numRows, 1);
        CommonOps_DDRM.mult(data.cov(), x, r);
        CommonOps_DDRM.subtractEquals(r, data.rhs());
        return r;
    }

    private static void assertClose(double[] expected, double[] actual, String what) {
        double err = relativeError(actual, expected);
        assertTrue(err <= 1e-12, what + ": relative error " + err);
    }
}
