package org.anilexplorer.bench;

import java.util.HashMap;
import java.util.Map;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.run.DynamicsSource;
import org.anilexplorer.core.run.RiskRecording;
import org.anilexplorer.core.run.Run;
import org.anilexplorer.core.run.RunControl;
import org.anilexplorer.core.run.RunOptions;
import org.anilexplorer.core.run.RunView;
import org.anilexplorer.core.run.Variant;

/**
 * What recording the test risk costs a run: wall time of one run without any risk, with the exact 1-GD risk only,
 * and with 1-GD and ridge (the default), each the best of three, and the number of risk points. Arguments: parameter
 * key/value pairs over the defaults, e.g. {@code d 50 k_prime 50 tasks inf iterations 20000}.
 */
public final class RiskRecordingBenchmark {

    private RiskRecordingBenchmark() {
    }

    public static void main(String[] args) {
        Map<String, String> overrides = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            overrides.put(args[i], args[i + 1]);
        }
        Params p = Params.defaults().withAll(overrides);
        RiskRecording oneStepOnly = RiskRecording.DEFAULT.withoutRidge();
        best(p, RiskRecording.DEFAULT); // warm-up
        double none = best(p, RiskRecording.NONE);
        double gd = best(p, oneStepOnly);
        double both = best(p, RiskRecording.DEFAULT);
        int points = run(p, RiskRecording.DEFAULT).risk().size();
        System.out.printf("no risk %.3f s, 1-GD %.3f s (%+.1f%%), 1-GD + ridge %.3f s (%+.1f%%), %d points%n", none, gd,
                100 * (gd / none - 1), both, 100 * (both / none - 1), points);
    }

    private static double best(Params p, RiskRecording risk) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            run(p, risk);
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return best;
    }

    private static RunView run(Params p, RiskRecording risk) {
        return new Run(Variant.of(p), p.seedOf(0), 1, DynamicsSource.FACTORY, RunOptions.DEFAULT.withRisk(risk))
                .execute(new RunControl());
    }
}
