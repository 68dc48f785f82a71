package org.anilexplorer.figure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.anilexplorer.core.metrics.Snapshot;

/** Small figures with known content, for the rendering and export tests. */
final class TestFigures {

    static final Map<String, String> METADATA = Map.of("Parameters", "d=50 k=5 α=0.1 β=0.1 σ²=4", "Seeds", "0-2");

    private TestFigures() {
    }

    /** Two methods, three seeds each (one cut short), σ² curves rising to 1 and 2, perpendicular ones falling. */
    static List<MethodRuns> methods() {
        List<MethodRuns> out = new ArrayList<>();
        String[] labels = {"FO-ANIL", "Burer–Monteiro"};
        for (int m = 0; m < 2; m++) {
            List<List<Snapshot>> seeds = new ArrayList<>();
            for (int s = 0; s < 3; s++) {
                List<Snapshot> run = new ArrayList<>();
                long last = s == 2 ? 60 : 200;
                for (long t = 0; t <= last; t++) {
                    double grow = 1 - Math.exp(-t / (20.0 + 5 * s + 10 * m));
                    double[] star = {(2 + m) * grow + 1e-3, (1 + m) * grow + 1e-3};
                    double[] perp = {0.05 * (1 + 0.1 * s) / (1 + t / 10.0), 0.01 / (1 + t / 10.0)};
                    run.add(new Snapshot(t, star, perp, 0.1 / (1 + t), Math.exp(-t / 50.0), 3 / (1 + t / 30.0) + 1,
                            Double.NaN));
                }
                seeds.add(run);
            }
            out.add(MethodRuns.of(labels[m], m, seeds));
        }
        return out;
    }

    static CompositeFigure figure2() {
        return StandardFigures.figure2(methods(), new double[] {1.9, 1.0}).withMetadata(METADATA);
    }

    static CompositeFigure figure3() {
        return StandardFigures.figure3(methods(), t -> 0.05 / (1 + t / 10.0)).withMetadata(METADATA);
    }
}
