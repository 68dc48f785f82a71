package org.anilexplorer.app.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What turning one request into the next does to the runs, method by method (matched by slot): a method whose
 * parameters are unchanged keeps its runs (even if its label or colour changed), a method whose parameters changed
 * has its runs replaced, a new slot starts runs, and a slot no longer listed stops them. Nothing else is touched: a
 * base edit restarts only the methods that inherit the edited key.
 *
 * @param kept     methods of the new request whose runs go on (as the new request names them)
 * @param replaced pairs of (old, new) methods whose runs are replaced
 * @param added    methods that start runs
 * @param removed  methods of the old request whose runs stop
 */
public record RequestChange(List<ResolvedMethod> kept, List<Replacement> replaced, List<ResolvedMethod> added,
                            List<ResolvedMethod> removed) {

    /** One method's runs, replaced by runs with new settings. */
    public record Replacement(ResolvedMethod before, ResolvedMethod after) {
    }

    public RequestChange {
        kept = List.copyOf(kept);
        replaced = List.copyOf(replaced);
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }

    public static RequestChange between(ExperimentRequest before, ExperimentRequest after) {
        Map<Integer, ResolvedMethod> old = new LinkedHashMap<>();
        for (ResolvedMethod m : before.methods()) {
            old.put(m.colourIndex(), m);
        }
        List<ResolvedMethod> kept = new ArrayList<>();
        List<Replacement> replaced = new ArrayList<>();
        List<ResolvedMethod> added = new ArrayList<>();
        for (ResolvedMethod m : after.methods()) {
            ResolvedMethod was = old.remove(m.colourIndex());
            if (was == null) {
                added.add(m);
            } else if (was.runsLike(m)) {
                kept.add(m);
            } else {
                replaced.add(new Replacement(was, m));
            }
        }
        return new RequestChange(kept, replaced, added, List.copyOf(old.values()));
    }

    /** Whether no run starts or stops (at most labels or colours change). */
    public boolean keepsEveryRun() {
        return replaced.isEmpty() && added.isEmpty() && removed.isEmpty();
    }
}
