package org.anilexplorer.app.view;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import org.anilexplorer.app.viewmodel.HistoryRun;
import org.anilexplorer.app.viewmodel.RunHistory;
import org.anilexplorer.figure.Palette;

/**
 * The run history under the method chips: one entry per earlier run (newest first) with a tick to show or hide its
 * ghost, its label and settings, how far it got, and × to dismiss it; "Dismiss all" at the end. Hidden while empty.
 */
public final class RunHistoryBar extends FlowPane {

    public RunHistoryBar(RunHistory history) {
        getStyleClass().add("run-history");
        setId("run-history");
        setHgap(8);
        setVgap(4);
        setPadding(new Insets(4, 12, 0, 12));
        setAlignment(Pos.CENTER_LEFT);
        history.runs().addListener((ListChangeListener<HistoryRun>) c -> {
            boolean structural = false;
            while (c.next()) {
                structural |= c.wasAdded() || c.wasRemoved() || c.wasPermutated();
            }
            if (structural) {
                fill(history);
            }
        });
        fill(history);
    }

    private void fill(RunHistory history) {
        getChildren().clear();
        boolean any = !history.runs().isEmpty();
        setVisible(any);
        setManaged(any);
        if (!any) {
            return;
        }
        Label title = new Label("Earlier runs:");
        title.setTooltip(new Tooltip("Runs replaced by an edit, drawn faded and dashed in every chart. Tick to show or "
                + "hide one, × to dismiss it. Undo (Ctrl+Z) brings one back as the live run."));
        getChildren().add(title);
        for (HistoryRun r : history.runs()) {
            getChildren().add(entry(history, r));
        }
        Button all = new Button("Dismiss all");
        all.setId("history-dismiss-all");
        all.getStyleClass().add("history-dismiss-all");
        all.setFocusTraversable(false);
        all.setOnAction(e -> history.dismissAll());
        getChildren().add(all);
    }

    private static HBox entry(RunHistory history, HistoryRun r) {
        CheckBox shown = new CheckBox();
        shown.setId("history-show-" + r.id());
        shown.selectedProperty().bindBidirectional(r.shown());
        shown.setFocusTraversable(false);
        int rgb = Palette.method(r.run().colourIndex());
        Line dash = new Line(0, 0, 16, 0);
        dash.setStroke(Color.rgb((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff, 0.55));
        dash.setStrokeWidth(2);
        dash.getStrokeDashArray().addAll(4.0, 3.0);
        Label label = new Label(r.label() + String.format(java.util.Locale.ROOT, "  ·  t = %,d", r.iteration()));
        label.setMnemonicParsing(false);
        label.setGraphic(dash);
        Button dismiss = new Button("×");
        dismiss.setId("history-dismiss-" + r.id());
        dismiss.getStyleClass().add("history-dismiss");
        dismiss.setFocusTraversable(false);
        dismiss.setTooltip(new Tooltip("Dismiss this earlier run"));
        dismiss.setOnAction(e -> history.dismiss(r));
        HBox box = new HBox(4, shown, label, dismiss);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("history-entry");
        return box;
    }
}
