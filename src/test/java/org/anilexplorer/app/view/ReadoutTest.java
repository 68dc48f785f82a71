package org.anilexplorer.app.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.anilexplorer.figure.AxisSpec;
import org.anilexplorer.figure.FigureModel;
import org.anilexplorer.figure.Series;
import org.junit.jupiter.api.Test;

/** The crosshair snaps to a recorded iteration and reads every curve there. */
class ReadoutTest {

    private static final FigureModel TWO_CURVES = FigureModel.of("c", AxisSpec.log("t"), AxisSpec.linear("y"))
            .withSeries(List.of(Series.line("a", 0x0072b2, new double[] {1, 10, 100}, new double[] {1, 2, 3}),
                    Series.line("b", 0xd55e00, new double[] {1, 50}, new double[] {10, 20}).withLegend(null)));

    @Test
    void snapsToTheNearestRecordedIterationAndReadsEachCurve() {
        Readout r = Readout.at(TWO_CURVES, 12, true).orElseThrow();
        assertEquals(10, r.t());
        assertEquals(2, r.entries().size());
        assertEquals(2, r.entries().get(0).value());
        // b has no point at 10: linear between its neighbours (1, 10) and (50, 20)
        assertEquals(10 + 10 * 9.0 / 49, r.entries().get(1).value(), 1e-12);
        assertTrue(r.entries().get(1).secondary());
        assertEquals(List.of("t = 10", "a  2.000", "b  11.84"), r.lines());
    }

    @Test
    void aCurveThatDoesNotReachTIsLeftOut() {
        Readout r = Readout.at(TWO_CURVES, 90, false).orElseThrow();
        assertEquals(100, r.t());
        assertEquals(1, r.entries().size(), "b ends at 50");
        assertEquals("a", r.entries().get(0).name());
    }

    @Test
    void noCurvesNoReadout() {
        assertTrue(Readout.at(FigureModel.of("c", AxisSpec.log("t"), AxisSpec.linear("y")), 5, true).isEmpty());
    }
}
