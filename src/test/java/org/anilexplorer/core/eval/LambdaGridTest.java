package org.anilexplorer.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.problem.GroundTruth;
import org.junit.jupiter.api.Test;

/** The λ grid, the choice of the best mean, and the edge flag. */
class LambdaGridTest {

    @Test
    void gridIsTwentyFiveLogSpacedPointsOverSixDecadesTimesTheScale() {
        LambdaGrid grid = LambdaGrid.scaled(2.5);
        assertEquals(25, grid.size());
        assertEquals(2.5e-4, grid.get(0), 1e-18);
        assertEquals(2.5e2, grid.get(24), 1e-12);
        for (int i = 1; i < grid.size(); i++) {
            // four points per decade
            assertEquals(Math.pow(10, 0.25), grid.get(i) / grid.get(i - 1), 1e-12);
        }
        assertEquals(2.5, grid.get(16), 1e-12);
    }

    @Test
    void degenerateScaleFallsBackToOne() {
        assertEquals(1e-4, LambdaGrid.scaled(0).get(0), 1e-18);
        assertEquals(1e-4, LambdaGrid.scaled(Double.NaN).get(0), 1e-18);
        assertEquals(1e-4, LambdaGrid.scaled(Double.POSITIVE_INFINITY).get(0), 1e-18);
    }

    @Test
    void argminTakesTheFirstSmallestFiniteValue() {
        assertEquals(2, LambdaGrid.argmin(new double[] {3, 2, 1, 1, 4}));
        assertEquals(1, LambdaGrid.argmin(new double[] {Double.NaN, 5, Double.POSITIVE_INFINITY, 6}));
        assertEquals(-1, LambdaGrid.argmin(new double[] {Double.NaN, Double.NaN}));
        LambdaGrid grid = LambdaGrid.scaled(1);
        assertTrue(grid.atEdge(0));
        assertTrue(grid.atEdge(24));
        assertFalse(grid.atEdge(1));
        assertFalse(grid.atEdge(23));
    }

    /**
     * Without label noise and with m_test ≥ k, oracle ridge interpolates θ⋆ as λ → 0, so every λ is worse than the
     * smallest: the choice lands on the lower edge and is flagged. With overwhelming noise the best estimate is close
     * to 0, so the choice lands on the upper edge.
     */
    @Test
    void choiceAtAGridEdgeIsFlaggedAndExplained() {
        Params quiet = Params.defaults().withAll(Map.of("d", "10", "k", "2", "k_prime", "10", "sigma2", "0",
                "m_test", "6", "test_tasks", "40"));
        EvaluationReport low = Evaluation.evaluateBaselines(GroundTruth.sample(quiet, 1), quiet, 1);
        EstimatorResult oracle = low.get(6, Estimator.ORACLE_RIDGE);
        assertEquals(oracle.lambdaGrid().get(0), oracle.lambda());
        assertTrue(oracle.lambdaAtGridEdge());
        assertTrue(low.warnings().stream().anyMatch(w -> w.contains("Oracle ridge") && w.contains("lower")),
                low.warnings().toString());

        Params noisy = quiet.with("sigma2", "1e4");
        EvaluationReport high = Evaluation.evaluateBaselines(GroundTruth.sample(noisy, 1), noisy, 1);
        for (Estimator e : List.of(Estimator.ORACLE_RIDGE, Estimator.SINGLE_TASK_RIDGE)) {
            EstimatorResult r = high.get(6, e);
            assertEquals(r.lambdaGrid().get(24), r.lambda(), e.label());
            assertTrue(r.lambdaAtGridEdge());
        }
        assertTrue(high.warnings().stream().anyMatch(w -> w.contains("upper")), high.warnings().toString());
    }

    /** The reported λ, mean and curve are consistent: the mean is the curve's minimum at the reported λ. */
    @Test
    void reportedMeanIsTheMinimumOfTheCurve() {
        Params p = EvalFixtures.table1().with("test_tasks", "64");
        EvaluationReport report = Evaluation.evaluateBaselines(GroundTruth.sample(p, 2), p, 2);
        for (EstimatorResult r : report.entries()) {
            double min = r.meanSquaredErrorByLambda().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            assertEquals(min, r.meanSquaredError(), 0.0);
            int index = r.meanSquaredErrorByLambda().indexOf(min);
            assertEquals(r.lambdaGrid().get(index), r.lambda(), 0.0);
            assertFalse(r.lambdaAtGridEdge(), "Table 1 baselines have interior optima: " + r);
        }
        assertTrue(report.warnings().isEmpty());
    }
}
