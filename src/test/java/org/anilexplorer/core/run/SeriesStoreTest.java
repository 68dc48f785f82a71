package org.anilexplorer.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.anilexplorer.core.metrics.Snapshot;
import org.junit.jupiter.api.Test;

class SeriesStoreTest {

    private static Snapshot at(long t) {
        return new Snapshot(t, new double[] {t}, new double[] {0}, 0, 0, 0, Double.NaN);
    }

    @Test
    void publishedViewsNeverChange() {
        SeriesStore store = new SeriesStore(1000);
        for (int t = 0; t < 5; t++) {
            store.append(at(t));
        }
        SnapshotSeries early = store.view();
        Snapshot fourth = early.get(4);
        for (int t = 5; t < 600; t++) { // forces the backing array to grow twice
            store.append(at(t));
        }
        assertEquals(5, early.size());
        assertSame(fourth, early.get(4));
        assertEquals(600, store.view().size());
        assertThrows(IndexOutOfBoundsException.class, () -> early.get(5));
        assertThrows(UnsupportedOperationException.class, () -> early.add(at(9)));
    }

    @Test
    void boundedByThinningKeepingFirstAndNewest() {
        SeriesStore store = new SeriesStore(8);
        SnapshotSeries before = null;
        for (int t = 0; t < 100; t++) {
            store.append(at(t));
            if (t == 7) {
                before = store.view();
            }
        }
        SnapshotSeries s = store.view();
        assertTrue(s.size() <= 8);
        assertEquals(0, s.get(0).iteration());
        assertEquals(99, s.last().iteration());
        for (int i = 1; i < s.size(); i++) {
            assertTrue(s.get(i).iteration() > s.get(i - 1).iteration());
        }
        assertEquals(8, before.size());
        assertEquals(7, before.last().iteration());
    }

    @Test
    void refusesIterationsOutOfOrder() {
        SeriesStore store = new SeriesStore(8);
        store.append(at(3));
        assertThrows(IllegalArgumentException.class, () -> store.append(at(3)));
    }
}
