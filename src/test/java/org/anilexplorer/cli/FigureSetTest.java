package org.anilexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.anilexplorer.figure.AxisSpec;
import org.anilexplorer.figure.CompositeFigure;
import org.anilexplorer.figure.Figure;
import org.anilexplorer.figure.FigureModel;
import org.anilexplorer.figure.LineStyle;
import org.anilexplorer.figure.Series;
import org.junit.jupiter.api.Test;

/** Coinciding curves (FO-MAML on FO-ANIL) are drawn dotted so that both stay visible. */
class FigureSetTest {

    private static final double[] T = {1, 10, 100};

    private static CompositeFigure figure(double[]... means) {
        List<Series> series = new java.util.ArrayList<>();
        for (int i = 0; i < means.length; i++) {
            series.add(Series.line("m" + i, 0x112233 * (i + 1), T, means[i]));
        }
        FigureModel panel = FigureModel.of("p", AxisSpec.log("t"), AxisSpec.log("y")).withSeries(series);
        return CompositeFigure.of("title", "Caption.", List.of(panel, panel));
    }

    @Test
    void aLaterCurveWithinTwoPercentEverywhereIsDottedAndNamed() {
        Figure f = FigureSet.distinguishCoincident(figure(new double[] {1, 0.5, 0.2},
                new double[] {1.015, 0.495, 0.2039}, new double[] {1, 0.5, 0.3}));
        for (FigureModel panel : f.panels()) {
            assertEquals(LineStyle.DATA, panel.series().get(0).style());
            assertEquals(LineStyle.DATA_SECONDARY, panel.series().get(1).style());
            assertEquals(LineStyle.DATA, panel.series().get(2).style(), "50 % apart at t = 100");
        }
        assertTrue(f.caption().startsWith("Caption. Dotted: within 2 %") && f.caption().contains("(m1)"), f.caption());
    }

    @Test
    void distinctCurvesAreLeftAlone() {
        CompositeFigure original = figure(new double[] {1, 0.5, 0.2}, new double[] {1, 0.5, 0.21});
        assertSame(original, FigureSet.distinguishCoincident(original), "5 % apart at one point is distinct");
    }

    @Test
    void aSinglePanelFigureIsHandledToo() {
        FigureModel panel = figure(new double[] {1, 0.5, 0.2}, new double[] {1, 0.5, 0.2}).panels().get(0)
                .withCaption("One panel.");
        Figure f = FigureSet.distinguishCoincident(panel);
        assertEquals(LineStyle.DATA_SECONDARY, f.panels().get(0).series().get(1).style());
        assertTrue(f.caption().startsWith("One panel. Dotted:"), f.caption());
    }
}
