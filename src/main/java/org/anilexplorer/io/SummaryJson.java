package org.anilexplorer.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.anilexplorer.core.metrics.Snapshot;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.run.AggregateSeries;
import org.anilexplorer.core.run.Band;
import org.anilexplorer.core.run.RunState;
import org.anilexplorer.core.run.RunView;
import org.anilexplorer.core.run.SeriesMetric;
import org.anilexplorer.core.theory.LambdaStar;
import org.anilexplorer.core.theory.TheoremOneConditions;
import org.anilexplorer.core.run.Variant;

/**
 * {@code summary.json}: per run, the state, reason, final metrics, wall time and speed; per method, the final
 * metrics' mean ± std across seeds and the Theorem 1 limit Λ⋆ (eq. 8) for that method's parameters; at the top,
 * {@code theory.lambda_star} for the base parameters (with {@code applies} and the {@code reason}), whether the
 * command was {@code interrupted}, and {@code evaluation} when one was run.
 */
public final class SummaryJson {

    public static final String FORMAT = "anil-explorer/summary";

    private SummaryJson() {
    }

    /** @param evaluation the test-time evaluation results, or null when none was run */
    public static ObjectNode toJson(ExperimentRecord r, JsonNode evaluation) {
        ObjectNode o = Json.object();
        o.put("format", FORMAT);
        o.put("version", 1);
        o.put("title", r.title());
        o.set("theory", theory(r.variants().size() == 1 ? r.variants().get(0).params() : r.params()));
        o.set("wall_time_seconds", Json.number(r.wallTime().toNanos() / 1e9));
        o.set("iterations_per_second", Json.number(r.view().progress().iterationsPerSecond()));
        o.put("all_succeeded", r.view().allSucceeded());
        // a run stops as cancelled only when the command was stopped (Ctrl-C, SIGTERM) or the app's Stop
        o.put("interrupted", r.view().runs().stream().anyMatch(run -> run.state() == RunState.CANCELLED));

        ArrayNode methods = o.putArray("methods");
        for (Variant v : r.variants()) {
            ObjectNode m = Json.object();
            m.put("label", v.label());
            m.put("algorithm", v.params().algorithm().key());
            m.put("runs", r.view().runsOf(v.label()).size());
            m.set("theory", theory(v.params()));
            AggregateSeries agg = r.view().aggregate(v.label());
            if (agg.size() > 0) {
                int last = agg.size() - 1;
                m.put("final_iteration", agg.iteration(last));
                m.put("final_runs", agg.count(last));
                ObjectNode mean = m.putObject("final_mean");
                ObjectNode std = m.putObject("final_std");
                for (SeriesMetric metric : SeriesMetric.values()) {
                    Band b = agg.band(metric);
                    mean.set(metric.key(), Json.number(b.mean(last)));
                    std.set(metric.key(), Json.number(b.std(last)));
                }
                ArrayNode sv2 = mean.putArray("sv2_star");
                ArrayNode sv2Std = std.putArray("sv2_star");
                for (int j = 0; j < agg.k(); j++) {
                    sv2.add(Json.number(agg.sv2Star(j).mean(last)));
                    sv2Std.add(Json.number(agg.sv2Star(j).std(last)));
                }
            }
            methods.add(m);
        }

        ArrayNode runs = o.putArray("runs");
        for (RunView run : r.view().runs()) {
            ObjectNode j = Json.object();
            j.put("method", run.label());
            j.put("seed", run.seed());
            j.put("state", run.state().key());
            j.put("reason", run.reason());
            j.put("iterations", run.iteration());
            j.set("wall_time_seconds", Json.number(run.activeNanos() / 1e9));
            j.set("iterations_per_second", Json.number(run.iterationsPerSecond()));
            Snapshot last = run.last();
            if (last != null) {
                j.set("final", snapshot(last));
            }
            runs.add(j);
        }
        if (evaluation != null) {
            o.set("evaluation", evaluation);
        }
        return o;
    }

    public static String render(ExperimentRecord r, JsonNode evaluation) {
        try {
            return Json.MAPPER.writeValueAsString(toJson(r, evaluation)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render summary.json", e);
        }
    }

    static ObjectNode snapshot(Snapshot s) {
        ObjectNode o = Json.object();
        o.put("iteration", s.iteration());
        for (SeriesMetric m : SeriesMetric.values()) {
            o.set(m.key(), Json.number(m.of(s)));
        }
        o.set("sv2_star", Json.numbers(s.sv2Star()));
        return o;
    }

    /** Λ⋆ of Theorem 1 (eq. 8): the FO-ANIL limit; stated for the meta methods, whose k-block it describes. */
    static ObjectNode theory(Params p) {
        ObjectNode t = Json.object();
        double[] lambda = LambdaStar.eigenvalues(p);
        double[] scaled = new double[lambda.length];
        for (int j = 0; j < lambda.length; j++) {
            scaled[j] = p.alpha() * lambda[j];
        }
        t.set("lambda_star", Json.numbers(lambda));
        t.set("alpha_lambda_star", Json.numbers(scaled));
        TheoremOneConditions conditions = TheoremOneConditions.of(p);
        t.put("applies", conditions.applies());
        t.put("reason", conditions.reason());
        t.put("note", "eigenvalues of Λ⋆ (Theorem 1 of Yüksel et al., eq. 8), descending; the limit of "
                + "B⋆ᵀB_tB_tᵀB⋆ for FO-ANIL with infinite tasks");
        return t;
    }
}
