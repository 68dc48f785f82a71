package org.anilexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.anilexplorer.app.view.ChartTile;
import org.anilexplorer.app.viewmodel.ChartKind;
import javafx.stage.Stage;
import org.anilexplorer.app.sim.FakeLauncher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The crosshair reads the curves at a recorded iteration, and follows new data without the pointer moving. */
@ExtendWith(ApplicationExtension.class)
class CrosshairReadoutTest {

    private final FakeLauncher fakes = new FakeLauncher();
    private AnilExplorerApp app;

    @Start
    void start(Stage stage) {
        app = new AnilExplorerApp(fakes);
        app.start(stage);
    }

    @Stop
    void stop() {
        app.stop();
    }

    @Test
    void theReadoutShowsEachCurvesValueAtTheSnappedIteration(FxRobot robot) throws Exception {
        robot.interact(() -> app.viewModel().transport().play());
        robot.interact(() -> fakes.live().advance(400));
        robot.interact(() -> app.viewModel().transport().pause());
        ChartTile tile = app.window().chartArea().tile(ChartKind.LEARNING);
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> tile.isInteractive() && tile.chart() != null
                    && tile.chart().getXYPlot().getDomainAxis().getUpperBound() >= 400);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("interactive " + tile.isInteractive() + ", chart " + (tile.chart() == null ? null
                    : tile.chart().getXYPlot().getDomainAxis().getRange()) + ", state "
                    + app.viewModel().transport().getState() + ", t " + app.viewModel().transport().getView().iteration());
        }
        robot.moveTo(tile.viewer());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !tile.readoutLines().isEmpty());
        List<String> lines = tile.readoutLines();
        assertTrue(lines.get(0).matches("t = [0-9,]+"), lines.toString());
        long t = Long.parseLong(lines.get(0).substring(4).replace(",", ""));
        assertEquals(0, t % 20, "the fake records every 20 iterations: snapped to a recorded one, " + lines);
        // each of the teaching preset's three methods: smallest (solid) and largest (dotted)
        assertEquals(1 + 2 * app.viewModel().transport().getView().methods().size(), lines.size(), lines.toString());
        assertTrue(lines.get(1).startsWith("━ " + app.viewModel().transport().getView().methods().get(0).method().label()),
                lines.toString());

        // new data (the axes rescale): the read-out stays at the same t and reads the new chart
        robot.interact(() -> fakes.live().advance(400));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> tile.chart().getXYPlot().getDomainAxis().getUpperBound() >= 800);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(lines.get(0), tile.readoutLines().get(0), "the crosshair stays at its iteration");
        assertEquals(lines.size(), tile.readoutLines().size(), tile.readoutLines().toString());
    }
}
