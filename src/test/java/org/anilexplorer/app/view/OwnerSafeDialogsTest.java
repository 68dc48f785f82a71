package org.anilexplorer.app.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A dialog shown by {@link OwnerSafeDialogs} is not modal to the toolkit (which would disable, and so un-maximise,
 * its owner under openbox and xfwm4), yet it blocks the window behind it as a modal dialog would, and only while open.
 */
@ExtendWith(ApplicationExtension.class)
class OwnerSafeDialogsTest {

    private Stage stage;
    private final AtomicInteger clicks = new AtomicInteger();
    private TextField field;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Button button = new Button("Count");
        button.setId("count");
        button.setOnAction(e -> clicks.incrementAndGet());
        field = new TextField("20");
        field.setId("field");
        stage.setScene(new Scene(new VBox(8, button, field), 400, 300));
        stage.show();
    }

    @Test
    void theOwnerStaysEnabledButTakesNoInputWhileTheDialogIsOpen(FxRobot robot) {
        AtomicReference<Dialog<ButtonType>> shown = new AtomicReference<>();
        AtomicReference<Optional<ButtonType>> answer = new AtomicReference<>();
        Platform.runLater(() -> {
            Dialog<ButtonType> dialog = new Dialog<>();
            dialog.initOwner(stage);
            dialog.setTitle("A question");
            dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
            shown.set(dialog);
            answer.set(OwnerSafeDialogs.showAndWait(dialog));
        });
        WaitForAsyncUtils.waitForFxEvents();
        Dialog<ButtonType> dialog = shown.get();
        assertTrue(dialog.isShowing(), "the dialog is open");
        assertEquals(Modality.NONE, dialog.getModality(), "not modal to the toolkit, which would disable the owner");
        assertSame(stage, dialog.getOwner(), "kept above its owner");

        robot.clickOn("#count");
        robot.clickOn("#field").write("5");
        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        assertEquals(0, clicks.get(), "a click on the owner's button is swallowed");
        assertEquals("20", field.getText(), "typing does not reach the owner's field");
        assertTrue(stage.isShowing(), "the owner refuses to close while the dialog is open");

        robot.interact(() -> dialog.setResult(ButtonType.OK));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Optional.of(ButtonType.OK), answer.get(), "the answer comes back as from Dialog.showAndWait");
        robot.clickOn("#count");
        assertEquals(1, clicks.get(), "once the dialog is closed the owner takes input again");
    }
}
