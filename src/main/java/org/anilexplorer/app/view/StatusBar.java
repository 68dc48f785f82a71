package org.anilexplorer.app.view;

import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.anilexplorer.app.viewmodel.ExperimentState;
import org.anilexplorer.app.viewmodel.TransportViewModel;

/** Iteration, iterations per second, elapsed time and state; a divergence shows in red with its reason. */
public final class StatusBar extends HBox {

    public StatusBar(TransportViewModel vm) {
        getStyleClass().add("status-bar");

        Label state = new Label();
        state.setId("status-state");
        state.getStyleClass().add("status-state");
        Runnable styleState = () -> {
            ExperimentState s = vm.getState();
            state.setText(s.text());
            state.getStyleClass().removeIf(c -> !c.equals("status-state") && !c.equals("label"));
            state.getStyleClass().add(s.name().toLowerCase());
        };
        vm.stateProperty().addListener((obs, old, now) -> styleState.run());
        styleState.run();

        Label text = new Label();
        text.setId("status-text");
        text.getStyleClass().add("status-text");
        text.textProperty().bind(vm.statusTextProperty());

        Label problem = new Label();
        problem.setId("status-problem");
        problem.getStyleClass().add("status-problem");
        problem.textProperty().bind(vm.problemProperty());
        problem.setMaxWidth(Double.MAX_VALUE);
        problem.setMinWidth(0); // a long reason is cut here (the message bar shows it whole), never the window
        state.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        text.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox.setHgrow(problem, Priority.ALWAYS);

        getChildren().addAll(state, text, problem);
    }

    /** Adds a note at the right end (e.g. what undo and checkpoints keep in memory), hidden while empty. */
    public void addNote(String id, javafx.beans.value.ObservableValue<String> note) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("status-text");
        label.textProperty().bind(note);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        getChildren().add(label);
    }
}
