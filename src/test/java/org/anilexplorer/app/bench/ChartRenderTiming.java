package org.anilexplorer.app.bench;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.anilexplorer.app.sim.FakeDriver;
import org.anilexplorer.app.sim.CoreExperimentLauncher;
import org.anilexplorer.app.sim.ExperimentDriver;
import org.anilexplorer.app.sim.ExperimentView;
import org.anilexplorer.app.viewmodel.ChartKind;
import org.anilexplorer.app.viewmodel.ChartsViewModel;
import org.anilexplorer.app.viewmodel.ExperimentRequest;
import org.anilexplorer.app.viewmodel.LiveFigures;
import org.anilexplorer.app.viewmodel.ResolvedMethod;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.figure.FigureCharts;
import org.anilexplorer.figure.FigureModel;
import org.jfree.chart.JFreeChart;

/** How long building and drawing (Java2D, off screen) each live chart takes; a harness, not a test. */
public final class ChartRenderTiming {

    public static void main(String[] args) throws Exception {
        Params p = Params.defaults().withAll(Map.of("d", "20", "k", "3", "k_prime", "20", "tasks", "inf",
                "m_in", "10", "m_out", "10", "alpha", "0.2", "beta", "0.2", "iterations", "3000", "seeds", "1"));
        List<ResolvedMethod> methods = new ArrayList<>();
        methods.add(new ResolvedMethod("a", 0, p));
        methods.add(new ResolvedMethod("b", 1, p.with("m_in", "inf").with("m_out", "inf")));
        methods.add(new ResolvedMethod("c", 2, p.with("beta", "0.1")));
        ExperimentView view;
        try (ExperimentDriver d = new CoreExperimentLauncher().open(new ExperimentRequest(p, methods))) {
            d.limitTo(Long.MAX_VALUE);
            d.resume();
            while (!d.latest().status().isTerminal()) {
                Thread.sleep(20);
            }
            view = d.latest();
        }
        ChartsViewModel charts = new ChartsViewModel();
        BufferedImage img = new BufferedImage(660, 380, BufferedImage.TYPE_INT_ARGB);
        for (int round = 0; round < 5; round++) {
            for (ChartKind kind : ChartKind.values()) {
                long a = System.nanoTime();
                FigureModel m = LiveFigures.build(kind, view, charts);
                long b = System.nanoTime();
                JFreeChart c = FigureCharts.chart(m.withTitle("").withCaption(""));
                long cc = System.nanoTime();
                Graphics2D g = img.createGraphics();
                c.draw(g, new Rectangle2D.Double(0, 0, 660, 380));
                g.dispose();
                long d = System.nanoTime();
                System.out.printf("%-10s build %6.1f ms  chart %6.1f ms  java2d draw %6.1f ms%n", kind,
                        (b - a) / 1e6, (cc - b) / 1e6, (d - cc) / 1e6);
            }
        }
    }
}
