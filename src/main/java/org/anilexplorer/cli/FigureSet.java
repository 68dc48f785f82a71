package org.anilexplorer.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.anilexplorer.core.run.ExperimentView;
import org.anilexplorer.core.run.RunView;
import org.anilexplorer.core.run.Variant;
import org.anilexplorer.figure.AxisScale;
import org.anilexplorer.figure.CompositeFigure;
import org.anilexplorer.figure.CsvWriter;
import org.anilexplorer.figure.Figure;
import org.anilexplorer.figure.FigureModel;
import org.anilexplorer.figure.FigureRecipes;
import org.anilexplorer.figure.ImageSize;
import org.anilexplorer.figure.LineStyle;
import org.anilexplorer.figure.MethodRuns;
import org.anilexplorer.figure.PngWriter;
import org.anilexplorer.figure.RiskBaselines;
import org.anilexplorer.figure.Series;
import org.anilexplorer.figure.SvgWriter;
import org.anilexplorer.io.FigureConfiguration;

/**
 * The figures of a finished experiment, built with the figure package's {@link FigureRecipes} (the same rules the
 * app's live charts use: which Λ⋆ levels, which 1/t curve and where it is anchored, the risk chart), and their files
 * (PNG with text metadata, SVG, and the CSV behind each).
 */
final class FigureSet {

    /** The figures Figures 2–3 of the paper need. */
    static final List<String> PAPER = List.of("figure2", "figure3");
    /** Every chart {@code figure} writes. */
    static final List<String> ALL = List.of(FigureRecipes.FIGURE2, FigureRecipes.FIGURE3, FigureRecipes.SPECTRUM,
            FigureRecipes.DISTANCE, FigureRecipes.MEAN_ERROR, FigureRecipes.RISK);

    private FigureSet() {
    }

    /** Image size options: drawing width in points (null = the figure's default) and PNG scale (null = default). */
    record Size(Double width, Double scale) {

        ImageSize of(Figure f) {
            ImageSize d = ImageSize.defaultFor(f);
            double w = width != null ? width : d.width();
            return new ImageSize(w, d.height(), scale != null ? scale : d.scale());
        }
    }

    /** Builds the named figures (of {@link #ALL}) from the experiment, each with {@code metadata} added. */
    static Map<String, Figure> build(ExperimentView view, List<Variant> variants, List<String> names,
            Map<String, String> metadata) {
        List<MethodRuns> methods = finishedRuns(view, variants);
        Map<String, Figure> out = new LinkedHashMap<>();
        for (String name : names) {
            Figure f = switch (name) {
                // log y: Burer–Monteiro's σ² of B⋆ᵀB_t grows ~20× above Λ⋆, which flattens the meta methods
                case "figure2" -> distinguishCoincident(FigureRecipes.figure2(methods).withYScale(AxisScale.LOG));
                case "figure3" -> distinguishCoincident(FigureRecipes.figure3(methods));
                case "spectrum" -> FigureRecipes.spectrum(methods);
                case "distance" -> distinguishCoincident(FigureRecipes.distance(methods));
                case "mean-error" -> distinguishCoincident(FigureRecipes.meanError(methods));
                case "risk" -> FigureRecipes.risk(methods, RiskBaselines.compute(variants.get(0).params()));
                default -> throw new IllegalArgumentException("unknown figure " + name);
            };
            out.put(name, f.withMetadata(metadata).withMetadata(FigureConfiguration.viewEntry(Map.of("chart", name))));
        }
        return out;
    }

    /**
     * Draws dotted every method whose mean curve stays within {@value #COINCIDENT} (relative) of an earlier method's in
     * some panel, and says so in the caption: FO-MAML lies on FO-ANIL to within the line width (spec §3.4: they differ
     * only through the inner B-step, which vanishes with the head), and would otherwise be invisible under it.
     */
    static Figure distinguishCoincident(Figure figure) {
        Set<String> hidden = new LinkedHashSet<>();
        for (FigureModel panel : figure.panels()) {
            List<Series> series = panel.series();
            for (int j = 1; j < series.size(); j++) {
                for (int i = 0; i < j; i++) {
                    if (!hidden.contains(series.get(i).name()) && coincide(series.get(i), series.get(j))) {
                        hidden.add(series.get(j).name());
                        break;
                    }
                }
            }
        }
        if (hidden.isEmpty()) {
            return figure;
        }
        List<FigureModel> panels = new ArrayList<>();
        for (FigureModel panel : figure.panels()) {
            panels.add(panel.withSeries(panel.series().stream()
                    .map(s -> hidden.contains(s.name()) ? s.withStyle(LineStyle.DATA_SECONDARY) : s).toList()));
        }
        String caption = figure.caption() + " Dotted: within " + Math.round(100 * COINCIDENT)
                + " % of an earlier method's curve throughout (" + String.join(", ", hidden) + ").";
        if (figure instanceof CompositeFigure c) {
            return new CompositeFigure(c.title(), caption, panels, c.legend(), c.metadata());
        }
        return panels.get(0).withCaption(caption);
    }

    /** Relative distance under which two mean curves are drawn as coinciding. */
    static final double COINCIDENT = 0.02;

    private static boolean coincide(Series a, Series b) {
        if (a.size() != b.size() || a.size() == 0) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.x(i) != b.x(i) || !(Math.abs(a.mean(i) - b.mean(i)) <= COINCIDENT * Math.abs(a.mean(i)))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Every method in the experiment's order (so each keeps its palette colour), with only the runs that finished: a
     * diverged run's last records would stretch the axes over the blow-up rather than show the dynamics.
     */
    static List<MethodRuns> finishedRuns(ExperimentView view, List<Variant> variants) {
        List<MethodRuns> out = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            Variant v = variants.get(i);
            List<RunView> ok = view.runsOf(v.label()).stream().filter(r -> r.state().isSuccess()).toList();
            out.add(MethodRuns.fromRuns(v.label(), i, v.params(), ok));
        }
        return out;
    }

    /** Writes NAME.png, NAME.svg and NAME.csv for every figure; returns the paths. */
    static List<Path> write(Path dir, Map<String, Figure> figures, Size size) throws IOException {
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, Figure> e : figures.entrySet()) {
            ImageSize s = size.of(e.getValue());
            Path png = dir.resolve(e.getKey() + ".png");
            Path svg = dir.resolve(e.getKey() + ".svg");
            Path csv = dir.resolve(e.getKey() + ".csv");
            PngWriter.write(e.getValue(), png, s);
            SvgWriter.write(e.getValue(), svg, s);
            CsvWriter.write(e.getValue(), csv);
            written.addAll(List.of(png, svg, csv));
        }
        return written;
    }
}
