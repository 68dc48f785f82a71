package org.anilexplorer.app.viewmodel;

import java.util.Arrays;
import java.util.TreeSet;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.anilexplorer.core.run.RunView;

/**
 * The timeline: a position over the iterations the live experiment recorded (every snapshot iteration of every run,
 * so early iterations, recorded densely, get as much of the slider as late ones), and the cursor it puts on every
 * chart. While the cursor is on, it stays at its iteration as new data arrive.
 */
public final class TimelineViewModel {

    private long[] iterations = new long[0];
    private final ReadOnlyIntegerWrapper last = new ReadOnlyIntegerWrapper(this, "last", 0);
    private final IntegerProperty position = new SimpleIntegerProperty(this, "position", 0);
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", false);
    private final ReadOnlyDoubleWrapper cursor = new ReadOnlyDoubleWrapper(this, "cursor", Double.NaN);
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "t = –");
    private long sizeSeen = -1;

    public TimelineViewModel(javafx.beans.value.ObservableValue<LiveView> view) {
        position.addListener((obs, old, now) -> {
            active.set(true);
            update();
        });
        active.addListener((obs, old, now) -> update());
        view.addListener((obs, old, now) -> take(now));
        take(view.getValue());
    }

    /** The slider's position: an index into the recorded iterations. */
    public IntegerProperty positionProperty() {
        return position;
    }

    /** The largest position (the number of recorded iterations − 1). */
    public ReadOnlyIntegerProperty lastProperty() {
        return last.getReadOnlyProperty();
    }

    /** Whether the cursor is on the charts (moving the slider turns it on). */
    public BooleanProperty activeProperty() {
        return active;
    }

    /** The cursor's iteration, NaN while it is off. */
    public ReadOnlyDoubleProperty cursorProperty() {
        return cursor.getReadOnlyProperty();
    }

    /** "t = 1,200". */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** The iteration at the slider's position (0 before anything was recorded). */
    public long iteration() {
        int i = position.get();
        return iterations.length == 0 ? 0 : iterations[Math.max(0, Math.min(i, iterations.length - 1))];
    }

    /** Puts the cursor on the recorded iteration nearest at or before {@code t}. */
    public void moveTo(long t) {
        int i = Arrays.binarySearch(iterations, t);
        position.set(Math.max(0, i >= 0 ? i : -i - 2));
        active.set(true);
    }

    private void take(LiveView v) {
        if (v == null) {
            return;
        }
        long size = 0;
        for (MethodView m : v.methods()) {
            for (RunView r : m.seeds()) {
                size = size * 31 + r.series().size();
            }
        }
        if (size == sizeSeen) {
            return;
        }
        sizeSeen = size;
        long keep = iteration();
        TreeSet<Long> all = new TreeSet<>();
        for (MethodView m : v.methods()) {
            for (RunView r : m.seeds()) {
                for (long t : r.series().iterations()) {
                    all.add(t);
                }
            }
        }
        iterations = all.stream().mapToLong(Long::longValue).toArray();
        last.set(Math.max(0, iterations.length - 1));
        boolean wasActive = active.get();
        int at = Arrays.binarySearch(iterations, keep);
        int index = wasActive ? Math.max(0, at >= 0 ? at : -at - 2) : iterations.length - 1;
        position.set(Math.max(0, index));
        active.set(wasActive);
        update();
    }

    private void update() {
        long t = iteration();
        text.set(String.format(java.util.Locale.ROOT, "t = %,d", t));
        cursor.set(active.get() && iterations.length > 0 ? t : Double.NaN);
    }
}
