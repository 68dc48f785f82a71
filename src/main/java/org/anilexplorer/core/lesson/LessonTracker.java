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
 * it grows (the same list, longer each time, or a fresh copy, possibly recorded at other iterations); every record
 * later than those already checked is checked once, in order, so an event carries the first recorded iteration at
 * which its condition held, however rarely the caller looks. Each
 * pause point fires at most once. Not thread-safe: call it from one thread.
 */
public final class LessonTracker {

    private final List<PausePoint> pauses;
    private final Map<String, Params> paramsByMethod;
    /** Per method, the last recorded iteration already checked. */
    private final Map<String, Long> checkedUpTo = new HashMap<>();
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
        long checked = checkedUpTo.getOrDefault(method, -1L);
        if (!series.isEmpty() && series.get(series.size() - 1).iteration() < checked) {
            checked = -1; // a new run of the same method: start over
        }
        int from = series.size();
        while (from > 0 && series.get(from - 1).iteration() > checked) {
            from--;
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
        if (!series.isEmpty()) {
            checkedUpTo.put(method, series.get(series.size() - 1).iteration());
        }
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
        checkedUpTo.clear();
        fired.clear();
        java.util.Arrays.fill(done, false);
    }
}
