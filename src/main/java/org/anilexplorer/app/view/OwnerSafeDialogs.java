package org.anilexplorer.app.view;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.value.ChangeListener;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.control.Dialog;
import javafx.scene.input.InputEvent;
import javafx.scene.layout.Pane;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * Shows dialogs and file choosers over the app's windows without letting the toolkit disable those windows.
 *
 * <p>JavaFX 21's GTK backend disables the owner of a modal dialog, and the owner of a file chooser, with every owner
 * above it, by pinning each window's minimum and maximum size to its last floating size. Window managers that put size
 * hints before the maximised state (openbox, xfwm4) then un-maximise a maximised window for as long as the dialog is
 * open, showing it at its normal size. So the dialogs here are not modal to the toolkit; they block the app's other
 * windows themselves (every input event and close request to them is consumed, and a blocked window that gets the
 * focus passes it to the dialog), and a file chooser is owned by a one-pixel carrier window that has no owner, so the
 * only window the toolkit disables is the carrier.
 */
final class OwnerSafeDialogs {

    private OwnerSafeDialogs() {
    }

    /** Shows {@code dialog} (its owner already set) and waits for its answer, blocking the app's other windows. */
    static <T> Optional<T> showAndWait(Dialog<T> dialog) {
        dialog.initModality(Modality.NONE);
        Runnable unblock = blockOtherWindows(() -> {
            Scene scene = dialog.getDialogPane().getScene();
            return scene == null ? null : scene.getWindow();
        });
        try {
            return dialog.showAndWait();
        } finally {
            unblock.run();
        }
    }

    /** {@link FileChooser#showSaveDialog}, without disabling {@code owner}. */
    static File showSaveDialog(FileChooser chooser, Window owner) {
        return overCarrier(owner, chooser::showSaveDialog);
    }

    /** {@link FileChooser#showOpenDialog}, without disabling {@code owner}. */
    static File showOpenDialog(FileChooser chooser, Window owner) {
        return overCarrier(owner, chooser::showOpenDialog);
    }

    /** {@link DirectoryChooser#showDialog}, without disabling {@code owner}. */
    static File showDialog(DirectoryChooser chooser, Window owner) {
        return overCarrier(owner, chooser::showDialog);
    }

    /**
     * Runs a file chooser owned by a carrier window placed on {@code owner}: the toolkit disables the carrier, not
     * {@code owner}. The chooser is centred on the carrier, so on {@code owner}; as the carrier's transient it comes
     * forward with the carrier when a blocked window passes the focus on.
     */
    private static File overCarrier(Window owner, Function<Window, File> chooser) {
        if (owner == null || !owner.isShowing()) {
            return chooser.apply(owner);
        }
        Stage carrier = new Stage(StageStyle.UNDECORATED);
        carrier.setScene(new Scene(new Pane(), 1, 1));
        carrier.setX(owner.getX() + owner.getWidth() / 2);
        carrier.setY(owner.getY() + owner.getHeight() / 3);
        carrier.show();
        Runnable unblock = blockOtherWindows(() -> carrier);
        try {
            return chooser.apply(carrier);
        } finally {
            unblock.run();
            carrier.hide();
        }
    }

    /**
     * Blocks every showing window (but popups) that is not the dialog's: their input events and close requests are
     * consumed, and when one gets the focus it passes it to the dialog. Returns what lifts the block.
     */
    private static Runnable blockOtherWindows(java.util.function.Supplier<Window> dialogWindow) {
        List<Runnable> lifts = new ArrayList<>();
        EventHandler<Event> swallow = Event::consume;
        for (Window w : List.copyOf(Window.getWindows())) {
            if (!w.isShowing() || w instanceof PopupWindow) {
                continue;
            }
            ChangeListener<Boolean> passFocus = (obs, was, now) -> {
                Window target = dialogWindow.get();
                if (now && target != null && target != w && target.isShowing()) {
                    javafx.application.Platform.runLater(() -> {
                        if (target instanceof Stage stage) {
                            stage.toFront();
                        }
                        target.requestFocus();
                    });
                }
            };
            w.addEventFilter(InputEvent.ANY, swallow);
            w.addEventFilter(WindowEvent.WINDOW_CLOSE_REQUEST, swallow);
            w.focusedProperty().addListener(passFocus);
            lifts.add(() -> {
                w.removeEventFilter(InputEvent.ANY, swallow);
                w.removeEventFilter(WindowEvent.WINDOW_CLOSE_REQUEST, swallow);
                w.focusedProperty().removeListener(passFocus);
            });
        }
        return () -> lifts.forEach(Runnable::run);
    }
}
