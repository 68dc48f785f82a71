package org.anilexplorer.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.anilexplorer.core.algo.Dynamics;
import org.anilexplorer.core.algo.DynamicsFactory;
import org.anilexplorer.core.metrics.Metrics;
import org.anilexplorer.core.metrics.RecordingSchedule;
import org.anilexplorer.core.params.Params;

/**
 * Share of run time spent in {@link Metrics#measure} under {@link RecordingSchedule#DEFAULT}, driving a run the way
 * {@code core.run.Run} does (step, then measure at every scheduled iteration). Times are this thread's CPU time.
 * Run: {@code java -cp <test classpath> org.anilexplorer.bench.MetricsOverheadBench [finite]}; with "finite" it
 * also times the paper-scale finite FO-ANIL step (N = 5000, d = k' = 50) against one measurement.
 */
public final class MetricsOverheadBench {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private MetricsOverheadBench() {
    }

    public static void main(String[] args) {
        Params ref = Params.defaults().with("tasks", "inf").with("d", "50").with("k", "5").with("k_prime", "50")
                .with("m_in", "20").with("sigma2", "4").with("alpha", "0.1").with("beta", "0.1")
                .with("task_cov", "linear").with("init_scale", "0.1").with("w0_scale", "0.07");
        for (int i = 0; i < 3; i++) {
            infinite(ref, 10_000); // warm-up: compile the step and the measurement
        }
        for (String d : new String[] {"50", "1000"}) {
            for (long iterations : new long[] {10_000, 100_000}) {
                infinite(ref.with("d", d), iterations);
            }
        }
        if (args.length > 0 && args[0].equals("finite")) {
            finite(ref.with("tasks", "5000").with("m_out", "10"));
        }
    }

    private static void infinite(Params p, long iterations) {
        Dynamics dyn = DynamicsFactory.create(p, 1, 1);
        RecordingSchedule schedule = RecordingSchedule.DEFAULT;
        long stepNanos = 0;
        long measureNanos = 0;
        int records = 0;
        long mark = THREADS.getCurrentThreadCpuTime();
        Metrics.measure(dyn);
        long now = THREADS.getCurrentThreadCpuTime();
        measureNanos += now - mark;
        records++;
        long next = schedule.next(0);
        mark = now;
        while (dyn.iteration() < iterations) {
            dyn.step();
            if (dyn.iteration() >= next || dyn.iteration() == iterations) {
                now = THREADS.getCurrentThreadCpuTime();
                stepNanos += now - mark;
                Metrics.measure(dyn);
                mark = THREADS.getCurrentThreadCpuTime();
                measureNanos += mark - now;
                records++;
                next = schedule.next(dyn.iteration());
            }
        }
        System.out.printf("infinite d=%4d k'=%d T=%7d: %4d records, %7.1f us/record = %5.1f steps; metrics %5.1f %% of run%n",
                p.d(), p.kPrime(), iterations, records, measureNanos / 1e3 / records,
                (double) measureNanos / records / (stepNanos / (double) iterations),
                100.0 * measureNanos / (measureNanos + stepNanos));
    }

    private static void finite(Params p) {
        try (Dynamics dyn = DynamicsFactory.create(p, 1, 1)) {
            dyn.step();
            Metrics.measure(dyn);
            int reps = 5;
            long t0 = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < reps; i++) {
                dyn.step();
            }
            long t1 = THREADS.getCurrentThreadCpuTime();
            double loss = 0;
            for (int i = 0; i < reps; i++) {
                loss += dyn.trainingLoss();
            }
            long t2 = THREADS.getCurrentThreadCpuTime();
            // the metrics proper (state() and Metrics on it), many times: they are cheap and need the JIT warm
            int metricReps = 300;
            for (int i = 0; i < metricReps; i++) {
                Metrics.measure(dyn.state(), dyn.truth(), 0, Double.NaN);
            }
            long t3 = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < metricReps; i++) {
                Metrics.measure(dyn.state(), dyn.truth(), 0, Double.NaN);
            }
            long t4 = THREADS.getCurrentThreadCpuTime();
            double step = (t1 - t0) / 1e6 / reps;
            double lossPart = (t2 - t1) / 1e6 / reps;
            double metrics = (t4 - t3) / 1e6 / metricReps;
            System.out.printf("finite N=%s d=%d k'=%d: step %.2f ms (1 thread); per record the method's trainingLoss()"
                    + " %.2f ms (%.1f %% of a step) and state() + metrics %.3f ms (%.2f %% of a step)%n",
                    p.tasks(), p.d(), p.kPrime(), step, lossPart, 100 * lossPart / step, metrics, 100 * metrics / step);
            if (Double.isNaN(loss)) {
                System.out.println("(loss is NaN)");
            }
        }
    }
}
