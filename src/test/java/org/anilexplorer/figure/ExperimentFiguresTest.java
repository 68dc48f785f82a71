package org.anilexplorer.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.run.AggregateSeries;
import org.anilexplorer.core.run.Band;
import org.anilexplorer.core.run.Experiment;
import org.anilexplorer.core.run.ExperimentView;
import org.anilexplorer.core.run.RunOptions;
import org.anilexplorer.core.run.SeriesMetric;
import org.anilexplorer.core.run.Variant;
import org.anilexplorer.testing.ToyDynamics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** From a real (toy) experiment to figures: the figure's statistics agree with core.run's own aggregation. */
class ExperimentFiguresTest {

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void figuresOfAnExperimentAgreeWithItsAggregateSeries() throws Exception {
        Params p = ToyDynamics.smallParams().with("iterations", "300");
        List<Variant> variants = List.of(new Variant("A", p), new Variant("B", p.with("beta", "0.3")));
        ExperimentView view;
        try (Experiment e = new Experiment(variants, 3, ToyDynamics::create, RunOptions.DEFAULT, 2,
                Duration.ofMillis(50))) {
            e.start();
            view = e.await();
        }
        List<MethodRuns> methods = MethodRuns.from(view);
        assertEquals(List.of("A", "B"), methods.stream().map(MethodRuns::label).toList());
        assertEquals(Palette.method(1), methods.get(1).rgb());
        assertEquals(3, methods.get(0).seedCount());

        CompositeFigure f2 = StandardFigures.figure2(methods, new double[] {1});
        CompositeFigure f3 = StandardFigures.figure3(methods, (TheoryCurve) null);
        for (int m = 0; m < 2; m++) {
            AggregateSeries aggregate = view.aggregate(methods.get(m).label());
            check(aggregate, SeriesMetric.SV2_STAR_MIN, f2.panels().get(0).series().get(m));
            check(aggregate, SeriesMetric.SV2_STAR_MAX, f2.panels().get(1).series().get(m));
            check(aggregate, SeriesMetric.SV2_PERP_MEAN, f3.panels().get(0).series().get(m));
            check(aggregate, SeriesMetric.SV2_PERP_MAX, f3.panels().get(1).series().get(m));
        }
        assertTrue(PngWriter.render(f2, new ImageSize(500, 250, 1)).getWidth() == 500);
    }

    /** Same iterations, same mean, same std (both population std over seeds) as core.run.AggregateSeries. */
    private static void check(AggregateSeries aggregate, SeriesMetric metric, Series series) {
        Band band = aggregate.band(metric);
        assertEquals(aggregate.size(), series.size(), metric.key());
        for (int i = 0; i < series.size(); i++) {
            assertEquals(aggregate.iteration(i), series.x(i), 0, metric.key());
            double scale = Math.max(Math.abs(band.mean(i)), 1e-300);
            assertEquals(band.mean(i), series.mean(i), 1e-12 * scale, metric.key() + " mean @ " + i);
            if (aggregate.count(i) >= 2) {
                assertEquals(band.std(i), series.std(i), 1e-9 * scale, metric.key() + " std @ " + i);
            }
        }
    }
}
