package org.anilexplorer.figure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One chart panel as immutable data (no JFreeChart types): axes, measured series with their std bands, dashed theory
 * levels and curves, a legend flag and metadata. Everything the renderer draws and the CSV writer exports is here.
 *
 * <p>The model keeps every recorded point, including those a log axis cannot show; {@link #plottable()} drops them
 * at drawing time, so switching an axis between linear and log never loses data.
 */
public record FigureModel(String title, String caption, AxisSpec xAxis, AxisSpec yAxis, List<Series> series,
                          List<ReferenceLine> referenceLines, List<TheoryCurve> theoryCurves, boolean legend,
                          Map<String, String> metadata) implements Figure {

    public FigureModel {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(caption, "caption");
        Objects.requireNonNull(xAxis, "xAxis");
        Objects.requireNonNull(yAxis, "yAxis");
        series = List.copyOf(series);
        referenceLines = List.copyOf(referenceLines);
        theoryCurves = List.copyOf(theoryCurves);
        metadata = copyMetadata(metadata);
    }

    /** An empty panel with a legend and no caption; add content with the {@code with…} methods. */
    public static FigureModel of(String title, AxisSpec xAxis, AxisSpec yAxis) {
        return new FigureModel(title, "", xAxis, yAxis, List.of(), List.of(), List.of(), true, Map.of());
    }

    @Override
    public List<FigureModel> panels() {
        return List.of(this);
    }

    public FigureModel withTitle(String newTitle) {
        return new FigureModel(newTitle, caption, xAxis, yAxis, series, referenceLines, theoryCurves, legend, metadata);
    }

    public FigureModel withCaption(String newCaption) {
        return new FigureModel(title, newCaption, xAxis, yAxis, series, referenceLines, theoryCurves, legend, metadata);
    }

    public FigureModel withSeries(List<Series> newSeries) {
        return new FigureModel(title, caption, xAxis, yAxis, newSeries, referenceLines, theoryCurves, legend, metadata);
    }

    public FigureModel withReferenceLines(List<ReferenceLine> lines) {
        return new FigureModel(title, caption, xAxis, yAxis, series, lines, theoryCurves, legend, metadata);
    }

    public FigureModel withTheoryCurves(List<TheoryCurve> curves) {
        return new FigureModel(title, caption, xAxis, yAxis, series, referenceLines, curves, legend, metadata);
    }

    public FigureModel withLegend(boolean show) {
        return new FigureModel(title, caption, xAxis, yAxis, series, referenceLines, theoryCurves, show, metadata);
    }

    public FigureModel withAxes(AxisSpec newX, AxisSpec newY) {
        return new FigureModel(title, caption, newX, newY, series, referenceLines, theoryCurves, legend, metadata);
    }

    @Override
    public FigureModel withXScale(AxisScale scale) {
        return withAxes(xAxis.withScale(scale), yAxis);
    }

    @Override
    public FigureModel withYScale(AxisScale scale) {
        return withAxes(xAxis, yAxis.withScale(scale));
    }

    @Override
    public FigureModel withMetadata(Map<String, String> entries) {
        Map<String, String> merged = new LinkedHashMap<>(metadata);
        merged.putAll(entries);
        return new FigureModel(title, caption, xAxis, yAxis, series, referenceLines, theoryCurves, legend, merged);
    }

    /**
     * This panel restricted to what its axes can show: on a log axis, points with a non-positive coordinate (log 0 at
     * iteration 0, a loss of exactly 0) are dropped, as are NaN ordinates and reference levels ≤ 0.
     */
    public FigureModel plottable() {
        AxisScale xs = xAxis.scale();
        AxisScale ys = yAxis.scale();
        List<Series> s = new ArrayList<>(series.size());
        for (Series one : series) {
            s.add(one.plottable(xs, ys));
        }
        List<ReferenceLine> r = new ArrayList<>();
        for (ReferenceLine line : referenceLines) {
            if (ys.canShow(line.y())) {
                r.add(line);
            }
        }
        List<TheoryCurve> t = new ArrayList<>(theoryCurves.size());
        for (TheoryCurve curve : theoryCurves) {
            Series filtered = curve.asSeries().plottable(xs, ys);
            t.add(new TheoryCurve(curve.name(), filtered.x(), filtered.mean()));
        }
        return new FigureModel(title, caption, xAxis, yAxis, s, r, t, legend, metadata);
    }

    static Map<String, String> copyMetadata(Map<String, String> metadata) {
        Map<String, String> copy = new LinkedHashMap<>();
        metadata.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "metadata key"),
                Objects.requireNonNull(v, () -> "metadata value of '" + k + "'")));
        return Collections.unmodifiableMap(copy);
    }
}
