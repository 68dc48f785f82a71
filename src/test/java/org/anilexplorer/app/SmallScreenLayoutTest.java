package org.anilexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.anilexplorer.app.sim.FakeDriver;
import org.anilexplorer.app.view.ChartTile;
import org.anilexplorer.app.viewmodel.ChartKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/** At 1280×720 every chart keeps a readable plot, the panel divider drags, description and panel fold away. */
@ExtendWith(ApplicationExtension.class)
class SmallScreenLayoutTest {

    private AnilExplorerApp app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = new AnilExplorerApp(FakeDriver::new);
        app.start(stage);
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1280);
        stage.setHeight(720);
        app.window().fitToHeight(720);
    }

    @Stop
    void stop() {
        app.stop();
    }

    @Test
    void everyChartKeepsItsHeightAndTheChartsScroll(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        // the four charts on screen (the fourth follows the preset; the other story charts are not laid out)
        for (ChartKind kind : app.viewModel().charts().shownCharts()) {
            ChartTile tile = app.window().chartArea().tile(kind);
            assertTrue(tile.plotHeight() >= 330 - 0.5, kind + " chart is " + tile.plotHeight() + " px tall");
            assertTrue(tile.getWidth() >= 300, kind + " chart is " + tile.getWidth() + " px wide");
        }
        ScrollPane scroll = robot.lookup("#chart-scroll").queryAs(ScrollPane.class);
        assertTrue(scroll.getContent().getBoundsInLocal().getHeight() > scroll.getViewportBounds().getHeight(),
                "the charts scroll on a 720 px window");
        assertFalse(robot.lookup(".banner-text").queryAs(Region.class).isVisible(), "the description starts folded");
        robot.clickOn("#banner-fold");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup(".banner-text").queryAs(Region.class).isVisible(), "▸ unfolds it");
        robot.interact(() -> {
            try {
                org.anilexplorer.app.view.Snapshots.write(stage.getScene(), "layout-1280x720");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void aTheoryWarningIsShownAboveTheCharts(FxRobot robot) {
        javafx.scene.Node strip = robot.lookup("#chart-warnings").query();
        assertFalse(strip.isVisible(), "no warning for the teaching preset");
        robot.interact(() -> app.viewModel().parameters()
                .field(org.anilexplorer.core.params.ParamSpec.INIT_SCALE).setText("3"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(strip.isVisible());
        javafx.scene.control.Label warning = robot.lookup("#chart-warnings .notice")
                .queryAs(javafx.scene.control.Label.class);
        assertTrue(warning.getText().contains("init_scale is large"), warning.getText());
        javafx.geometry.Bounds w = warning.localToScene(warning.getBoundsInLocal());
        javafx.geometry.Bounds charts = robot.lookup("#chart-scroll").query().localToScene(
                robot.lookup("#chart-scroll").query().getBoundsInLocal());
        assertTrue(w.getHeight() > 10 && w.getMaxY() <= charts.getMinY() + 1, "a visible line right above the charts");
    }

    @Test
    void theDividerDragsAndThePanelHides(FxRobot robot) {
        SplitPane split = robot.lookup("#main-split").queryAs(SplitPane.class);
        Region panel = (Region) split.getItems().get(0);
        double before = panel.getWidth();
        javafx.scene.Node divider = split.lookup(".split-pane-divider");
        robot.drag(divider).moveBy(80, 0).release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before + 80, panel.getWidth(), 3, "the panel follows the divider");
        robot.clickOn("#toggle-parameters");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, split.getItems().size(), "the panel is hidden");
        robot.clickOn("#toggle-parameters");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, split.getItems().size(), "and back");
        assertEquals(before + 80, panel.getWidth(), 3, "at the width it had");
    }
}
