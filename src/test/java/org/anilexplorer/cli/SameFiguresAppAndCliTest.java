package org.anilexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javafx.beans.property.SimpleObjectProperty;
import org.anilexplorer.app.sim.CoreExperimentLauncher;
import org.anilexplorer.app.sim.ExperimentRequest;
import org.anilexplorer.app.sim.ResolvedMethod;
import org.anilexplorer.app.viewmodel.ChartKind;
import org.anilexplorer.app.viewmodel.ChartSettings;
import org.anilexplorer.app.viewmodel.LiveFigures;
import org.anilexplorer.app.viewmodel.LiveView;
import org.anilexplorer.app.viewmodel.TransportViewModel;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.run.DynamicsSource;
import org.anilexplorer.core.run.Experiment;
import org.anilexplorer.core.run.ExperimentView;
import org.anilexplorer.core.run.Variant;
import org.anilexplorer.figure.Figure;
import org.anilexplorer.figure.FigureModel;
import org.anilexplorer.figure.ReferenceLine;
import org.anilexplorer.figure.Series;
import org.anilexplorer.figure.TheoryCurve;
import org.junit.jupiter.api.Test;

/**
 * One preset and seed, run once through the command line's path (core.run's experiment, then {@code FigureSet}) and
 * once through the app's (its launcher behind the gate, the transport view model, then {@code LiveFigures}): every
 * chart shows the same curves, bands, Λ⋆ levels, 1/t curve and risk, number for number.
 */
class SameFiguresAppAndCliTest {

    private static final Params BASE = Params.defaults().withAll(Map.of("d", "12", "k", "2", "k_prime", "12",
            "tasks", "inf", "m_in", "10", "m_out", "10", "alpha", "0.2", "beta", "0.2")).withAll(Map.of(
            "iterations", "400", "seeds", "2", "test_tasks", "50"));

    private static List<Variant> variants() {
        // one method with a task mean, so that the mean-error chart has its ‖B⋆μ⋆‖ level
        return List.of(new Variant("FO-ANIL", BASE), new Variant("FO-ANIL, N = 50", BASE.with("tasks", "50")
                        .with("task_mean", "1,-0.5")),
                new Variant("Burer-Monteiro", BASE.withAll(Map.of("algorithm", "burer-monteiro", "tasks", "50",
                        "beta", "1"))));
    }

    private static ExperimentView cliRun() throws InterruptedException {
        List<Variant> v = variants();
        try (Experiment e = new Experiment(v, BASE.seeds(), DynamicsSource.FACTORY, FigureRun.RECORDING, 2,
                Duration.ofMillis(250))) {
            e.start();
            return e.await();
        }
    }

    private static LiveView appRun() throws InterruptedException {
        List<ResolvedMethod> methods = new ArrayList<>();
        List<Variant> v = variants();
        for (int i = 0; i < v.size(); i++) {
            methods.add(new ResolvedMethod(v.get(i).label(), i, v.get(i).params()));
        }
        SimpleObjectProperty<ExperimentRequest> request =
                new SimpleObjectProperty<>(new ExperimentRequest(BASE, methods));
        TransportViewModel vm = new TransportViewModel(new CoreExperimentLauncher(), request, Runnable::run);
        try {
            vm.speedIndexProperty().set(org.anilexplorer.app.viewmodel.Speed.STEPS.size() - 1);
            vm.play();
            long deadline = System.nanoTime() + 60_000_000_000L;
            long now = 0;
            while (!vm.getState().isTerminal()) {
                vm.onFrame(now += 16_000_000);
                assertTrue(System.nanoTime() < deadline, "the app's run did not end");
                Thread.sleep(5);
            }
            return vm.getView();
        } finally {
            vm.close();
        }
    }

    @Test
    void everyChartShowsTheSameNumbersOnBothFronts() throws Exception {
        ExperimentView cliView = cliRun();
        assertTrue(cliView.allSucceeded());
        Map<String, Figure> cli = FigureSet.build(cliView, variants(), FigureSet.ALL, Map.of());
        LiveView app = appRun();
        ChartSettings all = new ChartSettings(java.util.EnumSet.allOf(ChartKind.class),
                java.util.EnumSet.allOf(ChartKind.class), java.util.Set.of());
        assertSameData(cli.get("figure2"), LiveFigures.build(ChartKind.LEARNING, app, all, true));
        assertSameData(cli.get("figure3"), LiveFigures.build(ChartKind.UNLEARNING, app, all, true));
        assertSameData(cli.get("spectrum"), LiveFigures.build(ChartKind.SPECTRUM, app, all, true));
        assertSameData(cli.get("risk"), LiveFigures.build(ChartKind.RISK, app, all, true));
        assertSameData(cli.get("distance"), LiveFigures.build(ChartKind.DISTANCE, app, all, true));
        assertSameData(cli.get("mean-error"), LiveFigures.build(ChartKind.MEAN_ERROR, app, all, true));
        assertEquals(1, LiveFigures.build(ChartKind.MEAN_ERROR, app, all, true).referenceLines().size(),
                "‖B⋆μ⋆‖ of the method with a task mean");
        assertTrue(LiveFigures.build(ChartKind.SPECTRUM, app, all, true).series().stream().anyMatch(Series::isEnvelope),
                "the complement as a band");
        // the window's fourth chart is the one the command line's rule picks for these methods
        org.anilexplorer.app.viewmodel.ChartsViewModel charts = new org.anilexplorer.app.viewmodel.ChartsViewModel();
        charts.follow(variants().stream().map(Variant::params).toList());
        assertEquals(ChartKind.MEAN_ERROR, charts.storyChartProperty().get());
        assertTrue(cli.containsKey(charts.storyChartProperty().get().id()), "figure writes the window's story chart");
        assertTrue(LiveFigures.build(ChartKind.UNLEARNING, app, all, true).theoryCurves().size() == 1,
                "the 1/t curve is drawn");
        assertTrue(LiveFigures.build(ChartKind.RISK, app, all, true).series().size() >= 5,
                "1-GD and ridge per meta method, ridge for Burer–Monteiro, two baselines");
    }

    /** The app overlays a figure's panels in one chart; its data are the panels' data, in panel order. */
    private static void assertSameData(Figure cli, FigureModel app) {
        List<Series> cliSeries = new ArrayList<>();
        TreeSet<Double> cliLevels = new TreeSet<>();
        List<TheoryCurve> cliCurves = new ArrayList<>();
        for (FigureModel p : cli.panels()) {
            cliSeries.addAll(p.series());
            p.referenceLines().forEach(l -> cliLevels.add(l.y()));
            cliCurves.addAll(p.theoryCurves());
        }
        assertEquals(cliSeries.size(), app.series().size(), cli.title());
        for (int i = 0; i < cliSeries.size(); i++) {
            Series a = cliSeries.get(i);
            Series b = app.series().get(i);
            // the app names an overlaid panel's curve after its panel too ("FO-ANIL, smallest")
            assertTrue(b.name().equals(a.name()) || b.name().startsWith(a.name() + ", "), b.name());
            assertArrayEquals(a.x(), b.x(), a.name());
            assertArrayEquals(a.mean(), b.mean(), a.name());
            assertArrayEquals(a.std(), b.std(), a.name());
            assertArrayEquals(a.min(), b.min(), a.name());
            assertArrayEquals(a.max(), b.max(), a.name());
        }
        TreeSet<Double> appLevels = new TreeSet<>();
        app.referenceLines().forEach((ReferenceLine l) -> appLevels.add(l.y()));
        assertEquals(cliLevels, appLevels, cli.title());
        assertEquals(cliCurves, app.theoryCurves(), cli.title());
    }
}
