package org.anilexplorer.core.run;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.anilexplorer.core.eval.Estimator;
import org.anilexplorer.core.eval.Evaluation;
import org.anilexplorer.core.eval.EvaluationReport;
import org.anilexplorer.core.eval.TestProtocol;
import org.anilexplorer.core.params.Params;

/**
 * Test-time evaluation of a finished experiment (the protocol of Table 1): every run that finished or converged is
 * evaluated on the fresh test tasks of its seed with the estimators that apply to its method, and the two baselines
 * (single-task and oracle ridge, independent of training) once per seed. Runs that diverged, failed or were
 * cancelled have no learned model and are left out.
 *
 * @param runs      one report per evaluated run, in the experiment's order
 * @param baselines one report per seed
 */
public record ExperimentEvaluation(List<RunEvaluation> runs, Map<Long, EvaluationReport> baselines) {

    /** One run's report. */
    public record RunEvaluation(String label, long seed, EvaluationReport report) {
    }

    public ExperimentEvaluation {
        runs = List.copyOf(runs);
        baselines = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(baselines));
    }

    /**
     * Evaluates every successful run of {@code view}, one after another, each using {@code threads} threads (the
     * result does not depend on the thread count).
     */
    public static ExperimentEvaluation of(ExperimentView view, List<Variant> variants, int threads) {
        Map<String, Params> paramsByLabel = new LinkedHashMap<>();
        for (Variant v : variants) {
            paramsByLabel.put(v.label(), v.params());
        }
        List<RunEvaluation> runs = new ArrayList<>();
        Map<Long, EvaluationReport> baselines = new LinkedHashMap<>();
        for (RunView r : view.runs()) {
            if (!r.state().isSuccess() || r.finalModel() == null) {
                continue;
            }
            Params p = paramsByLabel.get(r.label());
            TestProtocol all = TestProtocol.of(p);
            Set<Estimator> own = EnumSet.noneOf(Estimator.class);
            for (Estimator e : all.estimators()) {
                if (e.needsModel()) {
                    own.add(e);
                }
            }
            runs.add(new RunEvaluation(r.label(), r.seed(),
                    Evaluation.evaluate(r.finalModel(), r.truth(), all.withEstimators(own), r.seed(), threads)));
            if (!baselines.containsKey(r.seed())) {
                baselines.put(r.seed(), Evaluation.evaluate(null, r.truth(), TestProtocol.baselines(p), r.seed(), threads));
            }
        }
        return new ExperimentEvaluation(runs, baselines);
    }

    /** Warnings of every report (λ at the edge of its grid), without repeats. */
    public List<String> warnings() {
        List<String> out = new ArrayList<>();
        for (RunEvaluation r : runs) {
            for (String w : r.report().warnings()) {
                String line = r.label() + ", seed " + r.seed() + ": " + w;
                if (!out.contains(line)) {
                    out.add(line);
                }
            }
        }
        baselines.forEach((seed, rep) -> rep.warnings().forEach(w -> {
            String line = "seed " + seed + ": " + w;
            if (!out.contains(line)) {
                out.add(line);
            }
        }));
        return out;
    }
}
