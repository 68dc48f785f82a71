package org.anilexplorer.app.viewmodel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.anilexplorer.app.sim.ResolvedMethod;

/**
 * How the window shows a session, saved with it and restored on opening: each chart's log axes, the hidden methods
 * (by label), the speed, the timeline's cursor, and whatever the window adds (zoom, layout) through
 * {@link #setWindowState}. Keys are plain text so that a file stays readable; unknown keys are ignored.
 */
public final class SessionViewState {

    private final ChartsViewModel charts;
    private final TransportViewModel transport;
    private final TimelineViewModel timeline;
    private Supplier<Map<String, String>> windowSave = Map::of;
    private Consumer<Map<String, String>> windowRestore = m -> { };

    SessionViewState(ChartsViewModel charts, TransportViewModel transport, TimelineViewModel timeline) {
        this.charts = charts;
        this.transport = transport;
        this.timeline = timeline;
    }

    /** The window's own part of the view (zoom, which chart is enlarged, whether the panel is open). */
    public void setWindowState(Supplier<Map<String, String>> save, Consumer<Map<String, String>> restore) {
        windowSave = save;
        windowRestore = restore;
    }

    /** The view now, as text entries. */
    public Map<String, String> capture(List<ResolvedMethod> methods) {
        Map<String, String> v = new LinkedHashMap<>();
        for (ChartKind k : ChartKind.values()) {
            v.put("log_x." + k.id(), Boolean.toString(charts.logXProperty(k).get()));
            v.put("log_y." + k.id(), Boolean.toString(charts.logYProperty(k).get()));
        }
        List<String> hidden = new ArrayList<>();
        for (ResolvedMethod m : methods) {
            if (!charts.isShown(m)) {
                hidden.add(m.label());
            }
        }
        v.put("hidden", String.join("; ", hidden));
        v.put("speed", Integer.toString(transport.speedIndexProperty().get()));
        double cursor = timeline.cursorProperty().get();
        v.put("cursor", Double.isFinite(cursor) ? Long.toString((long) cursor) : "");
        v.putAll(windowSave.get());
        return v;
    }

    /** Shows the session as it was saved; missing or unreadable entries leave the current setting alone. */
    public void restore(Map<String, String> v, List<ResolvedMethod> methods) {
        for (ChartKind k : ChartKind.values()) {
            String x = v.get("log_x." + k.id());
            String y = v.get("log_y." + k.id());
            if (x != null) {
                charts.logXProperty(k).set(Boolean.parseBoolean(x));
            }
            if (y != null) {
                charts.logYProperty(k).set(Boolean.parseBoolean(y));
            }
        }
        if (v.containsKey("hidden")) {
            List<String> hidden = List.of(v.get("hidden").split("; "));
            for (ResolvedMethod m : methods) {
                charts.setShown(m.colourIndex(), !hidden.contains(m.label()));
            }
        }
        integer(v.get("speed")).filter(i -> i >= 0 && i < Speed.STEPS.size())
                .ifPresent(i -> transport.speedIndexProperty().set(i));
        integer(v.get("cursor")).ifPresent(timeline::moveTo);
        windowRestore.accept(v);
    }

    private static java.util.Optional<Integer> integer(String s) {
        try {
            return s == null || s.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(Integer.parseInt(s));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty(); // an edited file: keep the current setting
        }
    }
}
