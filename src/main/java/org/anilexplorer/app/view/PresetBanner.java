package org.anilexplorer.app.view;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.anilexplorer.app.viewmodel.MainViewModel;
import org.anilexplorer.app.viewmodel.PresetInfo;

/**
 * The loaded preset's title, description and source, above the charts: the story in two sentences. The description
 * folds away to the title line (the ▾ button); the window folds it on a short screen, where the charts need the room.
 */
public final class PresetBanner extends VBox {

    /** Below this window height the description starts folded. */
    static final double FOLD_BELOW_HEIGHT = 800;

    private final BooleanProperty expanded = new SimpleBooleanProperty(this, "expanded", true);

    public PresetBanner(MainViewModel vm) {
        getStyleClass().add("banner");
        setId("preset-banner");
        Label title = new Label();
        title.getStyleClass().add("banner-title");
        title.setMinWidth(0);
        ToggleButton fold = new ToggleButton();
        fold.setId("banner-fold");
        fold.getStyleClass().add("fold-button");
        fold.setFocusTraversable(false);
        fold.selectedProperty().bindBidirectional(expanded);
        fold.textProperty().bind(javafx.beans.binding.Bindings.when(expanded).then("▾").otherwise("▸"));
        fold.setTooltip(new Tooltip("Show or hide the description"));
        HBox titleRow = new HBox(6, fold, title);
        titleRow.setAlignment(Pos.CENTER_LEFT);
        WrappingLabel text = new WrappingLabel();
        text.getStyleClass().add("banner-text");
        Label source = new Label();
        source.getStyleClass().add("banner-source");
        getChildren().addAll(titleRow, text, source);
        Runnable update = () -> {
            PresetInfo p = vm.getPreset();
            title.setText(p.title());
            text.setFullText(p.description());
            boolean showText = expanded.get() && !p.description().isEmpty();
            text.setVisible(showText);
            text.setManaged(showText);
            source.setText(p.source().isEmpty() ? "" : "Source: " + p.source());
            boolean showSource = expanded.get() && !p.source().isEmpty();
            source.setVisible(showSource);
            source.setManaged(showSource);
            fold.setVisible(!p.description().isEmpty() || !p.source().isEmpty());
            fold.setManaged(fold.isVisible());
        };
        vm.presetProperty().addListener((obs, old, now) -> update.run());
        expanded.addListener((obs, old, now) -> update.run());
        update.run();
    }

    /** Whether the description and source are shown (true) or folded to the title line. */
    public BooleanProperty expandedProperty() {
        return expanded;
    }
}
