package org.anilexplorer.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FrameStatsTest {

    @Test
    void medianOfIntervals() {
        FrameStats s = new FrameStats(16);
        long t = 0;
        long[] gapsMs = {10, 30, 20, 20, 50};
        s.frame(t);
        for (long g : gapsMs) {
            t += g * 1_000_000;
            s.frame(t);
        }
        assertEquals(5, s.count());
        assertEquals(20.0, s.medianMillis(), 1e-9);
        assertEquals(50.0, s.maxMillis(), 1e-9);
    }

    @Test
    void keepsOnlyTheNewestIntervals() {
        FrameStats s = new FrameStats(4);
        long t = 0;
        s.frame(t);
        for (int i = 0; i < 10; i++) {
            t += 100_000_000;
            s.frame(t);
        }
        for (int i = 0; i < 4; i++) {
            t += 10_000_000;
            s.frame(t);
        }
        assertEquals(4, s.count());
        assertEquals(10.0, s.maxMillis(), 1e-9);
    }

    @Test
    void emptyHasNoMedian() {
        assertTrue(Double.isNaN(new FrameStats(4).medianMillis()));
    }
}
