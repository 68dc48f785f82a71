package org.anilexplorer.figure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.anilexplorer.core.metrics.Snapshot;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.run.RiskSeries;
import org.anilexplorer.core.theory.LambdaStar;
import org.anilexplorer.core.theory.OneStepRisk;
import org.anilexplorer.core.theory.UnlearningRate;
import org.junit.jupiter.api.Test;

/** The one set of rules for the theory on the figures, shared by the app and the command line. */
class FigureRecipesTest {

    private static final Params FO_ANIL = Params.defaults().withAll(Map.of("tasks", "inf", "alpha", "0.2",
            "beta", "0.2", "m_in", "10"));

    private static RiskSeries risk(long[] t, double[] gd, double[] ridge) {
        return new RiskSeries(20, t, gd, ridge);
    }

    private static double[] nan(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    @Test
    void figureTwoAndTheSpectrumDrawTheSameLambdaStarForOneRun() {
        Params otherAlpha = FO_ANIL.with("alpha", "0.1");
        Params bm = Params.defaults().with("algorithm", "burer-monteiro");
        List<MethodRuns> methods = List.of(
                new MethodRuns("a", 0, List.of(List.of()), FO_ANIL, List.of()),
                new MethodRuns("b", 1, List.of(List.of()), FO_ANIL.with("tasks", "1000"), List.of()),
                new MethodRuns("c", 2, List.of(List.of()), otherAlpha, List.of()),
                new MethodRuns("bm", 3, List.of(List.of()), bm, List.of()));
        List<double[]> lambdas = FigureRecipes.lambdaStars(methods);
        assertEquals(2, lambdas.size(), "a and b share Λ⋆ (it does not depend on N); Burer–Monteiro has none");
        assertArrayEquals(LambdaStar.eigenvalues(FO_ANIL), lambdas.get(0));
        assertArrayEquals(LambdaStar.eigenvalues(otherAlpha), lambdas.get(1));

        TreeSet<Double> spectrum = new TreeSet<>();
        FigureRecipes.spectrum(methods).panels().get(0).referenceLines().forEach(l -> spectrum.add(l.y()));
        TreeSet<Double> figure2 = new TreeSet<>();
        FigureRecipes.figure2(methods).panels().forEach(p -> p.referenceLines().forEach(l -> figure2.add(l.y())));
        TreeSet<Double> extremes = new TreeSet<>();
        for (double[] l : lambdas) {
            extremes.add(l[0]);
            extremes.add(l[l.length - 1]);
            for (double v : l) {
                assertTrue(spectrum.contains(v), "every eigenvalue in the spectrum");
            }
        }
        assertEquals(extremes, figure2, "figure 2: smallest and largest of each Λ⋆, nothing else");
        assertTrue(spectrum.containsAll(figure2));
    }

    @Test
    void theUnlearningCurveIsAnchoredWhereColBStarIsLearned() {
        double[] lambda = LambdaStar.eigenvalues(FO_ANIL);
        double lMin = lambda[lambda.length - 1];
        // σ²_min reaches 90 % of λ_min(Λ⋆) first at t = 20; ‖B⋆,⊥ᵀB‖² there is 0.5 (mean of 0.4 and 0.6)
        long[] t = {0, 1, 10, 20, 50, 100};
        double[] learned = {0, 0.1, 0.5, 0.95, 1, 1};
        List<List<Snapshot>> seeds = new ArrayList<>();
        for (double perpAt20 : new double[] {0.4, 0.6}) {
            List<Snapshot> run = new ArrayList<>();
            for (int i = 0; i < t.length; i++) {
                double star = learned[i] * lMin;
                double perp = t[i] == 20 ? perpAt20 : 1.0 / (1 + t[i]);
                run.add(new Snapshot(t[i], new double[] {2 * star, star, star}, new double[] {perp}, 0, 0, 1,
                        Double.NaN));
            }
            seeds.add(run);
        }
        MethodRuns m = new MethodRuns("FO-ANIL", 0, seeds, FO_ANIL, List.of());
        TheoryCurve c = FigureRecipes.unlearningCurve(List.of(m));
        assertNotNull(c);
        assertArrayEquals(new double[] {20, 50, 100}, c.x());
        for (int i = 0; i < c.size(); i++) {
            assertEquals(UnlearningRate.refined((long) c.x(i), 20, 0.5, 0.2, 0.2, FO_ANIL.tildeSigma2(),
                    FO_ANIL.mIn()), c.y(i), 1e-15);
        }
        assertNull(FigureRecipes.unlearningCurve(List.of(new MethodRuns("finite", 0, seeds,
                FO_ANIL.with("tasks", "1000"), List.of()))), "the 1/t law is the infinite-task one");
    }

    @Test
    void riskIsTheMeanOverSeedsWithRidgeDottedBesideOneStepGdAndItsLimit() {
        long[] t = {0, 10, 100};
        MethodRuns m = new MethodRuns("FO-ANIL", 0, List.of(List.of(), List.of()), FO_ANIL, List.of(
                risk(t, new double[] {3, 2, 1}, new double[] {4, 2, 1}),
                risk(new long[] {0, 10}, new double[] {5, 4}, new double[] {6, 4})));
        FigureModel f = FigureRecipes.risk(List.of(m), new RiskBaselines(20, 1000, 1.8, 0.5));
        Series gd = f.series().get(0);
        assertArrayEquals(new double[] {0, 10}, gd.x(), "only where every seed has a point (one is behind)");
        assertArrayEquals(new double[] {4, 3}, gd.mean(), 1e-15);
        assertArrayEquals(new double[] {Math.sqrt(2), Math.sqrt(2)}, gd.std(), 1e-15);
        Series ridge = f.series().get(1);
        assertEquals("FO-ANIL (ridge)", ridge.name());
        assertArrayEquals(new double[] {5, 3}, ridge.mean(), 1e-15);
        assertEquals(LineStyle.Dash.DOTTED, ridge.style().dash());
        assertNull(ridge.legend());
        assertEquals(List.of(new ReferenceLine(FigureRecipes.ONE_STEP_AT_LIMIT, OneStepRisk.atLimit(
                FO_ANIL.taskCovDiagonal(), FO_ANIL.sigma2(), FO_ANIL.mIn(), 20))), f.referenceLines());
        assertEquals(List.of("Single-task ridge", "Oracle ridge"), f.series().subList(2, 4).stream()
                .map(Series::name).toList());
        assertEquals(1.8, f.series().get(2).mean(0));
    }

    @Test
    void everyFurtherMTestIsDrawnDashDottedInTheMethodsColourAndSurvivesTheLiveCut() {
        long[] t = {0, 10, 100};
        RiskSeries both = new RiskSeries(new int[] {20, 30}, t, new double[][] {{3, 2, 1}, {2.5, 1.5, 0.5}},
                new double[][] {{4, 2, 1}, {3.5, 1.8, 0.9}});
        MethodRuns m = new MethodRuns("FO-ANIL", 0, List.of(List.of(), List.of()), FO_ANIL, List.of(both, both));
        FigureModel f = FigureRecipes.risk(List.of(m), null);
        List<String> names = f.series().stream().map(Series::name).toList();
        assertEquals(List.of("FO-ANIL", "FO-ANIL (ridge)", "FO-ANIL, m_test = 30", "FO-ANIL, m_test = 30 (ridge)"),
                names);
        Series gd30 = f.series().get(2);
        assertArrayEquals(new double[] {2.5, 1.5, 0.5}, gd30.mean(), 0.0);
        assertEquals(LineStyle.Dash.DASH_DOT, gd30.style().dash());
        assertEquals(f.series().get(0).rgb(), gd30.rgb(), "the method's colour");
        assertNull(f.series().get(3).legend(), "its ridge curve shares the entry, as at the first m_test");
        assertTrue(f.caption().contains("dash-dotted: the same at m_test = 30"), f.caption());
        // the live view cuts every seed to the iterations all have reached: every m_test keeps its column
        MethodRuns cut = new MethodRuns("FO-ANIL", 0, List.of(List.of(), List.of()), FO_ANIL,
                List.of(both, both.upTo(10))).commonRange();
        assertEquals(4, FigureRecipes.risk(List.of(cut), null).series().size());
    }

    @Test
    void aMethodWithoutOneStepGdHasOnlyItsRidgeCurveWithALegend() {
        Params bm = Params.defaults().with("algorithm", "burer-monteiro");
        long[] t = {0, 10};
        MethodRuns m = new MethodRuns("BM", 1, List.of(List.of()), bm, List.of(risk(t, nan(2), new double[] {2, 1})));
        FigureModel f = FigureRecipes.risk(List.of(m), null);
        assertEquals(1, f.series().size());
        assertEquals("BM (ridge)", f.series().get(0).legend());
        assertTrue(f.referenceLines().isEmpty(), "no 1-GD limit without a 1-GD curve");
    }

    @Test
    void theStoryChartFollowsTheMethodsParameters() {
        Params collins = Params.defaults().withAll(Map.of("d", "20", "k", "3", "k_prime", "3"));
        Params mean = FO_ANIL.withAll(Map.of("k", "3", "task_mean", "1,-0.5,0.5"));
        assertEquals(FigureRecipes.SPECTRUM, FigureRecipes.storyChart(List.of(FO_ANIL)), "k' > k, μ⋆ = 0");
        assertEquals(FigureRecipes.DISTANCE, FigureRecipes.storyChart(List.of(collins, collins.with("algorithm",
                "average-loss"))), "every method k' = k");
        assertEquals(FigureRecipes.SPECTRUM, FigureRecipes.storyChart(List.of(collins, FO_ANIL)),
                "one wide method: the spectrum");
        assertEquals(FigureRecipes.MEAN_ERROR, FigureRecipes.storyChart(List.of(FO_ANIL, mean)),
                "a non-zero task mean wins");
        assertEquals(FigureRecipes.MEAN_ERROR, FigureRecipes.storyChart(List.of(collins.with("task_mean", "0,0,2"))));
        assertEquals(FigureRecipes.SPECTRUM, FigureRecipes.storyChart(List.of()));
    }

    @Test
    void theMeanErrorChartDrawsTheRecordedErrorAndTheLevelOfAPredictorLeftAtZero() {
        Params mean = FO_ANIL.withAll(Map.of("k", "3", "task_mean", "1,-0.5,0.5"));
        List<Snapshot> seed = List.of(snapshotWithBw(1, 0.8), snapshotWithBw(10, 0.1), snapshotWithBw(100, 0.001));
        List<MethodRuns> methods = List.of(new MethodRuns("mean", 0, List.of(seed), mean, List.of()),
                new MethodRuns("zero", 1, List.of(seed), FO_ANIL, List.of()));
        FigureModel f = FigureRecipes.meanError(methods);
        assertArrayEquals(new double[] {0.8, 0.1, 0.001}, f.series().get(0).mean(), 0);
        // ‖B⋆μ⋆‖ = ‖μ⋆‖ = √(1 + 0.25 + 0.25); μ⋆ = 0 adds no level (0 is not drawable on a log axis)
        assertEquals(List.of(new ReferenceLine(FigureRecipes.ZERO_PREDICTOR, Math.sqrt(1.5))), f.referenceLines());
        assertEquals(AxisScale.LOG, f.yAxis().scale());
        assertTrue(f.caption().contains("tends to 0"), f.caption());
        assertTrue(FigureRecipes.meanError(methods.subList(1, 2)).referenceLines().isEmpty());
        FigureModel d = FigureRecipes.distance(methods);
        assertEquals(AxisScale.LINEAR, d.xAxis().scale(), "Collins et al.'s exponential decay: linear t, log y");
        assertEquals(AxisScale.LOG, d.yAxis().scale());
    }

    private static Snapshot snapshotWithBw(long t, double bw) {
        return new Snapshot(t, new double[] {1, 1, 1}, new double[] {0.1}, bw, 0.5 / t, 1, Double.NaN);
    }
}
