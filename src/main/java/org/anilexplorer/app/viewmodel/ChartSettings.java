package org.anilexplorer.app.viewmodel;

import org.anilexplorer.app.sim.ResolvedMethod;
import java.util.EnumSet;
import java.util.Set;

/**
 * An immutable copy of what the charts show besides the data (axis scales, hidden methods), taken on the UI thread
 * so that charts can be built on a rendering thread.
 */
public record ChartSettings(Set<ChartKind> logX, Set<ChartKind> logY, Set<Integer> hidden) {

    public ChartSettings {
        logX = logX.isEmpty() ? EnumSet.noneOf(ChartKind.class) : EnumSet.copyOf(logX);
        logY = logY.isEmpty() ? EnumSet.noneOf(ChartKind.class) : EnumSet.copyOf(logY);
        hidden = Set.copyOf(hidden);
    }

    public boolean isShown(ResolvedMethod m) {
        return !hidden.contains(m.colourIndex());
    }
}
