package org.anilexplorer.figure;

import org.anilexplorer.core.eval.Estimator;
import org.anilexplorer.core.eval.Evaluation;
import org.anilexplorer.core.eval.EvaluationReport;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.problem.GroundTruth;

/**
 * The two training-free references of the risk chart, single-task ridge and oracle ridge, at the first m_test: the
 * mean ‖θ̂ − θ⋆‖² over the parameters' test tasks for the first seed's ground truth. They depend only on the problem,
 * so the app computes them once per problem in the background and the command line once per figure.
 */
public record RiskBaselines(int mTest, int testTasks, double singleTaskRidge, double oracleRidge) {

    /** Evaluates both baselines (slow for many test tasks: seconds for the Table 1 problem). */
    public static RiskBaselines compute(Params p) {
        long seed = p.seedOf(0);
        int mTest = p.mTest().get(0);
        EvaluationReport report = Evaluation.evaluateBaselines(GroundTruth.sample(p, seed), p, seed);
        return new RiskBaselines(mTest, p.testTasks(), report.get(mTest, Estimator.SINGLE_TASK_RIDGE).meanSquaredError(),
                report.get(mTest, Estimator.ORACLE_RIDGE).meanSquaredError());
    }
}
