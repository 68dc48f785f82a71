package org.anilexplorer.app.viewmodel;

import java.util.LinkedHashMap;
import java.util.Map;
import org.anilexplorer.core.eval.Estimator;
import org.anilexplorer.core.eval.Evaluation;
import org.anilexplorer.core.eval.EvaluationReport;
import org.anilexplorer.core.params.ParamSpec;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.problem.GroundTruth;

/**
 * The two training-free references of the risk chart, single-task ridge and oracle ridge (docs/math.md §6.5), for the
 * first seed's ground truth, evaluated by {@code core.eval} on the parameters' test tasks. They depend only on the
 * problem, not on training, so they are computed once per problem and kept (a few problems at most).
 */
final class RiskBaselines {

    /** Mean ‖θ̂ − θ⋆‖² of each baseline at one m_test. */
    record Values(double singleTaskRidge, double oracleRidge) {
    }

    private static final int KEEP = 8;
    private static final java.util.Set<String> PENDING = new java.util.HashSet<>();
    private static final java.util.concurrent.atomic.AtomicLong VERSION = new java.util.concurrent.atomic.AtomicLong();
    private static final java.util.concurrent.ExecutorService WORKER =
            java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "anil-baselines");
                t.setDaemon(true);
                return t;
            });
    private static final Map<String, Values> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Values> eldest) {
            return size() > KEEP;
        }
    };

    private RiskBaselines() {
    }

    /** Computes (or recalls) the baselines, waiting for them; slow the first time for a problem. */
    static Values of(Params p, int mTest) {
        String key = key(p, mTest);
        synchronized (RiskBaselines.class) {
            Values v = CACHE.get(key);
            if (v != null) {
                return v;
            }
        }
        Values v = compute(p, mTest);
        store(key, v);
        return v;
    }

    /**
     * The baselines if they are known; otherwise starts computing them on a background thread and returns empty
     * (charts draw without them; {@link #version()} changes when they arrive).
     */
    static java.util.Optional<Values> lookup(Params p, int mTest) {
        String key = key(p, mTest);
        synchronized (RiskBaselines.class) {
            Values v = CACHE.get(key);
            if (v != null) {
                return java.util.Optional.of(v);
            }
            if (PENDING.add(key)) {
                WORKER.execute(() -> {
                    try {
                        store(key, compute(p, mTest));
                    } catch (RuntimeException e) {
                        // the chart simply goes without baselines (e.g. the evaluation was interrupted)
                    } finally {
                        synchronized (RiskBaselines.class) {
                            PENDING.remove(key);
                        }
                    }
                });
            }
            return java.util.Optional.empty();
        }
    }

    /** Grows whenever new baselines become available. */
    public static long version() {
        return VERSION.get();
    }

    private static Values compute(Params p, int mTest) {
        long seed = p.seedOf(0);
        EvaluationReport report = Evaluation.evaluateBaselines(GroundTruth.sample(p, seed), p, seed);
        return new Values(report.get(mTest, Estimator.SINGLE_TASK_RIDGE).meanSquaredError(),
                report.get(mTest, Estimator.ORACLE_RIDGE).meanSquaredError());
    }

    private static void store(String key, Values v) {
        synchronized (RiskBaselines.class) {
            CACHE.put(key, v);
        }
        VERSION.incrementAndGet();
    }

    /** Everything the baselines depend on: the problem, the test protocol and the seed. */
    private static String key(Params p, int mTest) {
        return String.join("|", p.get(ParamSpec.D), p.get(ParamSpec.K),
                p.get(ParamSpec.TASK_COV), p.get(ParamSpec.TASK_MEAN),
                p.get(ParamSpec.SIGMA2), p.get(ParamSpec.TEST_TASKS),
                p.get(ParamSpec.M_TEST), Long.toString(p.seedOf(0)), Integer.toString(mTest));
    }
}
