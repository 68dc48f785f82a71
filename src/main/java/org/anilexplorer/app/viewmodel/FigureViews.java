package org.anilexplorer.app.viewmodel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anilexplorer.app.sim.ResolvedMethod;
import org.anilexplorer.core.run.Variant;
import org.anilexplorer.io.FigureConfiguration;

/**
 * What an exported chart carries to be reopened: the configuration of the runs it shows (parameters, methods, seeds)
 * and its view (which chart, log axes, hidden methods), as {@link FigureConfiguration} entries.
 */
public final class FigureViews {

    private FigureViews() {
    }

    /**
     * Restores what an exported chart showed: the chart itself (a story chart takes the grid's fourth place), its log
     * axes and the methods hidden in it (by label, among {@code methods}). Unknown charts and labels are left alone.
     */
    public static void restore(ChartsViewModel charts, Map<String, String> view, List<ResolvedMethod> methods) {
        ChartKind chart = ChartKind.byId(view.getOrDefault("chart", ""));
        if (ChartKind.STORY.contains(chart)) {
            charts.storyChartProperty().set(chart);
        }
        for (ChartKind kind : ChartKind.values()) {
            if (kind.id().equals(view.get("chart"))) {
                charts.logXProperty(kind).set(Boolean.parseBoolean(view.getOrDefault("log_x", "false")));
                charts.logYProperty(kind).set(Boolean.parseBoolean(view.getOrDefault("log_y", "false")));
            }
        }
        List<String> hidden = List.of(view.getOrDefault("hidden", "").split("; "));
        for (ResolvedMethod m : methods) {
            charts.setShown(m.colourIndex(), !hidden.contains(m.label()));
        }
    }

    /** The metadata entries for chart {@code kind} of view {@code v}; empty when nothing has run. */
    public static Map<String, String> entries(String title, ChartKind kind, LiveView v, ChartSettings settings) {
        if (v.methods().isEmpty()) {
            return Map.of();
        }
        List<Variant> variants = new ArrayList<>();
        for (MethodView m : v.methods()) {
            variants.add(new Variant(m.method().label(), m.method().params()));
        }
        Map<String, String> view = new LinkedHashMap<>();
        view.put("chart", kind.id());
        view.put("log_x", Boolean.toString(settings.logX().contains(kind)));
        view.put("log_y", Boolean.toString(settings.logY().contains(kind)));
        List<String> hidden = new ArrayList<>();
        for (MethodView m : v.methods()) {
            if (!settings.isShown(m.method())) {
                hidden.add(m.method().label());
            }
        }
        view.put("hidden", String.join("; ", hidden));
        return FigureConfiguration.entries(FigureConfiguration.configuration(title.replace(" (edited)", ""), "", "",
                variants.get(0).params(), variants), view);
    }
}
