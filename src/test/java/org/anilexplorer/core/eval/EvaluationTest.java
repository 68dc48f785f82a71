package org.anilexplorer.core.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.anilexplorer.core.algo.ModelState;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.problem.GroundTruth;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Wiring, fairness and determinism of {@link Evaluation}. */
class EvaluationTest {

    /**
     * Every entry against a plain computation of the same estimators on the same three tasks: textbook GD loops,
     * ridge by direct solves for every grid λ, and λ chosen by the best mean over the tasks. Small sizes cover the
     * kernel path (k' = 6 &gt; m = 4) and the primal path (m = 12 ≥ d = 10 for single-task ridge), down to the
     * smallest sizes (d = 2, k = k' = 1, m_test = 1).
     */
    @ParameterizedTest(name = "d={0}, k={1}, k'={2}, m_test={5}")
    @CsvSource(delimiter = ';', value = {"10; 2; 6; 0.5,1.5; 0.3,-1; 4,12", "2; 1; 1; 0.8; 0.5; 1,3",
            "5; 2; 5; 1,2; 0,0; 5"})
    void matchesAHandComputationOnAFewTasks(int d, int k, int kPrime, String cov, String mean, String mTests) {
        Params p = Params.defaults().withAll(Map.of("d", "" + d, "k", "" + k, "k_prime", "" + kPrime, "sigma2", "0.7",
                "task_cov", cov, "task_mean", mean, "alpha", "0.3", "m_test", mTests, "test_tasks", "3",
                "gd_steps", "3"));
        GroundTruth truth = GroundTruth.sample(p, 21);
        ModelState model = EvalFixtures.randomModel(truth, kPrime, 1.5, 0.5, 2);
        EvaluationReport report = Evaluation.evaluate(model, truth, p, 21);
        int tasks = 3;
        double ridgeScale = largestEigenvalue(model.b());
        for (int m : p.mTest()) {
            double[] oneStep = new double[tasks];
            double[] threeSteps = new double[tasks];
            double[][] ridge = new double[tasks][];
            double[][] oracle = new double[tasks][];
            double[][] single = new double[tasks][];
            for (int t = 0; t < tasks; t++) {
                double[] head = new double[k];
                double[] theta = new double[d];
                double[] x = new double[m * d];
                double[] y = new double[m];
                TestTasks.draw(21, t, truth, m, head, theta, x, y);
                DMatrixRMaj xm = DMatrixRMaj.wrap(m, d, x);
                DMatrixRMaj f = mult(xm, model.b());
                double[] w = model.w();
                for (int s = 1; s <= 3; s++) {
                    w = gdStep(f, y, w, p.alpha() / m);
                    if (s == 1) {
                        oneStep[t] = distance2(mult(model.b(), w), theta);
                    }
                }
                threeSteps[t] = distance2(mult(model.b(), w), theta);
                ridge[t] = ridgeRisks(model.b(), f, y, theta, LambdaGrid.scaled(ridgeScale));
                oracle[t] = ridgeRisks(truth.bStar(), mult(xm, truth.bStar()), y, theta, LambdaGrid.scaled(1));
                single[t] = ridgeRisks(CommonOps_DDRM.identity(d), xm, y, theta, LambdaGrid.scaled(1));
            }
            assertMean(mean(oneStep), report.get(m, Estimator.ONE_STEP_GD));
            assertMean(mean(threeSteps), report.get(m, Estimator.MULTI_STEP_GD));
            assertRidge(ridge, LambdaGrid.scaled(ridgeScale), report.get(m, Estimator.RIDGE));
            assertRidge(oracle, LambdaGrid.scaled(1), report.get(m, Estimator.ORACLE_RIDGE));
            assertRidge(single, LambdaGrid.scaled(1), report.get(m, Estimator.SINGLE_TASK_RIDGE));
            double std = Math.sqrt(Arrays.stream(oneStep).map(v -> (v - mean(oneStep)) * (v - mean(oneStep))).sum()
                    / (tasks - 1));
            assertEquals(std, report.get(m, Estimator.ONE_STEP_GD).stdSquaredError(), 1e-9 * std);
        }
    }

    @Test
    void reportIsIdenticalForAnyThreadCount() {
        Params p = EvalFixtures.table1().with("test_tasks", "100");
        GroundTruth truth = GroundTruth.sample(p, 4);
        ModelState model = EvalFixtures.randomModel(truth, 50, 1.0, 0.1, 9);
        EvaluationReport one = Evaluation.evaluate(model, truth, TestProtocol.of(p), 4, 1);
        assertEquals(one, Evaluation.evaluate(model, truth, TestProtocol.of(p), 4, 2));
        assertEquals(one, Evaluation.evaluate(model, truth, TestProtocol.of(p), 4, 7));
    }

    /** Fair comparison: with the same seed, every model and every protocol sees the same test tasks. */
    @Test
    void sameSeedGivesTheSameTestTasksToEveryModelAndEstimator() {
        Params p = EvalFixtures.table1().with("test_tasks", "40");
        GroundTruth truth = GroundTruth.sample(p, 6);
        EvaluationReport first = Evaluation.evaluate(EvalFixtures.randomModel(truth, 50, 1.0, 0.0, 1), truth, p, 6);
        EvaluationReport second = Evaluation.evaluate(EvalFixtures.randomModel(truth, 50, 0.3, 0.2, 2), truth, p, 6);
        EvaluationReport baselines = Evaluation.evaluateBaselines(truth, p, 6);
        for (int m : p.mTest()) {
            for (Estimator e : List.of(Estimator.SINGLE_TASK_RIDGE, Estimator.ORACLE_RIDGE)) {
                assertEquals(first.get(m, e), second.get(m, e));
                assertEquals(first.get(m, e), baselines.get(m, e));
            }
            assertNotEquals(first.get(m, Estimator.RIDGE), second.get(m, Estimator.RIDGE));
        }
        // the tasks at one m_test do not depend on which other m_test values are evaluated
        ModelState model = EvalFixtures.randomModel(truth, 50, 1.0, 0.0, 1);
        EvaluationReport only30 = Evaluation.evaluate(model, truth, TestProtocol.of(p.with("m_test", "30")), 6, 2);
        for (Estimator e : Estimator.values()) {
            assertEquals(first.get(30, e), only30.get(30, e));
        }
        EvaluationReport otherSeed = Evaluation.evaluateBaselines(truth, p, 7);
        assertNotEquals(baselines.get(20, Estimator.ORACLE_RIDGE), otherSeed.get(20, Estimator.ORACLE_RIDGE));
    }

    @Test
    void aTaskWithFewerRowsIsThePrefixOfTheTaskWithMore() {
        Params p = EvalFixtures.table1();
        GroundTruth truth = GroundTruth.sample(p, 1);
        double[] head20 = new double[5];
        double[] head30 = new double[5];
        double[] theta = new double[50];
        double[] x20 = new double[20 * 50];
        double[] x30 = new double[30 * 50];
        double[] y20 = new double[20];
        double[] y30 = new double[30];
        TestTasks.draw(1, 17, truth, 20, head20, theta, x20, y20);
        TestTasks.draw(1, 17, truth, 30, head30, theta, x30, y30);
        assertArrayEquals(head20, head30);
        assertArrayEquals(x20, Arrays.copyOf(x30, 20 * 50));
        assertArrayEquals(y20, Arrays.copyOf(y30, 20));
        double[] other = new double[5];
        TestTasks.draw(1, 18, truth, 1, other, theta, new double[50], new double[1]);
        assertFalse(Arrays.equals(head20, other));
    }

    @Test
    void burerMonteiroIsEvaluatedWithRidgeOnly() {
        Params p = EvalFixtures.table1().withAll(Map.of("algorithm", "burer-monteiro", "test_tasks", "8"));
        GroundTruth truth = GroundTruth.sample(p, 1);
        EvaluationReport report = Evaluation.evaluate(EvalFixtures.randomModel(truth, 50, 1, 0, 1), truth, p, 1);
        assertEquals(Set.of(Estimator.RIDGE, Estimator.SINGLE_TASK_RIDGE, Estimator.ORACLE_RIDGE),
                report.protocol().estimators());
        assertTrue(report.find(20, Estimator.ONE_STEP_GD).isEmpty());
        assertEquals(6, report.entries().size());
    }

    /** B̂ = 0 predicts θ̂ = 0 whatever the estimator: every learned risk is the mean of ‖θ⋆‖² = ‖w⋆‖². */
    @Test
    void zeroRepresentationPredictsZero() {
        Params p = EvalFixtures.table1().with("test_tasks", "40");
        GroundTruth truth = GroundTruth.sample(p, 3);
        ModelState zero = ModelState.of(0, truth, new DMatrixRMaj(50, 50), new double[50]);
        EvaluationReport r = Evaluation.evaluate(zero, truth, p, 3);
        double expected = 0;
        double[] head = new double[5];
        for (int t = 0; t < 40; t++) {
            TestTasks.draw(3, t, truth, 1, head, new double[50], new double[50], new double[1]);
            expected += distance2(head, new double[5]) / 40;
        }
        for (int m : p.mTest()) {
            for (Estimator e : List.of(Estimator.ONE_STEP_GD, Estimator.MULTI_STEP_GD, Estimator.RIDGE)) {
                assertEquals(expected, r.get(m, e).meanSquaredError(), 1e-12 * expected, e.label());
            }
        }
    }

    @Test
    void oneStepOfMultiStepGdIsOneStepGd() {
        Params p = EvalFixtures.table1().withAll(Map.of("gd_steps", "1", "test_tasks", "20"));
        GroundTruth truth = GroundTruth.sample(p, 1);
        EvaluationReport r = Evaluation.evaluate(EvalFixtures.randomModel(truth, 50, 1, 0.1, 3), truth, p, 1);
        assertEquals(r.get(20, Estimator.ONE_STEP_GD).meanSquaredError(),
                r.get(20, Estimator.MULTI_STEP_GD).meanSquaredError(), 0.0);
    }

    @Test
    void riskConventionsDifferByAFactorTwo() {
        EstimatorResult r = new EstimatorResult(20, Estimator.ONE_STEP_GD, 100, 3.0, 2.0, Double.NaN, false, List.of(),
                List.of());
        assertEquals(1.5, r.mean(RiskConvention.HALF_SQUARED_ERROR));
        assertEquals(3.0, r.mean(RiskConvention.SQUARED_ERROR));
        assertEquals(1.0, r.std(RiskConvention.HALF_SQUARED_ERROR));
        assertEquals(0.1, r.standardError(RiskConvention.HALF_SQUARED_ERROR), 1e-15);
    }

    @Test
    void badInputIsRefusedWithAClearMessage() {
        Params p = EvalFixtures.table1().with("test_tasks", "4");
        GroundTruth truth = GroundTruth.sample(p, 1);
        IllegalArgumentException noModel = assertThrows(IllegalArgumentException.class,
                () -> Evaluation.evaluate(null, truth, TestProtocol.of(p), 1, 1));
        assertTrue(noModel.getMessage().contains("trained model"), noModel.getMessage());

        ModelState wrongRows = ModelState.of(0, GroundTruth.sample(p.with("d", "40"), 1), new DMatrixRMaj(40, 50),
                new double[50]);
        IllegalArgumentException rows = assertThrows(IllegalArgumentException.class,
                () -> Evaluation.evaluate(wrongRows, truth, p, 1));
        assertTrue(rows.getMessage().contains("d = 50"), rows.getMessage());

        DMatrixRMaj nan = new DMatrixRMaj(50, 50);
        nan.set(3, 4, Double.NaN);
        IllegalArgumentException diverged = assertThrows(IllegalArgumentException.class,
                () -> Evaluation.evaluate(ModelState.of(0, truth, nan, new double[50]), truth, p, 1));
        assertTrue(diverged.getMessage().contains("non-finite"), diverged.getMessage());

        assertThrows(IllegalArgumentException.class, () -> new TestProtocol(0, List.of(20), 10, 1,
                EnumSet.allOf(Estimator.class)));
        IllegalArgumentException mTest = assertThrows(IllegalArgumentException.class,
                () -> new TestProtocol(0.1, List.of(0), 10, 1, EnumSet.allOf(Estimator.class)));
        assertTrue(mTest.getMessage().contains("m_test"), mTest.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Evaluation.evaluate(null, truth, TestProtocol.baselines(p), 1, 0));
    }

    // ---- plain reference computations ----

    private static double[] gdStep(DMatrixRMaj f, double[] y, double[] w, double step) {
        double[] residual = mult(f, w);
        for (int i = 0; i < residual.length; i++) {
            residual[i] -= y[i];
        }
        DMatrixRMaj grad = new DMatrixRMaj(f.numCols, 1);
        CommonOps_DDRM.multTransA(f, DMatrixRMaj.wrap(residual.length, 1, residual), grad);
        double[] out = w.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] -= step * grad.data[i];
        }
        return out;
    }

    private static double[] ridgeRisks(DMatrixRMaj r, DMatrixRMaj f, double[] y, double[] theta, LambdaGrid grid) {
        int m = f.numRows;
        int p = f.numCols;
        double[] risks = new double[grid.size()];
        for (int l = 0; l < grid.size(); l++) {
            DMatrixRMaj normal = new DMatrixRMaj(p, p);
            CommonOps_DDRM.multTransA(f, f, normal);
            for (int i = 0; i < p; i++) {
                normal.add(i, i, m * grid.get(l));
            }
            DMatrixRMaj rhs = new DMatrixRMaj(p, 1);
            CommonOps_DDRM.multTransA(f, DMatrixRMaj.wrap(m, 1, y), rhs);
            DMatrixRMaj w = new DMatrixRMaj(p, 1);
            assertTrue(CommonOps_DDRM.solve(normal, rhs, w));
            risks[l] = distance2(mult(r, w.data), theta);
        }
        return risks;
    }

    private static void assertRidge(double[][] perTask, LambdaGrid grid, EstimatorResult result) {
        double[] means = new double[grid.size()];
        for (int l = 0; l < grid.size(); l++) {
            for (double[] task : perTask) {
                means[l] += task[l] / perTask.length;
            }
        }
        int best = 0;
        for (int l = 1; l < means.length; l++) {
            if (means[l] < means[best]) {
                best = l;
            }
        }
        assertEquals(grid.get(best), result.lambda(), 1e-12 * grid.get(best), result.estimator().label());
        assertMean(means[best], result);
        assertEquals(grid.atEdge(best), result.lambdaAtGridEdge());
        for (int l = 0; l < means.length; l++) {
            assertEquals(means[l], result.meanSquaredErrorByLambda().get(l), 1e-8 * means[l]);
        }
    }

    private static void assertMean(double expected, EstimatorResult result) {
        assertEquals(expected, result.meanSquaredError(), 1e-9 * expected, result.estimator().label());
        assertEquals(3, result.testTasks());
    }

    private static double largestEigenvalue(DMatrixRMaj b) {
        DMatrixRMaj gram = new DMatrixRMaj(b.numCols, b.numCols);
        CommonOps_DDRM.multTransA(b, b, gram);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(gram.numRows, false, true);
        assertTrue(eig.decompose(gram));
        double max = 0;
        for (int i = 0; i < gram.numRows; i++) {
            max = Math.max(max, eig.getEigenvalue(i).getReal());
        }
        return max;
    }

    private static DMatrixRMaj mult(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj c = new DMatrixRMaj(a.numRows, b.numCols);
        CommonOps_DDRM.mult(a, b, c);
        return c;
    }

    private static double[] mult(DMatrixRMaj a, double[] v) {
        DMatrixRMaj out = new DMatrixRMaj(a.numRows, 1);
        CommonOps_DDRM.mult(a, DMatrixRMaj.wrap(v.length, 1, v), out);
        return out.data;
    }

    private static double distance2(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return s;
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElseThrow();
    }
}
