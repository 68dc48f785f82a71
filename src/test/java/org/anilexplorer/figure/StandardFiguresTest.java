package org.anilexplorer.figure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.anilexplorer.core.metrics.Snapshot;
import org.junit.jupiter.api.Test;

class StandardFiguresTest {

    /** Seed s at iteration t: σ²(B⋆ᵀB) = {3(t+1)+s, 2(t+1)+s, t+1+s}, σ²(B⋆,⊥ᵀB) = {4s+2, 2s+1, 0}/(t+1). */
    private static Snapshot snapshot(long t, int s) {
        double u = t + 1;
        double[] star = {3 * u + s, 2 * u + s, u + s};
        double[] perp = {(4 * s + 2) / u, (2 * s + 1) / u, 0};
        return new Snapshot(t, star, perp, 0.5 / u, 1 / u, 10 / u + s, s == 0 ? 20 / u : Double.NaN);
    }

    private static List<List<Snapshot>> seeds(int n, long last) {
        List<List<Snapshot>> out = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            List<Snapshot> run = new ArrayList<>();
            for (long t = 0; t <= last; t++) {
                run.add(snapshot(t, s));
            }
            out.add(run);
        }
        return out;
    }

    private static final List<MethodRuns> METHODS = List.of(
            MethodRuns.of("A", 0, seeds(3, 4)),
            MethodRuns.of("B", 1, seeds(1, 4)));

    @Test
    void figure2TakesTheExtremeValuesAndTheExtremeLimitLevels() {
        CompositeFigure f = StandardFigures.figure2(METHODS, new double[] {5, 2, 9});
        assertEquals(2, f.panels().size());
        FigureModel min = f.panels().get(0);
        FigureModel max = f.panels().get(1);
        Series a = min.series().get(0);
        // seeds 0,1,2: min = t+1+s → mean t+2, sample sd 1
        double std = 1;
        assertArrayEquals(new double[] {0, 1, 2, 3, 4}, a.x());
        assertArrayEquals(new double[] {2, 3, 4, 5, 6}, a.mean(), 1e-12);
        assertArrayEquals(new double[] {std, std, std, std, std}, a.std(), 1e-12);
        assertArrayEquals(new double[] {4, 7, 10, 13, 16}, max.series().get(0).mean(), 1e-12);
        assertEquals(List.of(new ReferenceLine(StandardFigures.LAMBDA_STAR, 2)), min.referenceLines());
        assertEquals(List.of(new ReferenceLine(StandardFigures.LAMBDA_STAR, 9)), max.referenceLines());
        assertNull(min.series().get(1).std(), "one seed: no band");
        assertEquals(AxisScale.LOG, min.xAxis().scale());
        assertTrue(min.yAxis().label().contains("σ²"));
        assertEquals("figure2", f.metadata().get("Figure"));
        assertEquals("A: 3; B: 1", f.metadata().get("Runs per method"));
        assertTrue(StandardFigures.figure2(METHODS, (double[]) null).panels().get(0).referenceLines().isEmpty());
    }

    @Test
    void figure3AveragesThePerpendicularValuesAndSamplesTheTheoryAtRecordedIterations() {
        CompositeFigure f = StandardFigures.figure3(METHODS, t -> 1 / t);
        Series mean = f.panels().get(0).series().get(0);
        Series max = f.panels().get(1).series().get(0);
        // mean over the 3 perpendicular values: (6s+3)/(3(t+1)) → seed mean over s = 0,1,2: 3/(t+1)
        for (int i = 0; i < 5; i++) {
            assertEquals(3.0 / (i + 1), mean.mean(i), 1e-12);
            assertEquals(6.0 / (i + 1), max.mean(i), 1e-12); // (4s+2)/(t+1), mean over s: 6/(t+1)
        }
        TheoryCurve theory = f.panels().get(1).theoryCurves().get(0);
        assertArrayEquals(new double[] {1, 2, 3, 4}, theory.x(), "recorded iterations from t = 1");
        assertArrayEquals(new double[] {1, 0.5, 1 / 3.0, 0.25}, theory.y(), 1e-15);
        assertTrue(f.panels().get(0).theoryCurves().isEmpty());
        assertEquals(AxisScale.LOG, f.panels().get(1).yAxis().scale());
        assertTrue(StandardFigures.figure3(METHODS, (java.util.function.DoubleUnaryOperator) null).panels().get(1)
                .theoryCurves().isEmpty());
    }

    @Test
    void spectrumHasEveryValueOfEveryMethodAndOneLegendEntryPerMethod() {
        CompositeFigure f = StandardFigures.spectrum(METHODS, new double[] {1, 2, 3});
        FigureModel star = f.panels().get(0);
        FigureModel perp = f.panels().get(1);
        assertEquals(2 * 3, star.series().size());
        assertEquals(2, perp.series().size(), "the complement: one band per method instead of k' lines");
        assertEquals(3, star.referenceLines().size());
        // the i-th value of A, seed-averaged: (3−i)(t+1) + 1
        for (int i = 0; i < 3; i++) {
            assertEquals((3 - i) * 5 + 1, star.series().get(i).mean(4), 1e-12);
        }
        // A's complement, seed-averaged per i: {6, 3, 0}/(t+1); the band spans min..max, its line is the median
        Series band = perp.series().get(0);
        assertTrue(band.isEnvelope());
        assertArrayEquals(new double[] {6, 3, 2, 1.5, 1.2}, band.max(), 1e-12);
        assertArrayEquals(new double[] {3, 1.5, 1, 0.75, 0.6}, band.mean(), 1e-12);
        assertArrayEquals(new double[] {0, 0, 0, 0, 0}, band.min(), 1e-12);
        assertEquals("A", band.legend());
        // B has one seed (s = 0): {2, 1, 0}/(t+1)
        assertArrayEquals(new double[] {2, 1, 2 / 3.0, 0.5, 0.4}, perp.series().get(1).max(), 1e-12);
        assertEquals(List.of("A σᵢ²(B⋆,⊥ᵀBₜ) median", "A σᵢ²(B⋆,⊥ᵀBₜ) min", "A σᵢ²(B⋆,⊥ᵀBₜ) max"),
                CsvWriter.headers(perp).subList(0, 3));
        long legendEntries = star.series().stream().filter(s -> s.legend() != null).count();
        assertEquals(2, legendEntries);
        assertEquals(Palette.method(0), star.series().get(2).rgb());
        assertEquals(Palette.method(1), star.series().get(3).rgb());
        assertEquals(3, FigureCharts.legendItems(star).getItemCount(), "two methods and Λ⋆");
    }

    @Test
    void eachMethodKeepsItsColourAcrossFigures() {
        List<Figure> figures = List.of(StandardFigures.figure2(METHODS, (double[]) null), StandardFigures.figure3(METHODS,
                (TheoryCurve) null), StandardFigures.distance(METHODS), StandardFigures.trainingLoss(METHODS),
                StandardFigures.headError(METHODS));
        for (Figure f : figures) {
            for (FigureModel p : f.panels()) {
                for (Series s : p.series()) {
                    int expected = s.name().startsWith("A") ? Palette.method(0) : Palette.method(1);
                    assertEquals(expected, s.rgb(), f.title() + " / " + s.name());
                }
            }
        }
    }

    @Test
    void lossFigureAddsValidationOnlyWhereItWasMeasured() {
        FigureModel loss = StandardFigures.trainingLoss(METHODS);
        List<String> names = loss.series().stream().map(Series::name).toList();
        // seed 0 of every method measured validation; one seed gives no band
        assertEquals(List.of("A", "A (validation)", "B", "B (validation)"), names);
        Series validation = loss.series().get(1);
        assertArrayEquals(new double[] {20, 10, 20 / 3.0, 5, 4}, validation.mean(), 1e-12);
        assertNull(validation.std());
        assertEquals(LineStyle.DATA_SECONDARY, validation.style());
        assertNotNull(loss.series().get(0).std());
    }

    @Test
    void distanceIsLinearInTimeAndLogInValue() {
        FigureModel d = StandardFigures.distance(METHODS);
        assertEquals(AxisScale.LINEAR, d.xAxis().scale());
        assertEquals(AxisScale.LOG, d.yAxis().scale());
        assertArrayEquals(new double[] {1, 0.5, 1 / 3.0, 0.25, 0.2}, d.series().get(0).mean(), 1e-12);
        assertArrayEquals(new double[] {0, 0, 0, 0, 0}, d.series().get(0).std(), 0);
    }

    @Test
    void commonRangeCutsEverySeedAtTheShortestOne() {
        List<List<Snapshot>> ragged = new ArrayList<>(seeds(2, 6));
        ragged.add(seeds(1, 3).get(0));
        MethodRuns live = MethodRuns.of("A", 0, ragged).commonRange();
        for (List<Snapshot> seed : live.seeds()) {
            assertEquals(3, seed.get(seed.size() - 1).iteration());
        }
        Series s = StandardFigures.figure2(List.of(MethodRuns.of("A", 0, ragged)), (double[]) null).panels().get(0).series().get(0);
        assertEquals(7, s.size(), "without commonRange the mean runs on with the remaining seeds");
        assertTrue(Double.isFinite(s.std(6)));
    }

    @Test
    void captionsSayHowManyRuns() {
        assertTrue(StandardFigures.figure2(METHODS, (double[]) null).caption().contains("1–3 runs"));
        assertTrue(StandardFigures.figure2(List.of(MethodRuns.of("x", 0, seeds(1, 2))), (double[]) null).caption()
                .contains("One run per method"));
        assertEquals(Map.of(), FigureModel.of("t", AxisSpec.linear("x"), AxisSpec.linear("y")).metadata());
    }
}
