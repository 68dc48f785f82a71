package org.anilexplorer.app.sim;

import java.util.HashMap;
import java.util.Map;
import org.anilexplorer.core.algo.DynamicsFactory;
import org.anilexplorer.core.metrics.RecordingSchedule;
import org.anilexplorer.core.params.Params;

/**
 * What the ridge-risk curve costs a run: wall time of one run with and without it (evaluations on the shared
 * low-priority thread, within budget), the evaluations' own time and the number of points. Arguments: parameter
 * key/value pairs over the defaults, e.g. {@code d 50 k_prime 50 tasks inf iterations 20000}.
 */
public final class RidgeRiskBenchmark {

    private RidgeRiskBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> overrides = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            overrides.put(args[i], args[i + 1]);
        }
        Params p = Params.defaults().withAll(overrides);
        run(p, true); // warm-up, of the evaluation too
        double without = run(p, false);
        double with = run(p, true);
        System.out.printf("without ridge %.2f s, with ridge %.2f s (%+.1f%%)%n", without, with,
                100 * (with / without - 1));
    }

    private static double run(Params p, boolean ridge) throws Exception {
        IterationGate gate = new IterationGate();
        gate.open();
        long start = System.nanoTime();
        GatedDynamics g = new GatedDynamics(DynamicsFactory.create(p, p.seedOf(0), 1), gate,
                RecordingSchedule.DEFAULT, true, p.seedOf(0), ridge ? RidgeRiskTracker.SHARED : null,
                RidgeRiskTracker.BUDGET_SHARE);
        while (g.iteration() < p.iterations()) {
            g.step();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        g.close();
        if (ridge) {
            RidgeRiskTracker.SHARED.submit(() -> { }).get(); // the last evaluation is done
            System.out.printf("ridge points %d, evaluations %.2f s%n", g.ridgeRisk().size(),
                    g.ridgeEvaluationNanos() / 1e9);
        }
        return seconds;
    }
}
