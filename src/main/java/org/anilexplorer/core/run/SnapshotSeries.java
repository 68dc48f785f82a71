package org.anilexplorer.core.run;

import java.util.AbstractList;
import java.util.RandomAccess;
import org.anilexplorer.core.metrics.Snapshot;

/**
 * An immutable, published view of the snapshots a run has recorded so far, in increasing iteration order.
 *
 * <p>It shares its backing array with the {@link SeriesStore} that made it: the store only ever writes slots at or
 * beyond this view's size, and builds a fresh array when it must reorganise, so the slots this view can see never
 * change. Publishing a new view therefore costs one small object, however long the series.
 */
public final class SnapshotSeries extends AbstractList<Snapshot> implements RandomAccess {

    public static final SnapshotSeries EMPTY = new SnapshotSeries(new Snapshot[0], 0);

    private final Snapshot[] items;
    private final int size;

    SnapshotSeries(Snapshot[] items, int size) {
        this.items = items;
        this.size = size;
    }

    @Override
    public Snapshot get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " of " + size);
        }
        return items[index];
    }

    @Override
    public int size() {
        return size;
    }

    /** The newest snapshot, or null when nothing is recorded yet. */
    public Snapshot last() {
        return size == 0 ? null : items[size - 1];
    }

    /** The recorded iterations, in order. */
    public long[] iterations() {
        long[] t = new long[size];
        for (int i = 0; i < size; i++) {
            t[i] = items[i].iteration();
        }
        return t;
    }
}
