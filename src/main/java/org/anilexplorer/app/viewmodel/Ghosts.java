package org.anilexplorer.app.viewmodel;

import java.util.ArrayList;
import java.util.List;
import org.anilexplorer.figure.FigureModel;
import org.anilexplorer.figure.LineStyle;
import org.anilexplorer.figure.Series;

/**
 * How earlier runs (the run history's ghosts) are drawn: the same recipe as the live charts, in their method's colour
 * faded towards the background, thin and dashed, under the live curves. Only the curves: their reference levels
 * would repeat or contradict the live ones. Each ghost has one legend entry, its label with its settings.
 */
final class Ghosts {

    /** Share of white mixed into a ghost's colour. */
    static final double FADE = 0.55;
    static final LineStyle PRIMARY = new LineStyle(LineStyle.Dash.DASHED, 1.1);
    static final LineStyle SECONDARY = new LineStyle(LineStyle.Dash.DOTTED, 1.0);
    /** Ghost curves' names start with this (CSV columns and the crosshair read-out keep them apart). */
    static final String PREFIX = "◌ ";

    private Ghosts() {
    }

    /** {@code live} with the ghosts' curves of chart {@code kind} drawn first (so the live curves stay on top). */
    static FigureModel drawnBehind(FigureModel live, ChartKind kind, List<MethodView> ghosts) {
        if (ghosts.isEmpty()) {
            return live;
        }
        FigureModel drawn = LiveFigures.recipe(kind, LiveFigures.runs(ghosts));
        List<Series> series = new ArrayList<>();
        for (Series s : drawn.series()) {
            boolean primary = s.legend() != null;
            series.add(new Series(PREFIX + s.name(), faded(s.rgb()), s.x(), s.mean(), null,
                    primary ? PRIMARY : SECONDARY, primary ? PREFIX + s.legend() : null));
        }
        series.addAll(live.series());
        return live.withSeries(series);
    }

    /** {@code rgb} mixed with white by {@link #FADE}. */
    static int faded(int rgb) {
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        return (mix(r) << 16) | (mix(g) << 8) | mix(b);
    }

    private static int mix(int c) {
        return (int) Math.round(c + FADE * (255 - c));
    }
}
