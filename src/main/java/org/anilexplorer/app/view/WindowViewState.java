package org.anilexplorer.app.view;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javafx.scene.control.ToggleButton;
import org.anilexplorer.app.viewmodel.ChartKind;
import org.anilexplorer.app.viewmodel.TeachingViewModel;
import org.jfree.data.Range;

/**
 * The window's part of a session's view: each chart's zoom ("x0 x1 y0 y1"), which chart is shown alone, and whether
 * the parameter panel is open.
 */
final class WindowViewState {

    private WindowViewState() {
    }

    static Map<String, String> capture(ChartArea charts, TeachingViewModel teaching, ToggleButton panel) {
        Map<String, String> v = new LinkedHashMap<>();
        for (ChartKind k : ChartKind.values()) {
            Range[] zoom = charts.tile(k).zoom();
            v.put("zoom." + k.id(), zoom == null ? "" : String.format(Locale.ROOT, "%s %s %s %s",
                    zoom[0].getLowerBound(), zoom[0].getUpperBound(), zoom[1].getLowerBound(), zoom[1].getUpperBound()));
        }
        ChartKind alone = teaching.maximisedProperty().get();
        v.put("maximised", alone == null ? "" : alone.id());
        v.put("parameters_panel", Boolean.toString(panel.isSelected()));
        return v;
    }

    static void restore(Map<String, String> v, ChartArea charts, TeachingViewModel teaching, ToggleButton panel) {
        for (ChartKind k : ChartKind.values()) {
            String z = v.getOrDefault("zoom." + k.id(), "");
            String[] parts = z.isBlank() ? new String[0] : z.trim().split("\\s+");
            if (parts.length == 4) {
                try {
                    double[] b = new double[4];
                    for (int i = 0; i < 4; i++) {
                        b[i] = Double.parseDouble(parts[i]);
                    }
                    if (b[0] < b[1] && b[2] < b[3]) {
                        charts.tile(k).restoreZoom(new Range(b[0], b[1]), new Range(b[2], b[3]));
                    }
                } catch (NumberFormatException e) {
                    // an edited file: this chart keeps showing all data
                }
            }
        }
        if (v.containsKey("maximised")) {
            ChartKind alone = null;
            for (ChartKind k : ChartKind.values()) {
                if (k.id().equals(v.get("maximised"))) {
                    alone = k;
                }
            }
            teaching.maximisedProperty().set(alone);
        }
        if (v.containsKey("parameters_panel")) {
            panel.setSelected(Boolean.parseBoolean(v.get("parameters_panel")));
        }
    }
}
