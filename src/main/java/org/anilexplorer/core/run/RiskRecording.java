package org.anilexplorer.core.run;

import java.util.EnumSet;
import java.util.List;
import org.anilexplorer.core.eval.Estimator;
import org.anilexplorer.core.eval.TestProtocol;
import org.anilexplorer.core.metrics.RecordingSchedule;
import org.anilexplorer.core.params.Params;

/**
 * When and how a run records its test risk ({@link RiskSeries}): at the iterations of {@code schedule} and the last
 * one, independent of the snapshot schedule, so the app and the command line record the same points. The 1-GD risk is
 * exact and cheap; ridge is fitted on {@code ridgeTestTasks} fixed test tasks of the run's seed at the first risk
 * iteration at or after each iteration of {@code ridgeSchedule}, and at the last one (NaN at the others).
 *
 * <p>Cost, measured with {@code bench/RiskRecordingBenchmark} on the cheapest dynamics that matter (infinite tasks,
 * d = k' = 50, 5,000 iterations, about 1 s): one ridge point on 200 tasks costs about as much as 400 steps, so ridge is
 * kept to 3 points per decade on 100 tasks; the 1-GD risk costs nothing measurable.
 *
 * @param schedule       the risk's iterations; {@link #DEFAULT} takes 10 per decade (t = 0, 1, 2, 3, 4, 5, 7, 8,
 *                       10, 13, …), so the cost grows like log T
 * @param ridgeSchedule  the iterations that also get a ridge point (null: none but the last)
 * @param ridgeTestTasks test tasks per ridge evaluation, or 0 for no ridge at all
 */
public record RiskRecording(RecordingSchedule schedule, RecordingSchedule ridgeSchedule, int ridgeTestTasks) {

    /** Test tasks per ridge point: a smooth curve (the same tasks at every point) at a bounded share of the run. */
    public static final int RIDGE_TEST_TASKS = 100;

    public static final RiskRecording DEFAULT = new RiskRecording(new RecordingSchedule(1, 10),
            new RecordingSchedule(1, 3), RIDGE_TEST_TASKS);
    /** Records no risk at all. */
    public static final RiskRecording NONE = new RiskRecording(null, null, 0);

    public RiskRecording {
        if (ridgeTestTasks < 0) {
            throw new IllegalArgumentException("ridgeTestTasks must be ≥ 0");
        }
    }

    /** The default schedules without ridge (the exact 1-GD risk only). */
    public RiskRecording withoutRidge() {
        return new RiskRecording(schedule, ridgeSchedule, 0);
    }

    public boolean enabled() {
        return schedule != null;
    }

    /** Ridge only, at every m_test, on {@link #ridgeTestTasks()} tasks. */
    TestProtocol ridgeProtocol(Params p) {
        return new TestProtocol(p.alpha(), p.mTest(), ridgeTestTasks, p.gdSteps(),
                EnumSet.of(Estimator.RIDGE));
    }
}
