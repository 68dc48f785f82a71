package org.anilexplorer.core.sweep;

import java.util.ArrayList;
import java.util.List;
import org.anilexplorer.core.eval.Estimator;
import org.anilexplorer.core.run.SeriesMetric;

/**
 * The measured columns of a sweep: the final metrics of every run, and with {@code --evaluate} the test risks
 * ½‖θ̂ − θ⋆‖² of the learned model per estimator and m_test ({@code risk_1gd_m20}, …).
 */
public record SweepColumns(List<String> metrics, List<Integer> riskMTests) {

    /** The final-iteration metrics, in this order. */
    public static final List<SeriesMetric> FINAL_METRICS = List.of(SeriesMetric.SV2_STAR_MIN, SeriesMetric.SV2_STAR_MAX,
            SeriesMetric.SV2_PERP_MEAN, SeriesMetric.SV2_PERP_MAX, SeriesMetric.BW_NORM, SeriesMetric.DISTANCE);
    /** The model estimators evaluated with {@code --evaluate} (the baselines do not depend on training). */
    public static final List<Estimator> RISK_ESTIMATORS = List.of(Estimator.ONE_STEP_GD, Estimator.MULTI_STEP_GD,
            Estimator.RIDGE);

    public SweepColumns {
        metrics = List.copyOf(metrics);
        riskMTests = List.copyOf(riskMTests);
    }

    /** Columns for a sweep; {@code mTests} empty when not evaluating. */
    public static SweepColumns of(List<Integer> mTests) {
        List<String> names = new ArrayList<>();
        for (SeriesMetric m : FINAL_METRICS) {
            names.add(m.key());
        }
        for (int mTest : mTests) {
            for (Estimator e : RISK_ESTIMATORS) {
                names.add(riskColumn(e, mTest));
            }
        }
        return new SweepColumns(names, mTests);
    }

    public static String riskColumn(Estimator e, int mTest) {
        String short_ = switch (e) {
            case ONE_STEP_GD -> "1gd";
            case MULTI_STEP_GD -> "kgd";
            case RIDGE -> "ridge";
            case SINGLE_TASK_RIDGE -> "single_ridge";
            case ORACLE_RIDGE -> "oracle_ridge";
        };
        return "risk_" + short_ + "_m" + mTest;
    }

    public int size() {
        return metrics.size();
    }

    public int indexOf(String name) {
        return metrics.indexOf(name);
    }

    public boolean evaluates() {
        return !riskMTests.isEmpty();
    }
}
