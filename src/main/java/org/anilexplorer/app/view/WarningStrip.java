package org.anilexplorer.app.view;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.layout.VBox;

/**
 * The parameter warnings (theory outside its assumptions, a step size near the stable limit) right above the charts
 * they qualify, where they are seen; hidden when there are none.
 */
final class WarningStrip extends VBox {

    /**
     * Held here on purpose: the view model hands out an unmodifiable wrapper that listens to its list only weakly,
     * so a wrapper nobody holds is collected and its listeners go quiet.
     */
    private final ObservableList<String> warnings;

    WarningStrip(ObservableList<String> warnings) {
        this.warnings = warnings;
        getStyleClass().add("warning-strip");
        setId("chart-warnings");
        Runnable rebuild = () -> {
            getChildren().clear();
            for (String w : this.warnings) {
                WrappingLabel label = new WrappingLabel();
                label.getStyleClass().addAll("notice", "warning");
                label.setFullText("⚠ " + w);
                getChildren().add(label);
            }
            setVisible(!this.warnings.isEmpty());
            setManaged(!this.warnings.isEmpty());
        };
        warnings.addListener((ListChangeListener<String>) c -> rebuild.run());
        rebuild.run();
    }
}
