package org.anilexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.anilexplorer.app.sim.FakeDriver;
import org.anilexplorer.app.sim.RunStatus;
import org.anilexplorer.app.view.Snapshots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/** The window with a stand-in simulation: validation blocks Play, keys drive the transport. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private final List<FakeDriver> opened = new ArrayList<>();
    private AnilExplorerApp app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = new AnilExplorerApp(r -> {
            FakeDriver d = new FakeDriver(r);
            opened.add(d);
            return d;
        });
        app.start(stage);
    }

    @Stop
    void stop() {
        app.stop();
    }

    @Test
    void typingAnInvalidValueDisablesPlayAndSaysWhy(FxRobot robot) throws Exception {
        Button play = robot.lookup("#play").queryButton();
        assertFalse(play.isDisabled());
        robot.clickOn("#param-alpha").eraseText(5).write("-2");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(play.isDisabled());
        assertTrue(app.viewModel().parameters().field(org.anilexplorer.core.params.ParamSpec.ALPHA).getError()
                .contains("[10^-9, 100]"));
        TextField alpha = robot.lookup("#param-alpha").queryAs(TextField.class);
        assertTrue(alpha.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("invalid")));
        assertEquals(1, robot.lookup(".field-error-icon").queryAll().size(), "ControlsFX marks the refused field");
        assertEquals(1, robot.lookup(".field-error").queryAll().stream().filter(javafx.scene.Node::isVisible).count(),
                "the message is shown once");
        robot.interact(() -> {
            try {
                Snapshots.write(stage.getScene(), "invalid-alpha");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        robot.interact(() -> alpha.setText("0.1"));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(play.isDisabled());
        assertEquals(0, robot.lookup(".field-error-icon").queryAll().size(), "the mark goes with the error");
    }

    @Test
    void spaceTogglesPlayUnlessTyping(FxRobot robot) throws Exception {
        robot.clickOn("#status-text");
        robot.type(javafx.scene.input.KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> app.viewModel().transport().isRunning());
        assertEquals(1, opened.size());
        robot.interact(() -> opened.get(0).advance(40));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> app.viewModel().transport().iterationProperty().get() == 40);
        robot.type(javafx.scene.input.KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(RunStatus.PAUSED, app.viewModel().transport().getState());
        robot.interact(() -> {
            try {
                Snapshots.write(stage.getScene(), "paused");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
