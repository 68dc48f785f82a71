package org.anilexplorer.core.eval;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.anilexplorer.core.params.Algorithm;
import org.anilexplorer.core.params.Params;

/**
 * What one evaluation computes: the test-time step α of the GD estimators, the sample sizes m_test, the number of
 * test tasks, the number of steps of k-step GD, and which estimators to run.
 *
 * @param alpha the head step of 1-GD and k-step GD: the training inner step α (docs/math.md §6.3)
 * @param mTests distinct sample sizes per test task, each ≥ 1, in the order they are reported
 * @param testTasks number of fresh test tasks, ≥ 1
 * @param gdSteps steps of {@link Estimator#MULTI_STEP_GD}, ≥ 1
 * @param estimators the estimators to run
 */
public record TestProtocol(double alpha, List<Integer> mTests, int testTasks, int gdSteps, Set<Estimator> estimators) {

    public TestProtocol {
        if (!(alpha > 0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("alpha must be a finite number > 0, got " + alpha);
        }
        List<Integer> distinct = new ArrayList<>();
        for (Integer m : mTests) {
            if (m == null || m < 1) {
                throw new IllegalArgumentException("m_test values must be integers ≥ 1, got " + mTests);
            }
            if (!distinct.contains(m)) {
                distinct.add(m);
            }
        }
        if (distinct.isEmpty()) {
            throw new IllegalArgumentException("m_test needs at least one value");
        }
        if (testTasks < 1) {
            throw new IllegalArgumentException("test_tasks must be ≥ 1, got " + testTasks);
        }
        if (gdSteps < 1) {
            throw new IllegalArgumentException("gd_steps must be ≥ 1, got " + gdSteps);
        }
        if (estimators.isEmpty()) {
            throw new IllegalArgumentException("no estimator selected");
        }
        mTests = List.copyOf(distinct);
        estimators = Set.copyOf(estimators);
    }

    /**
     * Every estimator that applies to the trained method, plus both baselines. The GD estimators apply only to the
     * methods trained for a head step ({@link Algorithm#hasOneStepGdRisk()}): Burer–Monteiro and average-loss
     * minimisation get ridge only, as Burer–Monteiro has in Table 1
     * (docs/math.md §6.6).
     */
    public static TestProtocol of(Params p) {
        Set<Estimator> set = EnumSet.allOf(Estimator.class);
        if (!p.algorithm().hasOneStepGdRisk()) {
            set.remove(Estimator.ONE_STEP_GD);
            set.remove(Estimator.MULTI_STEP_GD);
        }
        return new TestProtocol(p.alpha(), p.mTest(), p.testTasks(), p.gdSteps(), set);
    }

    /** The two baselines only (single-task and oracle ridge): they do not depend on training. */
    public static TestProtocol baselines(Params p) {
        return new TestProtocol(p.alpha(), p.mTest(), p.testTasks(), p.gdSteps(),
                EnumSet.of(Estimator.SINGLE_TASK_RIDGE, Estimator.ORACLE_RIDGE));
    }

    /** A copy running only the given estimators. */
    public TestProtocol withEstimators(Set<Estimator> only) {
        return new TestProtocol(alpha, mTests, testTasks, gdSteps, only);
    }

    public boolean runs(Estimator e) {
        return estimators.contains(e);
    }

    /** Whether any selected estimator uses the learned model. */
    public boolean needsModel() {
        return estimators.stream().anyMatch(Estimator::needsModel);
    }

    /** The selected estimators in report order (the order of {@link Estimator}). */
    public List<Estimator> orderedEstimators() {
        List<Estimator> out = new ArrayList<>();
        for (Estimator e : Estimator.values()) {
            if (estimators.contains(e)) {
                out.add(e);
            }
        }
        return out;
    }

    public int maxMTest() {
        return mTests.stream().mapToInt(Integer::intValue).max().orElseThrow();
    }
}
