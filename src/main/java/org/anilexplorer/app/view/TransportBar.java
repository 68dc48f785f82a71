package org.anilexplorer.app.view;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.anilexplorer.app.viewmodel.ExperimentState;
import org.anilexplorer.app.viewmodel.Speed;
import org.anilexplorer.app.viewmodel.TransportViewModel;

/** Play/Pause (Space), Step (→), Reset (R) and the speed slider; binds to {@link TransportViewModel} only. */
public final class TransportBar extends HBox {

    public TransportBar(TransportViewModel vm) {
        setSpacing(8);
        setAlignment(Pos.CENTER_LEFT);

        Button play = new Button();
        play.setId("play");
        play.getStyleClass().add("primary");
        play.textProperty().bind(Bindings.when(vm.stateProperty().isEqualTo(ExperimentState.RUNNING))
                .then("❚❚  Pause").otherwise("▶  Play"));
        play.disableProperty().bind(vm.playDisabledProperty());
        play.setOnAction(e -> vm.togglePlay());
        play.setTooltip(tip("Run or pause (Space). Disabled while a parameter is invalid."));
        play.setFocusTraversable(false);

        Button step = new Button("Step ▸");
        step.setId("step");
        step.setOnAction(e -> vm.step());
        step.disableProperty().bind(vm.playDisabledProperty());
        step.setTooltip(tip("Advance one iteration and pause (→)."));
        step.setFocusTraversable(false);

        Button reset = new Button("↺  Reset");
        reset.setId("reset");
        reset.setOnAction(e -> vm.reset());
        reset.setTooltip(tip("Stop and clear the charts; the next Play starts from iteration 0 (R)."));
        reset.setFocusTraversable(false);

        Slider speed = new Slider(0, Speed.STEPS.size() - 1, vm.speedIndexProperty().get());
        speed.setId("speed");
        speed.setMajorTickUnit(1);
        speed.setMinorTickCount(0);
        speed.setSnapToTicks(true);
        speed.setBlockIncrement(1);
        speed.setPrefWidth(170);
        speed.setFocusTraversable(false);
        speed.setLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Double v) {
                return Speed.label(v.intValue());
            }

            @Override
            public Double fromString(String s) {
                return 0.0;
            }
        });
        speed.valueProperty().addListener((obs, old, now) -> vm.speedIndexProperty().set((int) Math.round(now.doubleValue())));
        vm.speedIndexProperty().addListener((obs, old, now) -> speed.setValue(now.intValue()));
        speed.setTooltip(tip("Iterations per animation frame; the right end runs as fast as the machine allows."));

        Label speedText = new Label();
        speedText.getStyleClass().add("speed-label");
        speedText.textProperty().bind(Bindings.createStringBinding(() -> Speed.label(vm.speedIndexProperty().get()),
                vm.speedIndexProperty()));

        Label speedTitle = new Label("Speed");
        getChildren().addAll(play, step, reset, new Label("   "), speedTitle, speed, speedText);
    }

    private static Tooltip tip(String text) {
        Tooltip t = new Tooltip(text);
        t.setShowDelay(Duration.millis(300));
        return t;
    }
}
