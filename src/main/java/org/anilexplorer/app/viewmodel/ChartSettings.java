package org.anilexplorer.app.viewmodel;

import org.anilexplorer.app.sim.ResolvedMethod;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * An immutable copy of what the charts show besides the live experiment (axis scales, hidden methods, the ghosts of
 * earlier runs kept in the run history), taken on the UI thread so that charts can be built on a rendering thread.
 *
 * @param ghosts earlier runs drawn faded behind the live ones, each labelled with its settings
 */
public record ChartSettings(Set<ChartKind> logX, Set<ChartKind> logY, Set<Integer> hidden, List<MethodView> ghosts,
                            java.util.Map<Integer, Long> forks) {

    /**
     * @param forks the iteration each branched method's runs start from (by colour slot): they are drawn from there,
     *              joining their parent's ghost
     */
    public ChartSettings {
        logX = logX.isEmpty() ? EnumSet.noneOf(ChartKind.class) : EnumSet.copyOf(logX);
        logY = logY.isEmpty() ? EnumSet.noneOf(ChartKind.class) : EnumSet.copyOf(logY);
        hidden = Set.copyOf(hidden);
        ghosts = List.copyOf(ghosts);
        forks = java.util.Map.copyOf(forks);
    }

    /** Settings without branches. */
    public ChartSettings(Set<ChartKind> logX, Set<ChartKind> logY, Set<Integer> hidden, List<MethodView> ghosts) {
        this(logX, logY, hidden, ghosts, java.util.Map.of());
    }

    /** Settings without ghosts. */
    public ChartSettings(Set<ChartKind> logX, Set<ChartKind> logY, Set<Integer> hidden) {
        this(logX, logY, hidden, List.of(), java.util.Map.of());
    }

    public boolean isShown(ResolvedMethod m) {
        return !hidden.contains(m.colourIndex());
    }
}
