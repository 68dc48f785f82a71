package org.anilexplorer.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.anilexplorer.core.metrics.Snapshot;
import org.junit.jupiter.api.Test;

class AggregateSeriesTest {

    private static RunView runWith(long seed, double... sv2StarAtIterations) {
        SeriesStore store = new SeriesStore(64);
        for (int t = 0; t < sv2StarAtIterations.length; t++) {
            double v = sv2StarAtIterations[t];
            store.append(new Snapshot(t, new double[] {2 * v, v}, new double[] {v}, v, 0.5, v, Double.NaN));
        }
        return new RunView("m", seed, RunStatus.of(RunState.FINISHED), 0, 0, store.view(), 0, null, null);
    }

    @Test
    void meanAndSampleStdAcrossSeeds() {
        // values 1, 2, 3 at iteration 0: mean 2, sample sd 1; at iteration 1 only two runs: 4, 6 → 5 ± √2
        List<RunView> runs = List.of(runWith(1, 1, 4), runWith(2, 2, 6), runWith(3, 3));
        AggregateSeries a = AggregateSeries.of("m", runs);
        assertEquals(2, a.size());
        assertEquals(3, a.count(0));
        assertEquals(2, a.count(1));
        Band min = a.band(SeriesMetric.SV2_STAR_MIN);
        assertEquals(2.0, min.mean(0), 1e-15);
        assertEquals(1.0, min.std(0), 1e-15);
        assertEquals(5.0, min.mean(1), 1e-15);
        assertEquals(Math.sqrt(2), min.std(1), 1e-15);
        assertEquals(4.0, a.band(SeriesMetric.SV2_STAR_MAX).mean(0), 1e-15);
        assertEquals(4.0, a.sv2Star(0).mean(0), 1e-15);
        assertEquals(2.0, a.sv2Star(1).mean(0), 1e-15);
        assertEquals(0.5, a.band(SeriesMetric.DISTANCE).mean(1), 1e-15);
        assertEquals(0.0, a.band(SeriesMetric.DISTANCE).std(1), 0.0);
        assertEquals(Double.NaN, a.band(SeriesMetric.VALIDATION_LOSS).mean(0));
    }
}
