package org.anilexplorer.app.viewmodel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.anilexplorer.figure.AxisScale;
import org.anilexplorer.figure.AxisSpec;
import org.anilexplorer.figure.CompositeFigure;
import org.anilexplorer.figure.FigureModel;
import org.anilexplorer.figure.FigureRecipes;
import org.anilexplorer.figure.LineStyle;
import org.anilexplorer.figure.MethodRuns;
import org.anilexplorer.figure.ReferenceLine;
import org.anilexplorer.figure.RiskBaselines;
import org.anilexplorer.figure.Series;
import org.anilexplorer.figure.TheoryCurve;

/**
 * The figure model behind each live chart: the figure package's {@link FigureRecipes} (the same figures, theory and
 * risk chart as the command line's {@code figure}), with the two panels of a standard figure overlaid in one chart:
 * the first panel's curves solid, the second's dotted, one legend entry per method.
 */
public final class LiveFigures {

    private LiveFigures() {
    }

    /** The chart of {@code kind} for the methods the user shows, with the axis scales chosen in {@code charts}. */
    public static FigureModel build(ChartKind kind, LiveView view, ChartsViewModel charts) {
        return build(kind, view, charts.settings(), true);
    }

    /**
     * As {@link #build(ChartKind, LiveView, ChartsViewModel)}, from a settings copy (any thread).
     *
     * @param complete wait for slow references (the risk chart's ridge baselines); otherwise draw without them
     *                 until they are ready ({@link #referencesVersion()} tells when)
     */
    public static FigureModel build(ChartKind kind, LiveView view, ChartSettings settings, boolean complete) {
        List<MethodView> shown = view.methods().stream().filter(m -> settings.isShown(m.method())).toList();
        List<MethodRuns> runs = runs(shown);
        FigureModel model = switch (kind) {
            case LEARNING -> learning(runs);
            case UNLEARNING -> unlearning(runs);
            case RISK -> FigureRecipes.risk(runs, baselines(shown, complete));
            case SPECTRUM -> spectrum(runs);
            case DISTANCE -> FigureRecipes.distance(runs);
            case MEAN_ERROR -> FigureRecipes.meanError(runs);
        };
        return model.withTitle(kind.title())
                .withXScale(settings.logX().contains(kind) ? AxisScale.LOG : AxisScale.LINEAR)
                .withYScale(settings.logY().contains(kind) ? AxisScale.LOG : AxisScale.LINEAR);
    }

    /**
     * One {@link MethodRuns} per method, in its own colour, with its parameters and recorded risk; while every seed
     * is still live, seeds are cut to the iterations all have reached.
     */
    static List<MethodRuns> runs(List<MethodView> methods) {
        List<MethodRuns> out = new ArrayList<>(methods.size());
        for (MethodView m : methods) {
            MethodRuns r = MethodRuns.fromRuns(m.method().label(), m.method().colourIndex(), m.method().params(),
                    m.seeds());
            if (m.method().shade() != null) { // a family member: its place in the sequential palette
                r = new MethodRuns(r.label(), m.rgb(), r.seeds(), r.params(), r.risks());
            }
            boolean live = m.seeds().stream().anyMatch(s -> !s.state().isFinal());
            boolean anyEnded = m.seeds().stream().anyMatch(s -> s.state().isFinal());
            out.add(live && !anyEnded ? r.commonRange() : r);
        }
        return out;
    }

    static FigureModel learning(List<MethodRuns> runs) {
        FigureModel model = overlay(FigureRecipes.figure2(runs), LineStyle.DATA_SECONDARY);
        return model.withCaption("Solid: smallest, dotted: largest squared singular value of B⋆ᵀBₜ."
                + (model.referenceLines().isEmpty() ? "" : " Dashed: smallest and largest eigenvalue of Λ⋆ (Theorem 1)."));
    }

    static FigureModel unlearning(List<MethodRuns> runs) {
        FigureModel model = overlay(FigureRecipes.figure3(runs), LineStyle.DATA_SECONDARY);
        return model.withCaption("Solid: average, dotted: largest squared singular value of B⋆,⊥ᵀBₜ."
                + (model.theoryCurves().isEmpty() ? "" : " Dashed: the predicted O(1/t) decay of the largest."));
    }

    static FigureModel spectrum(List<MethodRuns> runs) {
        FigureModel model = overlay(FigureRecipes.spectrum(runs), LineStyle.DATA_SECONDARY);
        model = model.withAxes(model.xAxis(), new AxisSpec("σᵢ²(B⋆ᵀBₜ), σᵢ²(B⋆,⊥ᵀBₜ)", model.yAxis().scale()));
        return model.withCaption("Lines: every squared singular value of B⋆ᵀBₜ; shaded: the range of those of "
                + "B⋆,⊥ᵀBₜ, dotted their median."
                + (model.referenceLines().isEmpty() ? "" : " Dashed: the eigenvalues of Λ⋆."));
    }

    /** The risk chart's baselines for the first shown method with a recorded risk, if they are (or may be) known. */
    private static RiskBaselines baselines(List<MethodView> shown, boolean complete) {
        for (MethodView m : shown) {
            if (m.seeds().stream().anyMatch(s -> s.risk().size() > 0)) {
                Optional<RiskBaselines> b = complete ? Optional.of(BaselineCache.of(m.method().params()))
                        : BaselineCache.lookup(m.method().params());
                return b.orElse(null);
            }
        }
        return null;
    }

    /** Changes when slow chart references (the ridge baselines) become available. */
    public static long referencesVersion() {
        return BaselineCache.version();
    }

    /**
     * The standard figure's panels drawn in one: the first panel as it is, the others in {@code secondStyle} and
     * without legend entries of their own (the method colours already name them). Reference levels of all panels
     * are kept, without repeats.
     */
    static FigureModel overlay(CompositeFigure f, LineStyle secondStyle) {
        FigureModel first = f.panels().get(0);
        boolean several = f.panels().size() > 1;
        List<Series> series = new ArrayList<>();
        for (Series s : first.series()) {
            series.add(several ? named(s, first.title()) : s);
        }
        List<ReferenceLine> levels = new ArrayList<>(first.referenceLines());
        List<TheoryCurve> curves = new ArrayList<>(first.theoryCurves());
        for (FigureModel other : f.panels().subList(1, f.panels().size())) {
            for (Series s : other.series()) {
                series.add(named(s, other.title()).withStyle(secondStyle).withLegend(null));
            }
            levels.addAll(other.referenceLines());
            curves.addAll(other.theoryCurves());
        }
        String yLabel = f.panels().size() == 1 ? first.yAxis().label() : commonLabel(f);
        List<ReferenceLine> distinct = new ArrayList<>();
        for (ReferenceLine l : levels) {
            if (!distinct.contains(l)) {
                distinct.add(l);
            }
        }
        return FigureModel.of(f.title(), first.xAxis(), new AxisSpec(yLabel, first.yAxis().scale())).withSeries(series)
                .withReferenceLines(distinct).withTheoryCurves(curves).withMetadata(f.metadata());
    }

    /**
     * The series named after its panel too ("FO-ANIL, largest"), so that the overlaid panels' curves of one method
     * stay apart in the CSV columns and the crosshair read-out; its legend entry keeps the method's name.
     */
    private static Series named(Series s, String panelTitle) {
        if (panelTitle.isEmpty()) {
            return s;
        }
        return s.withName(s.name() + ", " + panelTitle);
    }

    private static String commonLabel(CompositeFigure f) {
        String label = f.panels().get(0).yAxis().label();
        // "σ²ₘᵢₙ(B⋆ᵀBₜ)" and "σ²ₘₐₓ(B⋆ᵀBₜ)" share "(B⋆ᵀBₜ)": label the overlay "σ²(B⋆ᵀBₜ)"
        int open = label.indexOf('(');
        return open > 0 ? "σ²" + label.substring(open) : label;
    }

    /**
     * Metadata written into exported files: how far the run got (a figure of a paused or stopped run says so: its
     * parameters name the iterations it was set to run, not those it ran) and which parameters each method ran with.
     */
    public static Map<String, String> provenance(LiveView view) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Iteration reached", Long.toString(view.iteration()));
        boolean complete = view.horizon() > 0 && view.iteration() >= view.horizon();
        m.put("Run", complete ? "complete (" + view.state().text() + ")"
                : "partial: " + view.state().text() + " at t = " + view.iteration() + " of " + view.horizon());
        for (MethodView mv : view.methods()) {
            m.put("Method " + mv.method().label(), mv.method().params().toMap().toString());
        }
        return m;
    }
}
