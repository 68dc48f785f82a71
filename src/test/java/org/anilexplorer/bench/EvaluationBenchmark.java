package org.anilexplorer.bench;

import java.util.Locale;
import org.anilexplorer.core.algo.ModelState;
import org.anilexplorer.core.eval.Estimator;
import org.anilexplorer.core.eval.Evaluation;
import org.anilexplorer.core.eval.EvaluationReport;
import org.anilexplorer.core.eval.EstimatorResult;
import org.anilexplorer.core.eval.RiskConvention;
import org.anilexplorer.core.eval.TestProtocol;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.problem.GroundTruth;
import org.anilexplorer.core.problem.RandomStreams;
import org.ejml.data.DMatrixRMaj;

/**
 * Wall-clock timing of {@link Evaluation} at the Table 1 size (d = 50, k = 5, k' = 50, m_test = 20, 30, 1000 test
 * tasks, every estimator). Run with
 * {@code java -cp target/classes:target/test-classes:<ejml jars> org.anilexplorer.bench.EvaluationBenchmark [threads]}.
 */
public final class EvaluationBenchmark {

    private EvaluationBenchmark() {
    }

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : Runtime.getRuntime().availableProcessors();
        int tasks = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Params p = Params.defaults().withAll(java.util.Map.of("d", "50", "k", "5", "k_prime", "50", "sigma2", "4",
                "task_cov", "linear", "test_tasks", Integer.toString(tasks), "m_test", "20,30"));
        GroundTruth truth = GroundTruth.sample(p, 1);
        DMatrixRMaj b = new DMatrixRMaj(50, 50);
        RandomStreams.gaussian(new java.util.SplittableRandom(7), b.data, 0, b.data.length, 0.3 / Math.sqrt(50));
        ModelState model = ModelState.of(0, truth, b, new double[50]);
        TestProtocol all = TestProtocol.of(p);
        TestProtocol baselines = TestProtocol.baselines(p);
        TestProtocol learned = all.withEstimators(java.util.EnumSet.of(Estimator.ONE_STEP_GD, Estimator.MULTI_STEP_GD,
                Estimator.RIDGE));
        EvaluationReport report = null;
        int reps = 12;
        double[][] ms = new double[3][reps];
        double[] cpu = new double[reps];
        java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int rep = 0; rep < reps; rep++) {
            long c0 = bean.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            report = Evaluation.evaluate(model, truth, all, 1, threads);
            long t1 = System.nanoTime();
            cpu[rep] = (bean.getCurrentThreadCpuTime() - c0) / 1e6;
            Evaluation.evaluate(model, truth, learned, 1, threads);
            long t2 = System.nanoTime();
            Evaluation.evaluate(null, truth, baselines, 1, threads);
            long t3 = System.nanoTime();
            ms[0][rep] = (t1 - t0) / 1e6;
            ms[1][rep] = (t2 - t1) / 1e6;
            ms[2][rep] = (t3 - t2) / 1e6;
        }
        // the first repetitions include JIT compilation; the machine may be shared, so report min and median
        String[] names = {"all estimators", "learned model only (1-GD, k-step GD, ridge)", "baselines only"};
        for (int i = 0; i < 3; i++) {
            double[] sorted = java.util.Arrays.copyOfRange(ms[i], 2, reps);
            java.util.Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "threads %d, %d tasks × m_test {20, 30}, %-45s min %7.1f ms, median %7.1f ms"
                    + " (first run %.0f ms)%n", threads, tasks, names[i], sorted[0], sorted[sorted.length / 2],
                    ms[i][0]);
        }
        if (threads == 1) {
            // with one thread the work runs on this thread: its CPU time is insensitive to other processes' load
            double[] sorted = java.util.Arrays.copyOfRange(cpu, 2, reps);
            java.util.Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "threads 1, all estimators: CPU time min %.1f ms, median %.1f ms%n",
                    sorted[0], sorted[sorted.length / 2]);
        }
        for (EstimatorResult e : report.entries()) {
            System.out.printf(Locale.ROOT, "  m=%d %-18s %.4f ± %.4f  λ=%.3g%s%n", e.mTest(), e.estimator().label(),
                    e.mean(RiskConvention.HALF_SQUARED_ERROR), e.standardError(RiskConvention.HALF_SQUARED_ERROR),
                    e.lambda(), e.lambdaAtGridEdge() ? " (edge)" : "");
        }
    }
}
