package org.anilexplorer.core.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The result of one evaluation: one {@link EstimatorResult} per (m_test, estimator), in the order of the protocol's
 * m_test values and then of {@link Estimator}. Immutable.
 *
 * @param seed the seed whose test tasks were used
 * @param protocol what was computed
 * @param entries the results
 */
public record EvaluationReport(long seed, TestProtocol protocol, List<EstimatorResult> entries) {

    public EvaluationReport {
        entries = List.copyOf(entries);
    }

    public Optional<EstimatorResult> find(int mTest, Estimator estimator) {
        return entries.stream().filter(e -> e.mTest() == mTest && e.estimator() == estimator).findFirst();
    }

    /** The result for (m_test, estimator); throws when that pair was not evaluated. */
    public EstimatorResult get(int mTest, Estimator estimator) {
        return find(mTest, estimator).orElseThrow(() -> new IllegalArgumentException(
                "no result for " + estimator.label() + " at m_test = " + mTest));
    }

    /** One line per ridge estimator whose chosen λ lies on the edge of the grid. */
    public List<String> warnings() {
        List<String> out = new ArrayList<>();
        for (EstimatorResult e : entries) {
            if (e.lambdaAtGridEdge()) {
                boolean lower = e.lambda() == e.lambdaGrid().get(0);
                out.add(String.format("%s at m_test = %d: the best λ = %.3g is the %s end of the grid; the optimum may "
                        + "lie outside it.", e.estimator().label(), e.mTest(), e.lambda(), lower ? "lower" : "upper"));
            }
        }
        return out;
    }
}
