package org.anilexplorer.app.view;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.anilexplorer.app.viewmodel.TimelineViewModel;

/**
 * The timeline under the charts: a slider over the recorded iterations that moves a cursor across every chart (each
 * chart reads its curves' values there), the cursor's iteration, a switch to take the cursor away, and the branch
 * button the owner wires.
 */
public final class TimelineBar extends HBox {

    private final Button branch = new Button("Branch from here");

    public TimelineBar(TimelineViewModel timeline) {
        getStyleClass().add("timeline-bar");
        setId("timeline");
        setSpacing(8);
        setPadding(new Insets(4, 12, 4, 12));
        setAlignment(Pos.CENTER_LEFT);
        Label title = new Label("Timeline");
        Slider slider = new Slider(0, 0, 0);
        slider.setId("timeline-slider");
        slider.setFocusTraversable(false);
        slider.maxProperty().bind(timeline.lastProperty());
        slider.setBlockIncrement(1);
        slider.setMajorTickUnit(1);
        slider.setSnapToTicks(false);
        slider.setValue(timeline.positionProperty().get());
        timeline.positionProperty().addListener((obs, old, now) -> {
            if ((int) Math.round(slider.getValue()) != now.intValue()) {
                slider.setValue(now.intValue());
            }
        });
        slider.valueProperty().addListener((obs, old, now) -> {
            int i = (int) Math.round(now.doubleValue());
            if (i != timeline.positionProperty().get()) {
                timeline.positionProperty().set(i);
            }
        });
        slider.setTooltip(new Tooltip("Drag over the recorded iterations: a cursor on every chart reads each curve "
                + "at that iteration."));
        HBox.setHgrow(slider, Priority.ALWAYS);
        slider.setMaxWidth(Double.MAX_VALUE);
        Label at = new Label();
        at.setId("timeline-t");
        at.textProperty().bind(timeline.textProperty());
        at.setMinWidth(90);
        ToggleButton cursor = new ToggleButton("Cursor");
        cursor.setId("timeline-cursor");
        cursor.setFocusTraversable(false);
        cursor.selectedProperty().bindBidirectional(timeline.activeProperty());
        cursor.setTooltip(new Tooltip("Show or hide the timeline's cursor on the charts"));
        branch.setId("branch");
        branch.setFocusTraversable(false);
        branch.setDisable(true);
        getChildren().addAll(title, slider, at, cursor, branch);
    }

    /** The "Branch from here" button (the window wires what it does and when it is enabled). */
    public Button branchButton() {
        return branch;
    }
}
