package org.anilexplorer.figure;

import java.util.List;
import java.util.Map;

/**
 * A figure as plain data: either one panel ({@link FigureModel}) or several side-by-side panels sharing a title, a
 * legend and metadata ({@link CompositeFigure}). Renderers and writers accept either.
 */
public sealed interface Figure permits FigureModel, CompositeFigure {

    /** Headline drawn above the figure. */
    String title();

    /** One or two sentences under the title saying what is shown (may be empty). */
    String caption();

    /** The panels, left to right (a single panel returns itself). */
    List<FigureModel> panels();

    /** Whether a legend is drawn. */
    boolean legend();

    /** Provenance: parameters, seeds, program version (written as PNG text chunks, SVG description, CSV comments). */
    Map<String, String> metadata();

    /** A copy with these metadata entries added (replacing entries with the same key). */
    Figure withMetadata(Map<String, String> entries);

    /** A copy with the x axes of all panels set to this scale. */
    Figure withXScale(AxisScale scale);

    /** A copy with the y axes of all panels set to this scale. */
    Figure withYScale(AxisScale scale);
}
