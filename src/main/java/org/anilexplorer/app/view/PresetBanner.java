package org.anilexplorer.app.view;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.anilexplorer.app.viewmodel.MainViewModel;
import org.anilexplorer.app.viewmodel.PresetInfo;

/** The loaded preset's title, description and source, above the charts: the story in two sentences. */
public final class PresetBanner extends VBox {

    public PresetBanner(MainViewModel vm) {
        getStyleClass().add("banner");
        setId("preset-banner");
        Label title = new Label();
        title.getStyleClass().add("banner-title");
        WrappingLabel text = new WrappingLabel();
        text.getStyleClass().add("banner-text");
        Label source = new Label();
        source.getStyleClass().add("banner-source");
        getChildren().addAll(title, text, source);
        Runnable update = () -> {
            PresetInfo p = vm.getPreset();
            title.setText(p.title());
            text.setFullText(p.description());
            text.setVisible(!p.description().isEmpty());
            text.setManaged(!p.description().isEmpty());
            source.setText(p.source().isEmpty() ? "" : "Source: " + p.source());
            source.setVisible(!p.source().isEmpty());
            source.setManaged(!p.source().isEmpty());
        };
        vm.presetProperty().addListener((obs, old, now) -> update.run());
        update.run();
    }
}
