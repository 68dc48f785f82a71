package org.anilexplorer.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anilexplorer.core.eval.EstimatorResult;
import org.anilexplorer.core.eval.EvaluationReport;
import org.anilexplorer.core.eval.RiskConvention;
import org.anilexplorer.core.run.ExperimentEvaluation;
import org.anilexplorer.core.stats.SeedStatistics;

/**
 * The {@code evaluation} block of {@code summary.json}, laid out like Table 1: for each method (and the baselines),
 * each m_test and each estimator, the mean over runs of the per-run mean excess risk ± its standard deviation over
 * runs (population convention, as the curves' bands), in both risk conventions; then every run's own numbers.
 */
public final class EvaluationJson {

    private EvaluationJson() {
    }

    public static ObjectNode toJson(ExperimentEvaluation e) {
        ObjectNode o = Json.object();
        o.put("note", "excess risk over fresh test tasks; 'half_squared_error' is ½‖θ̂ − θ⋆‖² (the convention of Table 1), "
                + "'squared_error' is ‖θ̂ − θ⋆‖²; mean and std are over runs (seeds) of each run's mean over test tasks");
        Map<String, List<EvaluationReport>> byLabel = new LinkedHashMap<>();
        for (ExperimentEvaluation.RunEvaluation r : e.runs()) {
            byLabel.computeIfAbsent(r.label(), l -> new ArrayList<>()).add(r.report());
        }
        ArrayNode table = o.putArray("table");
        byLabel.forEach((label, reports) -> table.addAll(rows(label, reports)));
        table.addAll(rows("baselines", new ArrayList<>(e.baselines().values())));

        ArrayNode runs = o.putArray("runs");
        for (ExperimentEvaluation.RunEvaluation r : e.runs()) {
            ObjectNode run = Json.object();
            run.put("method", r.label());
            run.put("seed", r.seed());
            run.set("results", results(r.report()));
            runs.add(run);
        }
        ArrayNode baselines = o.putArray("baselines");
        e.baselines().forEach((seed, rep) -> {
            ObjectNode b = Json.object();
            b.put("seed", seed);
            b.set("results", results(rep));
            baselines.add(b);
        });
        ArrayNode warnings = o.putArray("warnings");
        e.warnings().forEach(warnings::add);
        return o;
    }

    /** One row per (m_test, estimator) present in the reports, aggregated over the reports (runs). */
    private static ArrayNode rows(String label, List<EvaluationReport> reports) {
        ArrayNode out = Json.array();
        if (reports.isEmpty()) {
            return out;
        }
        for (EstimatorResult first : reports.get(0).entries()) {
            ObjectNode row = Json.object();
            row.put("method", label);
            row.put("estimator", first.estimator().label());
            row.put("m_test", first.mTest());
            row.put("runs", reports.size());
            for (RiskConvention c : RiskConvention.values()) {
                double[] means = new double[reports.size()];
                for (int i = 0; i < reports.size(); i++) {
                    means[i] = reports.get(i).get(first.mTest(), first.estimator()).mean(c);
                }
                ObjectNode v = row.putObject(key(c));
                SeedStatistics.Summary over = SeedStatistics.of(means);
                v.set("mean", Json.number(over.mean()));
                v.set("std_over_runs", Json.number(over.sd()));
                v.put("spread", SeedStatistics.describe(means.length));
            }
            out.add(row);
        }
        return out;
    }

    private static ArrayNode results(EvaluationReport rep) {
        ArrayNode a = Json.array();
        for (EstimatorResult r : rep.entries()) {
            ObjectNode j = Json.object();
            j.put("estimator", r.estimator().label());
            j.put("m_test", r.mTest());
            j.put("test_tasks", r.testTasks());
            for (RiskConvention c : RiskConvention.values()) {
                ObjectNode v = j.putObject(key(c));
                v.set("mean", Json.number(r.mean(c)));
                v.set("std_over_tasks", Json.number(r.std(c)));
                v.set("standard_error", Json.number(r.standardError(c)));
            }
            if (r.estimator().usesLambdaGrid()) {
                j.set("lambda", Json.number(r.lambda()));
                j.put("lambda_at_grid_edge", r.lambdaAtGridEdge());
            }
            a.add(j);
        }
        return a;
    }

    private static String key(RiskConvention c) {
        return c == RiskConvention.HALF_SQUARED_ERROR ? "half_squared_error" : "squared_error";
    }
}
