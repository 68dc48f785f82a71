package org.anilexplorer.app.view;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.layout.Region;

/**
 * The lock of a student station: while on, the window shows only the transport, the lessons and the chart controls
 * (View menu, chips, axis toggles, zoom). The parameter panel, the File, Presets and Share menus (and their keys) and
 * dropping files are gone, so a station set up for a class stays on its lessons. Locking is one action; leaving asks
 * for confirmation, so it takes a deliberate second step.
 */
final class StudentLock {

    /** Text of the confirmation's button that leaves the lock (tests press it). */
    static final String LEAVE = "Leave the lock";

    private final BooleanProperty locked;
    private final Region window;
    private final MenuBar menus;
    private final List<String> lockedMenuIds;
    private final ToggleButton parameterToggle;
    private final Label badge = new Label("Student station (locked)");
    /** Disabled state of each menu item before locking, restored after. */
    private final Map<MenuItem, Boolean> wasDisabled = new HashMap<>();
    private boolean panelWasShown = true;

    /**
     * @param lockedMenuIds ids of the menus a student does not get (File, Presets, Share), and of single items in the
     *                      menus they keep (the Sweep view)
     */
    StudentLock(BooleanProperty locked, Region window, MenuBar menus, List<String> lockedMenuIds,
                ToggleButton parameterToggle) {
        this.locked = locked;
        this.window = window;
        this.menus = menus;
        this.lockedMenuIds = List.copyOf(lockedMenuIds);
        this.parameterToggle = parameterToggle;
        badge.setId("lock-badge");
        badge.getStyleClass().add("lock-badge");
        badge.setTooltip(new Tooltip("Only the run, the lessons and the charts can be used here. "
                + "View ▸ Leave student lock (Ctrl+Shift+L) asks before unlocking."));
        badge.setVisible(false);
        badge.setManaged(false);
        locked.addListener((obs, old, now) -> apply(now));
        // presenter mode gives the panel back when it ends: not while locked
        parameterToggle.selectedProperty().addListener((obs, old, now) -> {
            if (now && locked.get()) {
                parameterToggle.setSelected(false);
            }
        });
        window.addEventFilter(DragEvent.ANY, e -> {
            if (locked.get()) {
                e.consume();
            }
        });
        if (locked.get()) {
            apply(true);
        }
    }

    /** A label for the tool bar, shown while locked. */
    Label badge() {
        return badge;
    }

    /** Locks at once; unlocks only after the user confirms. */
    void toggle() {
        if (!locked.get()) {
            locked.set(true);
        } else if (confirmLeave()) {
            locked.set(false);
        }
    }

    private boolean confirmLeave() {
        ButtonType leave = new ButtonType(LEAVE, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION,
                "The parameters, files, presets and share codes become available again.", leave, ButtonType.CANCEL);
        alert.setTitle("Leave the student lock");
        alert.setHeaderText("Leave the student lock?");
        if (window.getScene() != null) {
            alert.initOwner(window.getScene().getWindow());
        }
        // Cancel is the default: Enter alone does not unlock
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(leave)).setDefaultButton(false);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        Optional<ButtonType> answer = OwnerSafeDialogs.showAndWait(alert);
        return answer.isPresent() && answer.get() == leave;
    }

    private void apply(boolean on) {
        for (Menu m : menus.getMenus()) {
            if (m.getId() != null && lockedMenuIds.contains(m.getId())) {
                m.setVisible(!on);
                setItemsDisabled(m, on);
            } else {
                // single items of the menus a student keeps (the Sweep view starts experiments of its own)
                for (MenuItem item : m.getItems()) {
                    if (item.getId() != null && lockedMenuIds.contains(item.getId())) {
                        item.setVisible(!on);
                        setDisabled(item, on);
                    }
                }
            }
        }
        if (on) {
            panelWasShown = parameterToggle.isSelected();
            parameterToggle.setSelected(false);
            window.getStyleClass().add("student-locked");
        } else {
            window.getStyleClass().remove("student-locked");
        }
        parameterToggle.setVisible(!on);
        parameterToggle.setManaged(!on);
        if (!on) {
            parameterToggle.setSelected(panelWasShown);
        }
        badge.setVisible(on);
        badge.setManaged(on);
    }

    /** Disables (or restores) every item under {@code menu}, so their keys do nothing while locked. */
    private void setItemsDisabled(Menu menu, boolean disable) {
        for (MenuItem item : menu.getItems()) {
            if (item instanceof Menu sub) {
                setItemsDisabled(sub, disable);
            }
            setDisabled(item, disable);
        }
    }

    private void setDisabled(MenuItem item, boolean disable) {
        if (item.disableProperty().isBound()) {
            return;
        }
        if (disable) {
            wasDisabled.put(item, item.isDisable());
            item.setDisable(true);
        } else {
            item.setDisable(wasDisabled.getOrDefault(item, false));
        }
    }
}
