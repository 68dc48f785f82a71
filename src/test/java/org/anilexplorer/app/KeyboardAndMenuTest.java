package org.anilexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import org.anilexplorer.app.viewmodel.Message;
import org.anilexplorer.core.params.ParamSpec;
import javafx.stage.Stage;
import org.anilexplorer.app.sim.FakeLauncher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Keys never land in a field the user did not mean, and menu rows respond over their whole width. */
@ExtendWith(ApplicationExtension.class)
class KeyboardAndMenuTest {

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

    private String d() {
        return app.viewModel().parameters().field(ParamSpec.D).getText();
    }

    @Test
    void afterDismissSpacePlaysInsteadOfReplacingAParameter(FxRobot robot) throws Exception {
        String before = d();
        robot.interact(() -> app.viewModel().showMessage(Message.info("Press Space to play.")));
        robot.clickOn("Dismiss");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.targetWindow(app.window().getScene().getWindow()).lookup("#message-bar").query().isVisible());
        assertFalse(app.window().getScene().getFocusOwner() instanceof TextInputControl,
                "focus went to " + app.window().getScene().getFocusOwner());
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> app.viewModel().transport().isRunning());
        assertEquals(before, d(), "d is untouched");
    }

    @Test
    void escapeLeavesAFieldAndRestoresItsLastValidValue(FxRobot robot) throws Exception {
        String before = d();
        robot.clickOn("#param-d").eraseText(before.length()).write("2x");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(app.viewModel().parameters().field(ParamSpec.D).isValid());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, d());
        assertEquals(before, robot.lookup("#param-d").queryAs(TextField.class).getText());
        assertFalse(app.window().getScene().getFocusOwner() instanceof TextInputControl);
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> app.viewModel().transport().isRunning());
        assertEquals(before, d());
    }

    @Test
    void escapeKeepsAValidEdit(FxRobot robot) {
        robot.clickOn("#param-d").eraseText(d().length()).write("12");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("12", d());
        assertFalse(app.window().getScene().getFocusOwner() instanceof TextInputControl);
    }

    private static boolean inMenuRow(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p.getStyleClass().contains("menu-item")) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aPresetRowRespondsToAClickRightOfItsText(FxRobot robot) {
        for (String title : List.of("Tasks with a non-zero mean", "Well-specified width k' = k")) {
            robot.clickOn("Presets");
            Label label = robot.lookup(n -> n instanceof Label l && title.equals(l.getText())
                    && l.getStyleClass().contains("label") && inMenuRow(l)).queryAs(Label.class);
            Node row = label;
            while (row != null && !row.getStyleClass().contains("menu-item")) {
                row = row.getParent();
            }
            assertTrue(row != null, "the label sits in a menu row");
            Bounds rowBounds = row.localToScreen(row.getBoundsInLocal());
            Bounds text = label.localToScreen(label.getBoundsInLocal());
            assertTrue(rowBounds.getMaxX() - 12 > text.getMinX() + label.prefWidth(-1),
                    "the row is wider than its text, so the test clicks beside the text");
            robot.clickOn(rowBounds.getMaxX() - 12, rowBounds.getCenterY());
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(title, app.viewModel().getPreset().title().replace("′", "'"), "clicked beside the text");
        }
    }
}
