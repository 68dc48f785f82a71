package org.anilexplorer.core.run;

import org.anilexplorer.core.metrics.Snapshot;

/**
 * The recorded snapshots of one run: written by the run's thread only, read by anyone through {@link #view()}.
 *
 * <p>Bounded: when {@code capacity} snapshots are held, every second one is dropped (the first and the newest are
 * kept), so memory stays bounded even with a dense recording schedule. With the default log-spaced schedule
 * (about 410 records for 10⁹ iterations) the bound is never reached.
 */
final class SeriesStore {

    private final int capacity;
    private Snapshot[] items;
    private int size;
    private volatile SnapshotSeries view = SnapshotSeries.EMPTY;

    SeriesStore(int capacity) {
        if (capacity < 4) {
            throw new IllegalArgumentException("capacity must be ≥ 4");
        }
        this.capacity = capacity;
        this.items = new Snapshot[Math.min(capacity, 256)];
    }

    /** Appends a snapshot (iterations must increase) and publishes the new view. */
    void append(Snapshot s) {
        if (size > 0 && s.iteration() <= items[size - 1].iteration()) {
            throw new IllegalArgumentException("iteration " + s.iteration() + " recorded after " + items[size - 1].iteration());
        }
        if (size == capacity) {
            thin();
        } else if (size == items.length) {
            Snapshot[] grown = new Snapshot[Math.min(capacity, items.length * 2)];
            System.arraycopy(items, 0, grown, 0, size);
            items = grown;
        }
        items[size++] = s;
        view = new SnapshotSeries(items, size);
    }

    /** Keeps entries 0, 2, 4, … in a fresh array (published views keep the old one untouched). */
    private void thin() {
        Snapshot[] kept = new Snapshot[capacity];
        int n = 0;
        for (int i = 0; i < size; i += 2) {
            kept[n++] = items[i];
        }
        if ((size - 1) % 2 != 0) {
            kept[n++] = items[size - 1];
        }
        items = kept;
        size = n;
    }

    SnapshotSeries view() {
        return view;
    }
}
