package org.anilexplorer.core.eval;

import java.util.List;

/**
 * The risk of one estimator at one m_test, over the test tasks of one evaluation. Risks are stored as ‖θ̂ − θ⋆‖²;
 * ask {@link #mean(RiskConvention)} for either convention.
 *
 * @param mTest samples per test task
 * @param estimator the estimator
 * @param testTasks number of test tasks averaged over
 * @param meanSquaredError mean over test tasks of ‖θ̂ − θ⋆‖² (at the chosen λ for ridge estimators)
 * @param stdSquaredError sample standard deviation over test tasks of ‖θ̂ − θ⋆‖² (same λ)
 * @param lambda the chosen λ (convention ŵ_λ = (FᵀF + m_test·λ·I)⁻¹Fᵀy), NaN for the GD estimators
 * @param lambdaAtGridEdge whether the chosen λ is the first or last grid point (the optimum may lie outside)
 * @param lambdaGrid the λ grid searched (empty for the GD estimators)
 * @param meanSquaredErrorByLambda mean ‖θ̂_λ − θ⋆‖² for each grid λ (empty for the GD estimators)
 */
public record EstimatorResult(int mTest, Estimator estimator, long testTasks, double meanSquaredError,
        double stdSquaredError, double lambda, boolean lambdaAtGridEdge, List<Double> lambdaGrid,
        List<Double> meanSquaredErrorByLambda) {

    public EstimatorResult {
        lambdaGrid = List.copyOf(lambdaGrid);
        meanSquaredErrorByLambda = List.copyOf(meanSquaredErrorByLambda);
    }

    /** Mean risk over the test tasks in the given convention. */
    public double mean(RiskConvention convention) {
        return convention.factor() * meanSquaredError;
    }

    /** Standard deviation over the test tasks in the given convention. */
    public double std(RiskConvention convention) {
        return convention.factor() * stdSquaredError;
    }

    /** Monte-Carlo standard error of {@link #mean(RiskConvention)}: std/√(test tasks). */
    public double standardError(RiskConvention convention) {
        return std(convention) / Math.sqrt(testTasks);
    }
}
