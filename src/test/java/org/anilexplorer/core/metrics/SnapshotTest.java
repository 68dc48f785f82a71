package org.anilexplorer.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SnapshotTest {

    @Test
    void arraysArePrivateCopies() {
        double[] star = {3, 2, 1};
        double[] perp = {0.5, 0.25};
        Snapshot s = new Snapshot(7, star, perp, 0.1, 1.0, 2.0, Double.NaN);
        star[0] = 99;
        s.sv2Perp()[0] = 99;
        assertEquals(3, s.sv2StarMax());
        assertEquals(0.5, s.sv2PerpMax());
    }

    @Test
    void summariesOfTheSpectra() {
        Snapshot s = new Snapshot(7, new double[] {3, 2, 1}, new double[] {0.5, 0.25, 0.0, 0.25}, 0.1, 1.0, 2.0,
                Double.NaN);
        assertEquals(3, s.k());
        assertEquals(1, s.sv2StarMin());
        assertEquals(2, s.sv2Star(1));
        assertEquals(0.25, s.sv2PerpMean(), 1e-15); // ‖D‖_F²/min(d−k, k') = 1/4
        Snapshot empty = new Snapshot(0, new double[] {1}, new double[0], 0, 0, 0, 0);
        assertEquals(0, empty.sv2PerpMax());
        assertEquals(0, empty.sv2PerpMean());
    }

    @Test
    void finiteness() {
        assertTrue(new Snapshot(1, new double[] {1}, new double[] {1}, 0, 1, 1, Double.NaN).isFinite(),
                "a missing validation loss is not a divergence");
        assertFalse(new Snapshot(1, new double[] {Double.NaN}, new double[] {1}, 0, 1, 1, 0).isFinite());
        assertFalse(new Snapshot(1, new double[] {1}, new double[] {Double.POSITIVE_INFINITY}, 0, 1, 1, 0).isFinite());
        assertFalse(new Snapshot(1, new double[] {1}, new double[] {1}, 0, 1, Double.NaN, 0).isFinite());
    }
}
