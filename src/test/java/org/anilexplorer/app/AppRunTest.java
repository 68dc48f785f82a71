package org.anilexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.anilexplorer.app.sim.CoreExperimentLauncher;
import org.anilexplorer.app.viewmodel.LiveView;
import org.anilexplorer.app.viewmodel.ExperimentState;
import org.anilexplorer.app.view.Snapshots;
import org.anilexplorer.app.viewmodel.ChartKind;
import org.anilexplorer.app.viewmodel.MainViewModel;
import org.anilexplorer.app.viewmodel.MethodVariant;
import org.anilexplorer.app.viewmodel.Speed;
import org.anilexplorer.core.metrics.Snapshot;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.theory.LambdaStar;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/** The window on the real engine: press Play, let a small experiment finish, compare the charts with the engine. */
@ExtendWith(ApplicationExtension.class)
class AppRunTest {

    private static final Params SMALL = Params.defaults().withAll(Map.of("d", "12", "k", "3", "k_prime", "12",
            "m_in", "10", "m_out", "10", "tasks", "inf", "alpha", "0.2", "beta", "0.2", "iterations", "1000",
            "seeds", "2"));
    private static final long T = 1500;

    private AnilExplorerApp app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = new AnilExplorerApp(new CoreExperimentLauncher());
        app.start(stage);
    }

    @Stop
    void stop() {
        app.stop();
    }

    private MainViewModel vm() {
        return app.viewModel();
    }

    @Test
    void playRunsTheEngineAndTheChartsShowItsNumbersAndTheLambdaStarLevels(FxRobot robot) throws Exception {
        robot.interact(() -> {
            vm().parameters().load(SMALL, List.of(new MethodVariant("infinite tasks", Map.of()),
                    new MethodVariant("infinite samples", Map.of("m_in", "inf", "m_out", "inf"))));
            vm().transport().speedIndexProperty().set(Speed.STEPS.size() - 1);
        });
        // type the horizon into its field and press Play, as a user would
        robot.doubleClickOn("#param-iterations").eraseText(6).write(Long.toString(T));
        robot.clickOn("#play");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm().transport().getState().isTerminal());
        assertEquals(ExperimentState.FINISHED, vm().transport().getState());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            try {
                Snapshots.write(stage.getScene(), "finished");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        LiveView view = vm().transport().getView();
        assertEquals(T, view.iteration());
        // once the run has ended, every chart is handed to its interactive viewer with the final data
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> {
            var chart = app.window().chartArea().tile(ChartKind.LEARNING).chart();
            XYDataset d = chart == null ? null : chart.getXYPlot().getDataset(1);
            return d != null && d.getSeriesCount() > 0 && d.getItemCount(0) > 0
                    && d.getXValue(0, d.getItemCount(0) - 1) == T;
        }).get());
        XYPlot learning = app.window().chartArea().tile(ChartKind.LEARNING).chart().getXYPlot();
        // the dashed levels are the extreme eigenvalues of Λ⋆ of both methods (finite and infinite m_in)
        double[] finite = LambdaStar.eigenvalues(SMALL);
        double[] infinite = LambdaStar.eigenvalues(SMALL.with("m_in", "inf").with("m_out", "inf"));
        double[] expected = {finite[0], finite[finite.length - 1], infinite[0]};
        double[] markers = learning.getRangeMarkers(org.jfree.chart.ui.Layer.BACKGROUND).stream()
                .mapToDouble(m -> ((ValueMarker) m).getValue()).sorted().toArray();
        Arrays.sort(expected);
        assertEquals(expected.length, markers.length, Arrays.toString(markers));
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], markers[i], 1e-12);
        }

        // the solid curve of the first method ends at the mean over seeds of the engine's σ²_min(B⋆ᵀB_T)
        double mean = view.methods().get(0).seeds().stream()
                .mapToDouble(s -> s.last().sv2StarMin()).average().orElseThrow();
        XYDataset data = learning.getDataset(1);
        int last = data.getItemCount(0) - 1;
        assertEquals(T, data.getXValue(0, last), 0);
        assertEquals(mean, data.getYValue(0, last), 1e-12 * Math.abs(mean));
        // and the infinite-task run has come close to its Λ⋆ (Theorem 1), as the picture should show
        Snapshot end = view.methods().get(0).seeds().get(0).last();
        assertTrue(Math.abs(end.sv2StarMax() - finite[0]) < 0.05 * finite[0],
                "σ²_max = " + end.sv2StarMax() + " vs λ_max(Λ⋆) = " + finite[0]);
    }

    @Test
    void closingTheWindowCancelsAndJoinsEverySimulationThread(FxRobot robot) throws Exception {
        robot.interact(() -> {
            vm().parameters().load(SMALL.with("iterations", "100000000"), List.of());
            vm().transport().speedIndexProperty().set(Speed.STEPS.size() - 1);
            vm().transport().play();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm().transport().iterationProperty().get() > 100);
        assertTrue(simulationThreads() > 0);
        robot.interact(() -> stage.close());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> simulationThreads() == 0);
    }

    private static long simulationThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("anil-run")).count();
    }
}
