package org.anilexplorer.app.viewmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.anilexplorer.app.sim.ExperimentView;
import org.anilexplorer.app.sim.MethodView;
import org.anilexplorer.app.sim.SeedSeries;
import org.anilexplorer.core.metrics.Snapshot;
import org.anilexplorer.core.params.Algorithm;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.stats.SeedStatistics;
import org.anilexplorer.core.theory.LambdaStar;
import org.anilexplorer.core.theory.OneStepRisk;
import org.anilexplorer.core.theory.UnlearningRate;
import org.anilexplorer.figure.AxisScale;
import org.anilexplorer.figure.AxisSpec;
import org.anilexplorer.figure.CompositeFigure;
import org.anilexplorer.figure.FigureModel;
import org.anilexplorer.figure.LineStyle;
import org.anilexplorer.figure.MethodRuns;
import org.anilexplorer.figure.Palette;
import org.anilexplorer.figure.ReferenceLine;
import org.anilexplorer.figure.Series;
import org.anilexplorer.figure.StandardFigures;
import org.anilexplorer.figure.TheoryCurve;

/**
 * The figure model behind each live chart, built from an experiment view with the figure package's standard
 * figures (so the window shows, and exports, the same pictures as the command line) and the theory from
 * {@code core.theory}. The two panels of a standard figure are overlaid in one chart: the first panel's curves solid,
 * the second's dotted, one legend entry per method.
 */
public final class LiveFigures {

    /** Iteration from which the refined 1/t unlearning curve is drawn (docs/math.md §4.3; invariant I4 of §9 uses t₀ = 10). */
    static final long UNLEARNING_T0 = 10;
    private static final LineStyle THIN_DOTTED = new LineStyle(LineStyle.Dash.DOTTED, 1.2);

    private LiveFigures() {
    }

    /** The chart of {@code kind} for the methods the user shows, with the axis scales chosen in {@code charts}. */
    public static FigureModel build(ChartKind kind, ExperimentView view, ChartsViewModel charts) {
        return build(kind, view, charts.settings(), true);
    }

    /**
     * As {@link #build(ChartKind, ExperimentView, ChartsViewModel)}, from a settings copy (any thread).
     *
     * @param complete wait for slow references (the risk chart's ridge baselines); otherwise draw without them
     *                 until they are ready ({@link #referencesVersion()} tells when)
     */
    public static FigureModel build(ChartKind kind, ExperimentView view, ChartSettings settings, boolean complete) {
        List<MethodView> shown = view.methods().stream().filter(m -> settings.isShown(m.method())).toList();
        List<MethodRuns> runs = runs(shown);
        FigureModel model = switch (kind) {
            case LEARNING -> learning(runs, shown);
            case UNLEARNING -> unlearning(runs, shown);
            case RISK -> risk(shown, complete);
            case SPECTRUM -> spectrum(runs, shown);
        };
        return model.withTitle(kind.title())
                .withXScale(settings.logX().contains(kind) ? AxisScale.LOG : AxisScale.LINEAR)
                .withYScale(settings.logY().contains(kind) ? AxisScale.LOG : AxisScale.LINEAR);
    }

    /** One {@link MethodRuns} per method, in its own colour; live seeds are cut to the iterations all have reached. */
    static List<MethodRuns> runs(List<MethodView> methods) {
        List<MethodRuns> out = new ArrayList<>(methods.size());
        for (MethodView m : methods) {
            List<List<Snapshot>> seeds = new ArrayList<>(m.seeds().size());
            boolean live = false;
            for (SeedSeries s : m.seeds()) {
                seeds.add(s.snapshots());
                live |= !s.status().isTerminal();
            }
            MethodRuns r = new MethodRuns(m.method().label(), Palette.method(m.method().colourIndex()), seeds);
            boolean anyEnded = m.seeds().stream().anyMatch(s -> s.status().isTerminal());
            out.add(live && !anyEnded ? r.commonRange() : r);
        }
        return out;
    }

    static FigureModel learning(List<MethodRuns> runs, List<MethodView> methods) {
        CompositeFigure f = StandardFigures.figure2(runs, null);
        List<ReferenceLine> levels = new ArrayList<>();
        for (double[] lambda : lambdaStars(methods)) {
            levels.add(new ReferenceLine(StandardFigures.LAMBDA_STAR, lambda[lambda.length - 1]));
            levels.add(new ReferenceLine(StandardFigures.LAMBDA_STAR, lambda[0]));
        }
        return overlay(f, LineStyle.DATA_SECONDARY).withReferenceLines(distinct(levels))
                .withCaption("Solid: smallest, dotted: largest squared singular value of B⋆ᵀBₜ."
                        + (levels.isEmpty() ? "" : " Dashed: smallest and largest eigenvalue of Λ⋆ (Theorem 1)."));
    }

    static FigureModel unlearning(List<MethodRuns> runs, List<MethodView> methods) {
        TheoryCurve rate = unlearningCurve(runs, methods);
        CompositeFigure f = StandardFigures.figure3(runs, rate);
        FigureModel model = overlay(f, LineStyle.DATA_SECONDARY);
        return model.withCaption("Solid: average, dotted: largest squared singular value of B⋆,⊥ᵀBₜ."
                + (rate == null ? "" : " Dashed: the predicted O(1/t) decay of the largest."));
    }

    static FigureModel spectrum(List<MethodRuns> runs, List<MethodView> methods) {
        List<double[]> lambdas = lambdaStars(methods);
        CompositeFigure f = StandardFigures.spectrum(runs, lambdas.isEmpty() ? null : lambdas.get(0));
        FigureModel model = overlay(f, THIN_DOTTED);
        model = model.withAxes(model.xAxis(), new AxisSpec("σᵢ²(B⋆ᵀBₜ), σᵢ²(B⋆,⊥ᵀBₜ)", model.yAxis().scale()));
        List<ReferenceLine> levels = new ArrayList<>();
        for (double[] lambda : lambdas) {
            for (double l : lambda) {
                levels.add(new ReferenceLine(StandardFigures.LAMBDA_STAR, l));
            }
        }
        return model.withReferenceLines(distinct(levels))
                .withCaption("Solid: every squared singular value of B⋆ᵀBₜ; dotted: of B⋆,⊥ᵀBₜ."
                        + (levels.isEmpty() ? "" : " Dashed: the eigenvalues of Λ⋆."));
    }

    /** Changes when slow chart references (the ridge baselines) become available. */
    public static long referencesVersion() {
        return RiskBaselines.version();
    }

    /**
     * The exact expected risk of the test-time 1-GD estimator over the iterations (mean ± std over seeds), for the
     * first m_test, and dotted in the same colour ridge on the learned features; its value at the limit Λ⋆ of
     * Theorem 1; grey: single-task and oracle ridge, which do not depend on training (docs/math.md §4.4, §6.4, §6.5, §6.7).
     * All in the ‖θ̂ − θ⋆‖² convention.
     */
    static FigureModel risk(List<MethodView> methods, boolean complete) {
        List<Series> curves = new ArrayList<>();
        List<ReferenceLine> levels = new ArrayList<>();
        int mTest = 0;
        double xMax = 1;
        Params first = null;
        boolean anyRidge = false;
        boolean anyOneStep = false;
        for (MethodView m : methods) {
            Params p = m.method().params();
            int colour = Palette.method(m.method().colourIndex());
            Series oneStep = meanOverSeeds(m.method().label(), colour, m.seeds(), SeedSeries::risk);
            Series ridge = interpolatedMeanOverSeeds(m.method().label() + " (ridge)", colour, m.seeds(),
                    SeedSeries::ridgeRisk);
            if (oneStep == null && ridge == null) {
                continue;
            }
            if (first == null) {
                first = p;
                mTest = p.mTest().get(0);
            }
            if (oneStep != null) {
                anyOneStep = true;
                xMax = Math.max(xMax, oneStep.x()[oneStep.x().length - 1]);
                curves.add(oneStep);
                double limit = OneStepRisk.atLimit(p.taskCovDiagonal(), p.sigma2(), p.mIn(), p.mTest().get(0));
                levels.add(new ReferenceLine("1-GD at Λ⋆ (Theorem 1)", limit));
            }
            if (ridge != null) {
                anyRidge = true;
                xMax = Math.max(xMax, ridge.x()[ridge.x().length - 1]);
                // without a 1-GD curve (Burer–Monteiro, average loss) the ridge curve is the method's own line
                curves.add(oneStep == null ? ridge.withLegend(m.method().label() + " (ridge)")
                        : ridge.withStyle(RIDGE_STYLE).withLegend(null));
            }
        }
        String caption = anyOneStep
                ? "Solid: exact expected risk E‖θ̂ − θ⋆‖² of one head-only GD step at test time"
                : "Test risk E‖θ̂ − θ⋆‖²";
        if (anyRidge) {
            caption += (anyOneStep ? "; dotted: " : ": ") + "ridge on the learned features X B̂ₜ, best λ, on "
                    + org.anilexplorer.app.sim.RidgeRiskTracker.TEST_TASKS + " fixed test tasks";
        }
        java.util.Optional<RiskBaselines.Values> baselines = java.util.Optional.empty();
        if (first != null) {
            try {
                baselines = complete ? java.util.Optional.of(RiskBaselines.of(first, mTest))
                        : RiskBaselines.lookup(first, mTest);
            } catch (RuntimeException e) {
                baselines = java.util.Optional.empty(); // drawn without them rather than not at all
            }
        }
        if (baselines.isPresent()) {
            RiskBaselines.Values b = baselines.get();
            double[] x = {1, Math.max(2, xMax)};
            curves.add(new Series("Single-task ridge", BASELINE_GREY, x, new double[] {b.singleTaskRidge(),
                b.singleTaskRidge()}, null, new LineStyle(LineStyle.Dash.DOTTED, 1.6), "Single-task ridge"));
            curves.add(new Series("Oracle ridge", BASELINE_GREY, x, new double[] {b.oracleRidge(), b.oracleRidge()},
                    null, new LineStyle(LineStyle.Dash.DASH_DOT, 1.6), "Oracle ridge"));
            caption += ", m_test = " + mTest + "; single-task and oracle ridge on " + first.testTasks() + " test tasks.";
        }
        return FigureModel.of("Test risk", AxisSpec.log("iteration t"), AxisSpec.log("E‖θ̂ − θ⋆‖²")).withSeries(curves)
                .withReferenceLines(distinct(levels)).withCaption(caption);
    }

    private static final int BASELINE_GREY = 0x777777;
    private static final LineStyle RIDGE_STYLE = LineStyle.DATA_SECONDARY;

    /**
     * Mean ± std over seeds of series evaluated at different iterations per seed (the ridge curve's points depend on
     * each run's timing): every seed's curve, linear in t between its points, at the union of the seeds' iterations
     * where all the seeds that have points cover it; null when there is none.
     */
    static Series interpolatedMeanOverSeeds(String name, int colour, List<SeedSeries> seeds,
            java.util.function.Function<SeedSeries, org.anilexplorer.app.sim.RiskSeries> series) {
        List<org.anilexplorer.app.sim.RiskSeries> curves = new ArrayList<>();
        long from = Long.MIN_VALUE;
        long to = Long.MAX_VALUE;
        TreeSet<Long> at = new TreeSet<>();
        for (SeedSeries s : seeds) {
            org.anilexplorer.app.sim.RiskSeries r = series.apply(s);
            if (r.size() == 0) {
                continue;
            }
            curves.add(r);
            from = Math.max(from, r.iteration(0));
            to = Math.min(to, r.iteration(r.size() - 1));
            for (long t : r.iterations()) {
                at.add(t);
            }
        }
        if (curves.isEmpty() || from > to) {
            return null;
        }
        List<Long> xs = new ArrayList<>(at.subSet(from, true, to, true));
        double[] x = new double[xs.size()];
        double[] mean = new double[x.length];
        double[] std = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            long t = xs.get(i);
            SeedStatistics.Accumulator over = new SeedStatistics.Accumulator();
            for (org.anilexplorer.app.sim.RiskSeries r : curves) {
                over.add(valueAt(r, t));
            }
            x[i] = t;
            mean[i] = over.mean();
            std[i] = over.sd();
        }
        return Series.band(name, colour, x, mean, std);
    }

    /** The series at iteration t (within its range), linear between its points. */
    private static double valueAt(org.anilexplorer.app.sim.RiskSeries r, long t) {
        long[] its = r.iterations();
        int i = java.util.Arrays.binarySearch(its, t);
        if (i >= 0) {
            return r.risk(i);
        }
        int hi = -i - 1;
        int lo = hi - 1;
        double f = (double) (t - its[lo]) / (its[hi] - its[lo]);
        return r.risk(lo) + f * (r.risk(hi) - r.risk(lo));
    }

    /**
     * Mean ± std over seeds of one risk series per seed, at the iterations every seed that has the series has
     * evaluated (a live seed may be a point behind); null when no seed has a point.
     */
    static Series meanOverSeeds(String name, int colour, List<SeedSeries> seeds,
                                java.util.function.Function<SeedSeries, org.anilexplorer.app.sim.RiskSeries> series) {
        TreeMap<Long, SeedStatistics.Accumulator> byIteration = new TreeMap<>();
        int contributing = 0;
        for (SeedSeries s : seeds) {
            org.anilexplorer.app.sim.RiskSeries r = series.apply(s);
            if (r.size() > 0) {
                contributing++;
            }
            for (int i = 0; i < r.size(); i++) {
                byIteration.computeIfAbsent(r.iteration(i), t -> new SeedStatistics.Accumulator()).add(r.risk(i));
            }
        }
        final int all = contributing;
        byIteration.values().removeIf(acc -> acc.count() < all);
        if (byIteration.isEmpty()) {
            return null;
        }
        double[] x = new double[byIteration.size()];
        double[] mean = new double[x.length];
        double[] std = new double[x.length];
        int i = 0;
        for (Map.Entry<Long, SeedStatistics.Accumulator> e : byIteration.entrySet()) {
            x[i] = e.getKey();
            mean[i] = e.getValue().mean();
            std[i] = e.getValue().sd();
            i++;
        }
        return Series.band(name, colour, x, mean, std);
    }

    /**
     * The standard figure's panels drawn in one: the first panel as it is, the others in {@code secondStyle} and
     * without legend entries of their own (the method colours already name them).
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
        return FigureModel.of(f.title(), first.xAxis(), new AxisSpec(yLabel, first.yAxis().scale())).withSeries(series)
                .withReferenceLines(levels).withTheoryCurves(curves).withMetadata(f.metadata());
    }

    /**
     * The series named after its panel too ("FO-ANIL, largest"), so that the overlaid panels' curves of one method
     * stay apart in the CSV columns and the crosshair read-out; its legend entry keeps the method's name.
     */
    private static Series named(Series s, String panelTitle) {
        if (panelTitle.isEmpty()) {
            return s;
        }
        return new Series(s.name() + ", " + panelTitle, s.rgb(), s.x(), s.mean(), s.std(), s.style(), s.legend());
    }

    private static String commonLabel(CompositeFigure f) {
        String label = f.panels().get(0).yAxis().label();
        // "σ²ₘᵢₙ(B⋆ᵀBₜ)" and "σ²ₘₐₓ(B⋆ᵀBₜ)" share "(B⋆ᵀBₜ)": label the overlay "σ²(B⋆ᵀBₜ)"
        int open = label.indexOf('(');
        return open > 0 ? "σ²" + label.substring(open) : label;
    }

    /** Λ⋆'s eigenvalues (descending) for each shown meta-learning method, without repeats. */
    static List<double[]> lambdaStars(List<MethodView> methods) {
        List<double[]> out = new ArrayList<>();
        for (MethodView m : methods) {
            Params p = m.method().params();
            if (!p.algorithm().approachesLambdaStar()) {
                continue;
            }
            double[] l = LambdaStar.eigenvalues(p);
            if (out.stream().noneMatch(o -> java.util.Arrays.equals(o, l))) {
                out.add(l);
            }
        }
        return out;
    }

    /**
     * The refined 1/t curve ‖D_t‖² ≈ 1/(‖D_{t₀}‖⁻² + 2α²βσ̃²(t − t₀)/m_in) for the first shown FO-ANIL method with a
     * finite inner batch, started from its measured largest squared singular value at t₀; null when there is none.
     */
    static TheoryCurve unlearningCurve(List<MethodRuns> runs, List<MethodView> methods) {
        for (int i = 0; i < methods.size(); i++) {
            Params p = methods.get(i).method().params();
            if (p.algorithm() != Algorithm.FO_ANIL || p.mIn().infinite()) {
                continue;
            }
            MethodRuns r = runs.get(i);
            double sum = 0;
            int n = 0;
            TreeSet<Long> iterations = new TreeSet<>();
            for (List<Snapshot> seed : r.seeds()) {
                for (Snapshot s : seed) {
                    if (s.iteration() == UNLEARNING_T0) {
                        sum += s.sv2PerpMax();
                        n++;
                    }
                    if (s.iteration() >= UNLEARNING_T0) {
                        iterations.add(s.iteration());
                    }
                }
            }
            if (n == 0 || !(sum > 0) || iterations.size() < 2) {
                return null;
            }
            double atT0 = sum / n;
            double[] x = iterations.stream().mapToDouble(Long::doubleValue).toArray();
            double[] y = new double[x.length];
            for (int j = 0; j < x.length; j++) {
                y[j] = UnlearningRate.refined((long) x[j], UNLEARNING_T0, atT0, p.alpha(), p.beta(), p.tildeSigma2(),
                        p.mIn());
            }
            return new TheoryCurve(StandardFigures.UNLEARNING_RATE, x, y);
        }
        return null;
    }

    private static List<ReferenceLine> distinct(List<ReferenceLine> lines) {
        List<ReferenceLine> out = new ArrayList<>();
        for (ReferenceLine l : lines) {
            if (out.stream().noneMatch(o -> Math.abs(o.y() - l.y()) <= 1e-12 * Math.abs(l.y()))) {
                out.add(l);
            }
        }
        return out;
    }

    /**
     * Metadata written into exported files: how far the run got (a figure of a paused or stopped run says so: its
     * parameters name the iterations it was set to run, not those it ran) and which parameters each method ran with.
     */
    public static Map<String, String> provenance(ExperimentView view) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("Iteration reached", Long.toString(view.iteration()));
        boolean complete = view.horizon() > 0 && view.iteration() >= view.horizon();
        m.put("Run", complete ? "complete (" + view.status().text() + ")"
                : "partial: " + view.status().text() + " at t = " + view.iteration() + " of " + view.horizon());
        for (MethodView mv : view.methods()) {
            m.put("Method " + mv.method().label(), mv.method().params().toMap().toString());
        }
        return m;
    }
}
