package org.anilexplorer.bench;

import java.util.HashMap;
import java.util.Map;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.run.DynamicsSource;
import org.anilexplorer.core.run.RiskRecording;
import org.anilexplorer.core.run.Run;
import org.anilexplorer.core.run.RunControl;
import org.anilexplorer.core.run.RunOptions;
import org.anilexplorer.core.run.Variant;

/**
 * What recording the test risk at a second m_test costs a run: one run without risk, with risk at m_test = 20 and with
 * risk at m_test = 20, 30, interleaved in one process, the best of 12 each. Arguments: parameter key/value pairs over
 * the defaults, e.g. {@code d 20 k 3 k_prime 20 task_cov linear m_in 10 m_out 10 tasks inf iterations 5000}.
 */
public final class MTestRiskCostBench {

    private MTestRiskCostBench() {
    }

    public static void main(String[] args) {
        Map<String, String> overrides = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            overrides.put(args[i], args[i + 1]);
        }
        Params base = Params.defaults().withAll(overrides);
        Params one = base.with("m_test", "20");
        Params two = base.with("m_test", "20,30");
        RunOptions none = RunOptions.DEFAULT.withRisk(RiskRecording.NONE);
        double[] best = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        for (int i = 0; i < 12; i++) {
            best[0] = Math.min(best[0], seconds(one, none));
            best[1] = Math.min(best[1], seconds(one, RunOptions.DEFAULT));
            best[2] = Math.min(best[2], seconds(two, RunOptions.DEFAULT));
        }
        System.out.printf("no risk %.3f s, risk at m_test = 20 %.3f s, at m_test = 20,30 %.3f s: the second m_test "
                + "adds %+.1f%%%n", best[0], best[1], best[2], 100 * (best[2] / best[1] - 1));
    }

    private static double seconds(Params p, RunOptions options) {
        long start = System.nanoTime();
        new Run(Variant.of(p), p.seed(), 1, DynamicsSource.FACTORY, options).execute(new RunControl());
        return (System.nanoTime() - start) / 1e9;
    }
}
