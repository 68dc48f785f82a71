package org.anilexplorer.core.lesson;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.anilexplorer.core.metrics.Snapshot;
import org.anilexplorer.core.params.Params;

/**
 * Watches the runs of a lesson and says when its pause points are reached. Feed it each method's recorded series as
 * it grows (the same list, longer each time, or a fresh copy); every new record is checked once, in order, so an
 * event carries the first recorded iteration at which its condition held, however rarely the caller looks. Each
 * pause point fires at most once. Not thread-safe: call it from one thread.
 */
public final class LessonTracker {

    private final List<PausePoint> pauses;
    private final Map<String, Params> paramsByMethod;
    private final Map<String, Integer> checkedRecords = new HashMap<>();
    private final List<PauseEvent> fired = new ArrayList<>();
    private final boolean[] done;

    /**
     * @param paramsByMethod the parameters of each method label (for Λ⋆); every pause point's method must be here
     */
    public LessonTracker(List<PausePoint> pauses, Map<String, Params> paramsByMethod) {
        this.pauses = List.copyOf(pauses);
        this.paramsByMethod = Map.copyOf(paramsByMethod);
        for (PausePoint p : this.pauses) {
            if (!this.paramsByMethod.containsKey(p.method())) {
                throw new IllegalArgumentException("pause point for an unknown method '" + p.method()
                        + "'; the methods are " + this.paramsByMethod.keySet());
            }
        }
        done = new boolean[this.pauses.size()];
    }

    /** Checks the records of {@code method} not seen yet; returns the pause points that fired, by iteration. */
    public List<PauseEvent> update(String method, List<Snapshot> series) {
        Params params = paramsByMethod.get(method);
        if (params == null) {
            return List.of();
        }
        int from = checkedRecords.getOrDefault(method, 0);
        if (series.size() < from) {
            from = 0; // a new run of the same method: start over
        }
        List<PauseEvent> now = new ArrayList<>();
        for (int index = from; index < series.size(); index++) {
            for (int p = 0; p < pauses.size(); p++) {
                PausePoint pause = pauses.get(p);
                if (!done[p] && pause.method().equals(method) && pause.condition().holds(series, index, params)) {
                    done[p] = true;
                    now.add(new PauseEvent(p, pause, series.get(index).iteration()));
                }
            }
        }
        checkedRecords.put(method, series.size());
        now.sort(Comparator.comparingLong(PauseEvent::iteration).thenComparingInt(PauseEvent::index));
        fired.addAll(now);
        return now;
    }

    /** Every event so far, in the order they fired (to mark them on the time axis). */
    public List<PauseEvent> events() {
        return List.copyOf(fired);
    }

    /** Whether every pause point has fired. */
    public boolean finished() {
        return fired.size() == pauses.size();
    }

    /** Forgets all events and checked records (the lesson's runs were reset). */
    public void reset() {
        checkedRecords.clear();
        fired.clear();
        java.util.Arrays.fill(done, false);
    }
}
