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
 * exact and cheap; ridge is fitted on {@code ridgeTestTasks} fixed test tasks of the run's seed (0: no ridge).
 *
 * @param schedule       the risk's iterations; {@link #DEFAULT} takes 10 per decade (t = 0, 1, 2, 3, 4, 5, 7, 8,
 *                       10, 13, …), so the cost grows like log T
 * @param ridgeTestTasks test tasks per ridge evaluation, or 0 for none
 */
public record RiskRecording(RecordingSchedule schedule, int ridgeTestTasks) {

    /** Test tasks per ridge point: a smooth curve at a small share of the run's time. */
    public static final int RIDGE_TEST_TASKS = 200;

    public static final RiskRecording DEFAULT = new RiskRecording(new RecordingSchedule(1, 10), RIDGE_TEST_TASKS);
    /** Records no risk at all. */
    public static final RiskRecording NONE = new RiskRecording(null, 0);

    public RiskRecording {
        if (ridgeTestTasks < 0) {
            throw new IllegalArgumentException("ridgeTestTasks must be ≥ 0");
        }
    }

    public boolean enabled() {
        return schedule != null;
    }

    /** Ridge only, at the first m_test, on {@link #ridgeTestTasks()} tasks. */
    TestProtocol ridgeProtocol(Params p) {
        return new TestProtocol(p.alpha(), List.of(p.mTest().get(0)), ridgeTestTasks, p.gdSteps(),
                EnumSet.of(Estimator.RIDGE));
    }
}
