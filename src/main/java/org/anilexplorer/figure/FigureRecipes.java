package org.anilexplorer.figure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntToDoubleFunction;
import org.anilexplorer.core.metrics.Snapshot;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.run.RiskSeries;
import org.anilexplorer.core.stats.SeedStatistics;
import org.anilexplorer.core.theory.LambdaStar;
import org.anilexplorer.core.theory.OneStepRisk;
import org.anilexplorer.core.theory.UnlearningRate;

/**
 * The rules of what theory is drawn on the standard figures, used alike by the app's live charts and by the command
 * line's {@code figure} and {@code reproduce figures}:
 * <ul>
 *   <li><b>Λ⋆ levels</b>: the eigenvalues of Λ⋆ (Theorem 1, eq. 8) of every method that approaches it
 *       ({@code Algorithm.approachesLambdaStar()}), without repeats. Figure 2 and the learning chart draw the smallest
 *       and largest of each, the spectrum all of them, so one run always shows the same levels in both.</li>
 *   <li><b>The 1/t unlearning curve</b> of ‖B⋆,⊥ᵀB_t‖², for the first method with {@code hasUnlearningRate()},
 *       infinite tasks and a finite m_in, anchored at the seed-mean largest squared singular value of B⋆,⊥ᵀB_t at
 *       the first recorded iteration t₀ ≥ 1 where the seed-mean σ²ₘᵢₙ(B⋆ᵀB_t) has reached {@value #LEARNED_FRACTION}
 *       of λ_min(Λ⋆): before that, col(B⋆) is still being learned and the decay is not yet the 1/t law. It is
 *       sampled at every recorded iteration ≥ t₀ of the shown methods.</li>
 *   <li><b>The test risk</b>: per method the seed-mean exact 1-GD risk (solid) and ridge on the learned features
 *       (dotted; the method's own line when 1-GD does not apply), the 1-GD risk at Λ⋆ dashed, and the single-task and
 *       oracle ridge baselines in grey.</li>
 * </ul>
 */
public final class FigureRecipes {

    /** Names of the standard charts, as {@code figure} writes them (NAME.png) and the app's exports name them. */
    public static final String FIGURE2 = "figure2";
    public static final String FIGURE3 = "figure3";
    public static final String SPECTRUM = "spectrum";
    public static final String DISTANCE = "distance";
    public static final String MEAN_ERROR = "mean-error";
    public static final String RISK = "risk";
    /** Legend name of the level ‖B⋆μ⋆‖ on the mean-error chart. */
    public static final String ZERO_PREDICTOR = "‖B⋆μ⋆‖: error of Bₜwₜ = 0";

    /** Share of λ_min(Λ⋆) that σ²ₘᵢₙ(B⋆ᵀB_t) must reach before the unlearning curve is anchored. */
    public static final double LEARNED_FRACTION = 0.9;
    /** Legend name of the 1-GD risk at Λ⋆. */
    public static final String ONE_STEP_AT_LIMIT = "1-GD at Λ⋆ (Theorem 1)";
    static final int BASELINE_GREY = 0x777777;

    private FigureRecipes() {
    }

    /** Figure 2 with the Λ⋆ levels of {@link #lambdaStars}. */
    public static CompositeFigure figure2(List<MethodRuns> methods) {
        return StandardFigures.figure2(methods, lambdaStars(methods));
    }

    /** Figure 3 with the 1/t curve of {@link #unlearningCurve} (when there is one). */
    public static CompositeFigure figure3(List<MethodRuns> methods) {
        return StandardFigures.figure3(methods, unlearningCurve(methods));
    }

    /** The full spectrum with every eigenvalue of each Λ⋆ of {@link #lambdaStars}. */
    public static CompositeFigure spectrum(List<MethodRuns> methods) {
        return StandardFigures.spectrum(methods, lambdaStars(methods));
    }

    /**
     * The chart that tells these methods' story besides Figures 2–3 and the risk, one of {@link #SPECTRUM},
     * {@link #DISTANCE} and {@link #MEAN_ERROR}:
     * <ul>
     *   <li>the mean error when some method's tasks have a non-zero mean μ⋆ (Bₜwₜ then has to find B⋆μ⋆);</li>
     *   <li>otherwise the principal-angle distance when every method has k′ = k (Collins et al.'s setting: their
     *       distance is the sine of the largest angle between col(Bₜ) and col(B⋆), and the spectrum holds only
     *       k values on each side);</li>
     *   <li>otherwise the full spectrum.</li>
     * </ul>
     */
    public static String storyChart(List<Params> methods) {
        boolean anyMean = false;
        boolean allNarrow = !methods.isEmpty();
        for (Params p : methods) {
            anyMean |= Arrays.stream(p.taskMeanVector()).anyMatch(v -> v != 0);
            allNarrow &= p.kPrime() == p.k();
        }
        return anyMean ? MEAN_ERROR : allNarrow ? DISTANCE : SPECTRUM;
    }

    /**
     * The principal-angle distance (docs/math.md §5.3). No theory line: Collins et al.'s bound
     * (1 − ½βαE₀μ⋆²)^(t−1) needs E₀ = 0.9 − dist₀² &gt; 0, which a random B₀ does not give, and constants the paper
     * leaves open.
     */
    public static FigureModel distance(List<MethodRuns> methods) {
        FigureModel f = StandardFigures.distance(methods);
        return f.withCaption(f.caption() + " Collins et al. (2022) prove that meta-learning drives it to 0 "
                + "exponentially fast (a straight line on this log axis) once it is below about 0.95.");
    }

    /**
     * ‖Bₜwₜ − B⋆μ⋆‖ (docs/math.md §5.4), which tends to 0: B_tw_t → B⋆μ⋆ (Yüksel et al., §4 and Appendix I; with
     * μ⋆ = 0 Theorem 1's B_tw_t → 0). On a log axis 0 is not drawn; instead, for a non-zero mean, the dashed level
     * ‖B⋆μ⋆‖ = ‖μ⋆‖ (B⋆ has orthonormal columns) is where a predictor that stayed at 0, the limit of the zero-mean
     * theory, would sit.
     */
    public static FigureModel meanError(List<MethodRuns> methods) {
        List<ReferenceLine> levels = new ArrayList<>();
        for (MethodRuns m : methods) {
            if (m.params() != null) {
                double norm = Math.sqrt(Arrays.stream(m.params().taskMeanVector()).map(v -> v * v).sum());
                if (norm > 0) {
                    levels.add(new ReferenceLine(ZERO_PREDICTOR, norm));
                }
            }
        }
        levels = distinct(levels);
        FigureModel f = StandardFigures.headError(methods).withReferenceLines(levels);
        String theory = "Theory: Bₜwₜ → B⋆μ⋆, so the error tends to 0 (Yüksel et al., Section 4 and Appendix I)."
                + (levels.isEmpty() ? "" : " Dashed: ‖B⋆μ⋆‖ = ‖μ⋆‖, the error of a predictor left at 0.");
        return f.withCaption(theory + (f.caption().isEmpty() ? "" : " " + f.caption()));
    }

    /** The eigenvalues (descending) of Λ⋆ for each method that approaches it, without repeats, in method order. */
    public static List<double[]> lambdaStars(List<MethodRuns> methods) {
        List<double[]> out = new ArrayList<>();
        for (MethodRuns m : methods) {
            Params p = m.params();
            if (p == null || !p.algorithm().approachesLambdaStar()) {
                continue;
            }
            double[] l = LambdaStar.eigenvalues(p);
            if (out.stream().noneMatch(o -> Arrays.equals(o, l))) {
                out.add(l);
            }
        }
        return out;
    }

    /** The anchored 1/t curve described in the class comment, or null when no shown method has one. */
    public static TheoryCurve unlearningCurve(List<MethodRuns> methods) {
        for (MethodRuns m : methods) {
            Params p = m.params();
            if (p == null || !p.algorithm().hasUnlearningRate() || p.tasks().finite() || p.mIn().infinite()) {
                continue;
            }
            double[] lambda = LambdaStar.eigenvalues(p);
            double target = LEARNED_FRACTION * lambda[lambda.length - 1];
            SeedAggregate starMin = SeedAggregate.of(m.seeds(), Snapshot::sv2StarMin);
            SeedAggregate perpMax = SeedAggregate.of(m.seeds(), Snapshot::sv2PerpMax);
            double[] t = starMin.curve().x();
            double[] learned = starMin.curve().mean();
            double[] perp = perpMax.curve().mean();
            double[] perpX = perpMax.curve().x();
            for (int i = 0; i < t.length; i++) {
                int j = Arrays.binarySearch(perpX, t[i]);
                if (t[i] >= 1 && learned[i] >= target && j >= 0 && perp[j] > 0) {
                    long t0 = (long) t[i];
                    double d0 = perp[j];
                    double[] x = StandardFigures.recordedIterations(methods, t0);
                    if (x.length < 2) {
                        return null;
                    }
                    double[] y = new double[x.length];
                    for (int k = 0; k < x.length; k++) {
                        y[k] = UnlearningRate.refined((long) x[k], t0, d0, p.alpha(), p.beta(), p.tildeSigma2(),
                                p.mIn());
                    }
                    return new TheoryCurve(StandardFigures.UNLEARNING_RATE, x, y);
                }
            }
            return null;
        }
        return null;
    }

    /** A further m_test's 1-GD risk (or its only estimator): the method's colour, thinner, dash-dotted. */
    static final LineStyle FURTHER_M_TEST = new LineStyle(LineStyle.Dash.DASH_DOT, 1.4);
    /** A further m_test's ridge risk beside its 1-GD risk. */
    static final LineStyle FURTHER_M_TEST_RIDGE = new LineStyle(LineStyle.Dash.DOTTED, 1.2);

    /**
     * The test-risk chart: for each method with a recorded risk, the seed-mean exact 1-GD risk and ridge on the
     * learned features (each with its {@link SeedStatistics} band) at the first m_test, the same at every further
     * m_test (thinner, dash-dotted), the 1-GD risk at Λ⋆, and the two baselines.
     *
     * @param baselines the training-free references, or null to draw without them
     */
    public static FigureModel risk(List<MethodRuns> methods, RiskBaselines baselines) {
        List<Series> curves = new ArrayList<>();
        List<ReferenceLine> levels = new ArrayList<>();
        double xMax = 1;
        boolean anyOneStep = false;
        boolean anyRidge = false;
        int mTest = 0;
        java.util.SortedSet<Integer> furtherMTests = new java.util.TreeSet<>();
        for (MethodRuns m : methods) {
            Series oneStep = meanRisk(m.label(), m.rgb(), m.risks(), true);
            Series ridge = meanRisk(m.label() + " (ridge)", m.rgb(), m.risks(), false);
            if (oneStep == null && ridge == null) {
                continue;
            }
            for (RiskSeries r : m.risks()) {
                mTest = Math.max(mTest, r.mTest());
            }
            if (oneStep != null) {
                anyOneStep = true;
                xMax = Math.max(xMax, oneStep.x(oneStep.size() - 1));
                curves.add(oneStep);
                Params p = m.params();
                if (p != null && p.algorithm().approachesLambdaStar()) {
                    levels.add(new ReferenceLine(ONE_STEP_AT_LIMIT,
                            OneStepRisk.atLimit(p.taskCovDiagonal(), p.sigma2(), p.mIn(), p.mTest().get(0))));
                }
            }
            if (ridge != null) {
                anyRidge = true;
                xMax = Math.max(xMax, ridge.x(ridge.size() - 1));
                curves.add(oneStep == null ? ridge : ridge.withStyle(LineStyle.DATA_SECONDARY).withLegend(null));
            }
            // the further m_test values: the same estimators, thinner and dash-dotted, named by their m_test
            int columns = m.risks().stream().mapToInt(RiskSeries::mTestCount).min().orElse(1);
            for (int j = 1; j < columns; j++) {
                final int column = j;
                List<RiskSeries> at = m.risks().stream().map(r -> r.forMTest(column)).toList();
                String name = m.label() + ", m_test = " + at.get(0).mTest();
                Series gd = meanRisk(name, m.rgb(), at, true);
                Series rd = meanRisk(name + " (ridge)", m.rgb(), at, false);
                if (gd != null) {
                    curves.add(gd.withStyle(FURTHER_M_TEST));
                    furtherMTests.add(at.get(0).mTest());
                }
                if (rd != null) {
                    curves.add(gd == null ? rd.withStyle(FURTHER_M_TEST)
                            : rd.withStyle(FURTHER_M_TEST_RIDGE).withLegend(null));
                    furtherMTests.add(at.get(0).mTest());
                }
            }
        }
        String caption = anyOneStep ? "Solid: exact expected risk E‖θ̂ − θ⋆‖² of one head-only GD step at test time"
                : "Test risk E‖θ̂ − θ⋆‖²";
        if (anyRidge) {
            caption += (anyOneStep ? "; dotted: " : ": ") + "ridge on the learned features X B̂ₜ, best λ, on fixed test "
                    + "tasks of each seed";
        }
        if (mTest > 0) {
            caption += ", m_test = " + mTest;
        }
        if (!furtherMTests.isEmpty()) {
            caption += "; dash-dotted: the same at m_test = " + furtherMTests.stream().map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(", "));
        }
        if (baselines != null) {
            double[] x = {1, Math.max(2, xMax)};
            curves.add(new Series("Single-task ridge", BASELINE_GREY, x,
                    new double[] {baselines.singleTaskRidge(), baselines.singleTaskRidge()}, null,
                    new LineStyle(LineStyle.Dash.DOTTED, 1.6), "Single-task ridge"));
            curves.add(new Series("Oracle ridge", BASELINE_GREY, x,
                    new double[] {baselines.oracleRidge(), baselines.oracleRidge()}, null,
                    new LineStyle(LineStyle.Dash.DASH_DOT, 1.6), "Oracle ridge"));
            caption += "; grey: single-task and oracle ridge on " + baselines.testTasks() + " test tasks";
        }
        caption += ". " + (methods.stream().anyMatch(m -> m.seedCount() >= 2)
                ? "Shaded: " + SeedStatistics.NAME + " over seeds." : "");
        return FigureModel.of("Test risk", AxisSpec.log(StandardFigures.ITERATION), AxisSpec.log("E‖θ̂ − θ⋆‖²"))
                .withSeries(curves).withReferenceLines(distinct(levels)).withCaption(caption.strip());
    }

    /**
     * The mean ± sd over seeds of one estimator's risk, at the iterations every seed that has this estimator has
     * recorded (a live seed may be a point behind); null when no seed has a point.
     */
    static Series meanRisk(String name, int rgb, List<RiskSeries> risks, boolean oneStep) {
        TreeMap<Long, SeedStatistics.Accumulator> byIteration = new TreeMap<>();
        int contributing = 0;
        for (RiskSeries r : risks) {
            IntToDoubleFunction value = oneStep ? r::oneStepGd : r::ridge;
            boolean any = false;
            for (int i = 0; i < r.size(); i++) {
                double v = value.applyAsDouble(i);
                if (Double.isFinite(v)) {
                    any = true;
                    byIteration.computeIfAbsent(r.iteration(i), t -> new SeedStatistics.Accumulator()).add(v);
                }
            }
            contributing += any ? 1 : 0;
        }
        final int all = contributing;
        byIteration.values().removeIf(a -> a.count() < all);
        if (byIteration.isEmpty()) {
            return null;
        }
        double[] x = new double[byIteration.size()];
        double[] mean = new double[x.length];
        double[] sd = new double[x.length];
        int i = 0;
        for (Map.Entry<Long, SeedStatistics.Accumulator> e : byIteration.entrySet()) {
            x[i] = e.getKey();
            mean[i] = e.getValue().mean();
            sd[i] = e.getValue().sd();
            i++;
        }
        return Series.band(name, rgb, x, mean, sd);
    }

    /** The lines without repeats (equal to 12 digits), in order. */
    static List<ReferenceLine> distinct(List<ReferenceLine> lines) {
        List<ReferenceLine> out = new ArrayList<>();
        for (ReferenceLine l : lines) {
            if (out.stream().noneMatch(o -> Math.abs(o.y() - l.y()) <= 1e-12 * Math.abs(l.y()))) {
                out.add(l);
            }
        }
        return out;
    }
}
