package org.anilexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.anilexplorer.app.sim.FakeDriver;
import org.anilexplorer.app.view.Snapshots;
import org.anilexplorer.app.viewmodel.ChartKind;
import org.anilexplorer.app.viewmodel.TeachingViewModel;
import org.anilexplorer.io.Lessons;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/** The teaching keys in the real window (stand-in simulation): lessons, presenter mode, scale, cheat sheet. */
@ExtendWith(ApplicationExtension.class)
class TeachingKeysTest {

    private AnilExplorerApp app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = new AnilExplorerApp(FakeDriver::new);
        app.start(stage);
    }

    @Stop
    void stop() {
        app.stop();
    }

    private TeachingViewModel teaching() {
        return app.window().teaching();
    }

    private void press(FxRobot robot, KeyCode... keys) {
        robot.clickOn("#status-text"); // out of any text field
        robot.press(keys).release(keys);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void pageDownAndUpWalkTheLessonsWithTheirCaption(FxRobot robot) {
        press(robot, KeyCode.PAGE_DOWN);
        assertEquals(0, teaching().lessonIndexProperty().get());
        Label caption = robot.lookup("#lesson-caption").queryAs(Label.class);
        assertTrue(caption.isVisible() && caption.getText().startsWith("Lesson 1 of "), caption.getText());
        assertEquals(Lessons.byId("quick-tour").preset().title(), app.viewModel().getPreset().title());
        press(robot, KeyCode.PAGE_DOWN);
        assertEquals(1, teaching().lessonIndexProperty().get());
        press(robot, KeyCode.PAGE_UP);
        assertEquals(0, teaching().lessonIndexProperty().get());
    }

    @Test
    void f5PresentsScalesAndEscapeReturns(FxRobot robot) throws Exception {
        javafx.scene.control.ToggleButton panel = robot.lookup("#toggle-parameters")
                .queryAs(javafx.scene.control.ToggleButton.class);
        assertTrue(panel.isSelected());
        press(robot, KeyCode.F5);
        assertTrue(teaching().presentingProperty().get());
        assertFalse(panel.isSelected(), "the parameters make room for the charts");
        assertEquals(1.5, teaching().scaleProperty().get());
        assertTrue(app.window().getStyle().contains("-fx-font-size: 19.5px"), app.window().getStyle());
        press(robot, KeyCode.CONTROL, KeyCode.EQUALS);
        assertEquals(1.75, teaching().scaleProperty().get());
        press(robot, KeyCode.CONTROL, KeyCode.EQUALS);
        press(robot, KeyCode.CONTROL, KeyCode.EQUALS);
        assertEquals(2.0, teaching().scaleProperty().get(), "at most 2×");
        press(robot, KeyCode.CONTROL, KeyCode.MINUS);
        assertEquals(1.75, teaching().scaleProperty().get());

        robot.doubleClickOn("#chart-" + ChartKind.values()[1].id(), MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ChartKind.values()[1], teaching().maximisedProperty().get());
        assertFalse(robot.lookup("#chart-" + ChartKind.values()[0].id()).query().isVisible());
        robot.interact(() -> {
            try {
                Snapshots.write(stage.getScene(), "presenter-one-chart");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        press(robot, KeyCode.ESCAPE);
        assertNull(teaching().maximisedProperty().get());
        assertTrue(robot.lookup("#chart-" + ChartKind.values()[0].id()).query().isVisible());
        press(robot, KeyCode.ESCAPE);
        assertFalse(teaching().presentingProperty().get());
        assertTrue(panel.isSelected(), "and come back");
        press(robot, KeyCode.CONTROL, KeyCode.DIGIT0);
        assertEquals(1.0, teaching().scaleProperty().get());
        assertEquals("", app.window().getStyle());
    }

    @Test
    void questionMarkShowsTheCheatSheetAndHighContrastToggles(FxRobot robot) {
        robot.clickOn("#status-text");
        robot.write("?");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(app.window().teachingControls().cheatSheetShowing());
        press(robot, KeyCode.ESCAPE);
        assertFalse(app.window().teachingControls().cheatSheetShowing());

        press(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.H);
        assertTrue(teaching().highContrastProperty().get());
        assertTrue(app.window().getStyleClass().contains("high-contrast"));
        press(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.H);
        assertFalse(app.window().getStyleClass().contains("high-contrast"));
    }
}
