package org.anilexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.anilexplorer.app.sim.CoreExperimentLauncher;
import org.anilexplorer.app.viewmodel.ChartKind;
import org.anilexplorer.app.viewmodel.ExperimentState;
import org.anilexplorer.app.viewmodel.HistoryRun;
import org.anilexplorer.app.viewmodel.LiveFigures;
import org.anilexplorer.app.viewmodel.MainViewModel;
import org.anilexplorer.app.viewmodel.MethodView;
import org.anilexplorer.app.viewmodel.Speed;
import org.anilexplorer.core.metrics.Snapshot;
import org.anilexplorer.core.params.ParamSpec;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.run.RunView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Exploring without losing anything, in the window on the real engine: an edit while running leaves a ghost, Undo
 * (Ctrl+Z) brings the earlier run back without computing a step, Redo (Ctrl+Shift+Z) returns, and the timeline's
 * cursor reads every chart at the scrubbed iteration.
 */
@ExtendWith(ApplicationExtension.class)
class HistoryWindowTest {

    private static final Params SMALL = Params.defaults().withAll(Map.of("d", "12", "k", "3", "k_prime", "12",
            "m_in", "10", "m_out", "10", "tasks", "inf", "alpha", "0.2", "beta", "0.2", "iterations", "20000",
            "seeds", "1"));

    private final CountingSource source = new CountingSource();
    private AnilExplorerApp app;

    @Start
    void start(Stage stage) {
        app = new AnilExplorerApp(new CoreExperimentLauncher(source));
        app.start(stage);
    }

    @Stop
    void stop() {
        app.stop();
    }

    private MainViewModel vm() {
        return app.viewModel();
    }

    private void await(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }

    /** Waits until every simulation step in flight has landed: the step count stops moving. */
    private long settledSteps() throws InterruptedException {
        long before;
        long now = source.steps.get();
        do {
            before = now;
            Thread.sleep(400);
            now = source.steps.get();
        } while (now != before);
        return now;
    }

    @Test
    void anEditWhileRunningKeepsAGhostAndUndoAndRedoTradeRunsWithoutComputingAStep(FxRobot robot) throws Exception {
        robot.interact(() -> {
            vm().parameters().load(SMALL, List.of());
            vm().transport().speedIndexProperty().set(Speed.STEPS.indexOf(5L));
        });
        robot.clickOn("#play");
        await(() -> vm().transport().getView().iteration() >= 150);
        robot.doubleClickOn("#param-alpha").eraseText(6).write("0.1").type(KeyCode.ENTER)
                .type(KeyCode.ESCAPE); // leave the field: there, Ctrl+Z undoes typing
        await(() -> vm().exploration().history().runs().size() == 1);
        HistoryRun ghost = vm().exploration().history().runs().get(0);
        assertEquals("α = 0.2", ghost.settings());
        assertTrue(ghost.iteration() >= 150, "the ghost keeps what the run recorded: t = " + ghost.iteration());
        CheckBox shown = robot.lookup("#history-show-" + ghost.id()).queryAs(CheckBox.class);
        assertTrue(shown.isSelected());
        assertTrue(robot.lookup(".history-entry").queryAll().size() == 1);
        boolean drawn = WaitForAsyncUtils.asyncFx(() -> LiveFigures.build(ChartKind.LEARNING,
                vm().transport().getView(), vm().charts()).series().stream()
                .anyMatch(s -> s.legend() != null && s.legend().contains("α = 0.2"))).get();
        assertTrue(drawn, "the learning chart draws the ghost under its settings");
        await(() -> vm().transport().getView().iteration() >= 50);
        Thread.sleep(1000); // the replaced runs' final states arrive as soon as they have stopped
        WaitForAsyncUtils.waitForFxEvents();
        HistoryRun ghostEnded = WaitForAsyncUtils.asyncFx(() -> vm().exploration().history().runs().get(0)).get();
        assertTrue(ghostEnded.iteration() >= ghost.iteration(), "the ghost shows the runs as they ended");

        robot.clickOn("#play"); // pause
        await(() -> vm().transport().getState() == ExperimentState.PAUSED);
        long steps = settledSteps();
        Thread.sleep(200); // a frame takes the settled view
        long laterT = WaitForAsyncUtils.asyncFx(() -> vm().transport().getView().iteration()).get();
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        await(() -> "0.2".equals(vm().parameters().field(ParamSpec.ALPHA).getText()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(steps, settledSteps(), "Undo computed nothing");
        MethodView back = vm().transport().getView().methods().get(0);
        assertEquals(ExperimentState.PAUSED, vm().transport().getState());
        assertEquals(ghostEnded.iteration(), back.iteration(), "the earlier run is back where it stopped");
        assertEquals(ghostEnded.run().seeds().get(0).iteration(), back.seeds().get(0).iteration());
        assertSeriesStartsWith(ghostEnded.run().seeds().get(0), back.seeds().get(0));
        assertEquals(ghostEnded.run().seeds().get(0).series().size(), back.seeds().get(0).series().size(),
                "… with exactly the series it had recorded");
        HistoryRun later = vm().exploration().history().runs().get(0);
        assertEquals("α = 0.1", later.settings(), "the undone run is now the ghost");

        robot.clickOn("#play");
        await(() -> vm().transport().getView().iteration() > ghostEnded.iteration() + 20);
        robot.clickOn("#play");
        await(() -> vm().transport().getState() == ExperimentState.PAUSED);
        settledSteps();
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHIFT, KeyCode.CONTROL);
        await(() -> "0.1".equals(vm().parameters().field(ParamSpec.ALPHA).getText()));
        assertEquals(laterT, vm().transport().getView().iteration(), "Redo: the later run at its t");
        assertFalse(vm().exploration().canRedoProperty().get());
    }

    @Test
    void aBranchWithNothingChangedRepeatsTheOriginalRunBitForBitAndIsDrawnFromItsForkPoint(FxRobot robot)
            throws Exception {
        robot.interact(() -> {
            vm().parameters().load(SMALL.with("iterations", "600"), List.of());
            vm().transport().speedIndexProperty().set(Speed.STEPS.size() - 1);
        });
        robot.clickOn("#play");
        await(() -> vm().transport().getState().isTerminal());
        RunView original = vm().transport().getView().methods().get(0).seeds().get(0);
        robot.interact(() -> vm().exploration().timeline().moveTo(300));
        robot.clickOn("#branch");
        await(() -> vm().exploration().history().runs().size() == 1);
        long fork = vm().exploration().forks().values().iterator().next();
        assertTrue(fork <= 300 && fork > 0, "the nearest kept state at or before t = 300: " + fork);
        await(() -> vm().transport().getView().methods().get(0).seeds().get(0).iteration() == fork);
        assertEquals(ExperimentState.PAUSED, vm().transport().getState(), "the branch waits at its fork point");
        boolean drawnFromFork = WaitForAsyncUtils.asyncFx(() -> LiveFigures.build(ChartKind.LEARNING,
                vm().transport().getView(), vm().charts()).series().stream()
                .filter(s -> !s.name().startsWith("◌")).allMatch(s -> s.x(0) == fork)).get();
        assertTrue(drawnFromFork, "the branch's curves start at its fork point");

        robot.clickOn("#play");
        await(() -> vm().transport().getState().isTerminal());
        RunView branch = vm().transport().getView().methods().get(0).seeds().get(0);
        assertSeriesStartsWith(original, branch);
        assertEquals(original.series().size(), branch.series().size(), "bit for bit, and nothing more");
        assertEquals(original.risk(), branch.risk());
        org.junit.jupiter.api.Assertions.assertArrayEquals(original.finalModel().b().getData(),
                branch.finalModel().b().getData(), 0.0, "the same final B");
    }

    @Test
    void theTimelineCursorReadsEveryChartAtTheScrubbedIteration(FxRobot robot) throws Exception {
        robot.interact(() -> {
            vm().parameters().load(SMALL.with("iterations", "400"), List.of());
            vm().transport().speedIndexProperty().set(Speed.STEPS.size() - 1);
        });
        robot.clickOn("#play");
        await(() -> vm().transport().getState().isTerminal());
        Slider slider = robot.lookup("#timeline-slider").queryAs(Slider.class);
        robot.interact(() -> vm().exploration().timeline().moveTo(100));
        robot.interact(() -> slider.setValue(slider.getValue())); // as the slider shows it
        long t = vm().exploration().timeline().iteration();
        assertEquals(100, t, "100 is a recorded iteration (every iteration is recorded early)");
        await(() -> !app.window().chartArea().tile(ChartKind.LEARNING).readoutLines().isEmpty());
        List<String> lines = WaitForAsyncUtils.asyncFx(
                () -> app.window().chartArea().tile(ChartKind.LEARNING).readoutLines()).get();
        assertEquals("t = 100", lines.get(0));
        Snapshot at100 = vm().transport().getView().methods().get(0).seeds().get(0).series().stream()
                .filter(s -> s.iteration() == 100).findFirst().orElseThrow();
        String expected = String.format(java.util.Locale.ROOT, "%.4g", at100.sv2StarMin());
        assertTrue(lines.get(1).endsWith(expected), lines + " should read σ²_min = " + expected);
        for (ChartKind k : WaitForAsyncUtils.asyncFx(() -> vm().charts().shownCharts()).get()) {
            await(() -> !app.window().chartArea().tile(k).readoutLines().isEmpty());
        }
        javafx.scene.control.ToggleButton cursor = robot.lookup("#timeline-cursor")
                .queryAs(javafx.scene.control.ToggleButton.class);
        robot.interact(cursor::fire); // (a click would measure the button off the FX thread while charts draw)
        await(() -> app.window().chartArea().tile(ChartKind.LEARNING).readoutLines().isEmpty());
    }

    /** {@code b} recorded exactly what {@code a} did (bit for bit), and maybe more after it. */
    static void assertSeriesStartsWith(RunView a, RunView b) {
        List<Snapshot> x = a.series();
        List<Snapshot> y = b.series();
        assertTrue(y.size() >= x.size());
        for (int i = 0; i < x.size(); i++) {
            assertEquals(x.get(i).iteration(), y.get(i).iteration());
            org.junit.jupiter.api.Assertions.assertArrayEquals(x.get(i).sv2Star(), y.get(i).sv2Star(), 0.0);
            org.junit.jupiter.api.Assertions.assertArrayEquals(x.get(i).sv2Perp(), y.get(i).sv2Perp(), 0.0);
        }
        for (int i = 0; i < a.risk().size(); i++) {
            assertEquals(a.risk().iteration(i), b.risk().iteration(i));
            assertEquals(Double.doubleToLongBits(a.risk().oneStepGd(i)), Double.doubleToLongBits(b.risk().oneStepGd(i)));
        }
    }
}
