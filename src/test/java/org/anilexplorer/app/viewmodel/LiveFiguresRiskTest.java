package org.anilexplorer.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.anilexplorer.app.sim.MethodView;
import org.anilexplorer.app.sim.RiskSeries;
import org.anilexplorer.app.sim.RunStatus;
import org.anilexplorer.app.sim.SeedSeries;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.figure.FigureModel;
import org.anilexplorer.figure.LineStyle;
import org.anilexplorer.figure.Series;
import org.junit.jupiter.api.Test;

/** The ridge curve of the test-risk chart: mean over seeds, dashed beside 1-GD, the method's own line without it. */
class LiveFiguresRiskTest {

    private static SeedSeries seed(long s, RiskSeries oneStep, RiskSeries ridge) {
        return new SeedSeries(s, List.of(), RunStatus.FINISHED, "", oneStep, ridge);
    }

    private static RiskSeries series(long[] t, double... r) {
        return new RiskSeries(20, t, r);
    }

    @Test
    void ridgeIsTheMeanOverSeedsInterpolatedAtEachOthersIterationsAndDottedBesideOneStepGd() {
        Params p = Params.defaults();
        long[] t = {0, 10, 100};
        MethodView m = new MethodView(new ResolvedMethod("FO-ANIL", 0, p), List.of(
                seed(1, series(t, 3, 2, 1), series(t, 4, 2, 1)),
                seed(2, series(t, 5, 4, 3), series(new long[] {0, 20}, 6, 4))));
        FigureModel f = LiveFigures.risk(List.of(m), false);
        Series ridge = f.series().stream().filter(s -> s.name().equals("FO-ANIL (ridge)")).findFirst().orElseThrow();
        assertArrayEquals(new double[] {0, 10, 20}, ridge.x(), "where both seeds' curves are defined");
        // seed 2 at t = 10 is halfway between 6 and 4; seed 1 at t = 20 is 2 + (1 − 2)·10/90
        assertArrayEquals(new double[] {5, 3.5, (2 - 10.0 / 90 + 4) / 2}, ridge.mean(), 1e-12);
        assertEquals(LineStyle.Dash.DOTTED, ridge.style().dash());
        assertNull(ridge.legend(), "the method colour names it; the caption says dashed is ridge");
        assertTrue(f.caption().contains("ridge on the learned features"));
        assertTrue(f.yAxis().label().contains("‖θ̂ − θ⋆‖²"), "the same convention as the 1-GD curve");
    }

    @Test
    void burerMonteiroHasOnlyItsRidgeCurveWithALegend() {
        Params p = Params.defaults().withAll(java.util.Map.of("algorithm", "burer-monteiro"));
        long[] t = {0, 10};
        MethodView m = new MethodView(new ResolvedMethod("BM", 1, p),
                List.of(seed(1, RiskSeries.EMPTY, series(t, 2, 1))));
        FigureModel f = LiveFigures.risk(List.of(m), false);
        List<Series> own = f.series().stream().filter(s -> s.name().startsWith("BM")).toList();
        assertEquals(1, own.size());
        assertEquals("BM (ridge)", own.get(0).legend());
        assertTrue(f.referenceLines().isEmpty(), "no 1-GD limit without a 1-GD curve");
    }
}
