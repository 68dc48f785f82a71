package org.anilexplorer.figure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Several panels side by side under one title, with one shared legend and one set of metadata, like Figures 2 and 3
 * of Yüksel et al. The panels' own titles label each panel ("smallest", "largest"); their legend flags and metadata
 * are ignored here.
 */
public record CompositeFigure(String title, String caption, List<FigureModel> panels, boolean legend,
                              Map<String, String> metadata) implements Figure {

    public CompositeFigure {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(caption, "caption");
        panels = List.copyOf(panels);
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("a composite figure needs at least one panel");
        }
        metadata = FigureModel.copyMetadata(metadata);
    }

    public static CompositeFigure of(String title, String caption, List<FigureModel> panels) {
        return new CompositeFigure(title, caption, panels, true, Map.of());
    }

    public CompositeFigure withTitle(String newTitle) {
        return new CompositeFigure(newTitle, caption, panels, legend, metadata);
    }

    public CompositeFigure withCaption(String newCaption) {
        return new CompositeFigure(title, newCaption, panels, legend, metadata);
    }

    public CompositeFigure withLegend(boolean show) {
        return new CompositeFigure(title, caption, panels, show, metadata);
    }

    @Override
    public CompositeFigure withMetadata(Map<String, String> entries) {
        Map<String, String> merged = new LinkedHashMap<>(metadata);
        merged.putAll(entries);
        return new CompositeFigure(title, caption, panels, legend, merged);
    }

    @Override
    public CompositeFigure withXScale(AxisScale scale) {
        List<FigureModel> p = new ArrayList<>(panels.size());
        for (FigureModel panel : panels) {
            p.add(panel.withXScale(scale));
        }
        return new CompositeFigure(title, caption, p, legend, metadata);
    }

    @Override
    public CompositeFigure withYScale(AxisScale scale) {
        List<FigureModel> p = new ArrayList<>(panels.size());
        for (FigureModel panel : panels) {
            p.add(panel.withYScale(scale));
        }
        return new CompositeFigure(title, caption, p, legend, metadata);
    }
}
