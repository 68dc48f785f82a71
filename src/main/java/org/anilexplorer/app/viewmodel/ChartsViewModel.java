package org.anilexplorer.app.viewmodel;

import org.anilexplorer.app.sim.ResolvedMethod;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.figure.FigureRecipes;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;

/**
 * What the charts show besides the data: which chart fills the fourth place, each chart's axis scales and which
 * methods are hidden. Every change bumps
 * {@link #revisionProperty()}, so the chart area knows it must redraw even when no new data arrived.
 */
public final class ChartsViewModel {

    private final Map<ChartKind, BooleanProperty> logX = new EnumMap<>(ChartKind.class);
    private final Map<ChartKind, BooleanProperty> logY = new EnumMap<>(ChartKind.class);
    private final ObservableSet<Integer> hidden = FXCollections.observableSet();
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
    private final ObjectProperty<ChartKind> story = new SimpleObjectProperty<>(this, "story", ChartKind.SPECTRUM);
    /** The story chart {@link #follow} last chose, so a user's own choice stays until the methods call for another. */
    private ChartKind suggested = ChartKind.SPECTRUM;

    public ChartsViewModel() {
        for (ChartKind kind : ChartKind.values()) {
            BooleanProperty x = new SimpleBooleanProperty(this, kind.id() + "LogX", kind.defaultLogX());
            BooleanProperty y = new SimpleBooleanProperty(this, kind.id() + "LogY", kind.defaultLogY());
            x.addListener((obs, old, now) -> bump());
            y.addListener((obs, old, now) -> bump());
            logX.put(kind, x);
            logY.put(kind, y);
        }
        hidden.addListener((SetChangeListener<Integer>) c -> bump());
        story.addListener((obs, old, now) -> {
            if (now == null || !ChartKind.STORY.contains(now)) {
                story.set(old);
            }
        });
    }

    /**
     * The chart in the grid's fourth place, one of {@link ChartKind#STORY}: the one the methods' story needs
     * ({@link #follow}), or the user's choice.
     */
    public ObjectProperty<ChartKind> storyChartProperty() {
        return story;
    }

    /** The charts the window shows, in grid order: learning, unlearning, risk and the story chart. */
    public List<ChartKind> shownCharts() {
        return List.of(ChartKind.LEARNING, ChartKind.UNLEARNING, ChartKind.RISK, story.get());
    }

    /** Shows the next of {@link ChartKind#STORY} in the fourth place. */
    public void nextStoryChart() {
        int i = ChartKind.STORY.indexOf(story.get());
        story.set(ChartKind.STORY.get((i + 1) % ChartKind.STORY.size()));
    }

    /**
     * Shows the story chart of these methods ({@link FigureRecipes#storyChart}: the mean error for a non-zero task
     * mean, the distance when k′ = k, else the spectrum), the same rule the command line's figures follow. Called
     * whenever the methods change; a chart the user picked stays until the rule's answer changes.
     */
    public void follow(List<Params> methods) {
        ChartKind now = ChartKind.byId(FigureRecipes.storyChart(methods));
        if (now != null && now != suggested) {
            suggested = now;
            story.set(now);
        }
    }

    public BooleanProperty logXProperty(ChartKind kind) {
        return logX.get(kind);
    }

    public BooleanProperty logYProperty(ChartKind kind) {
        return logY.get(kind);
    }

    /** Colour slots ({@link ResolvedMethod#colourIndex()}) of the methods the user switched off in the charts. */
    public ObservableSet<Integer> hiddenMethods() {
        return hidden;
    }

    public boolean isShown(ResolvedMethod m) {
        return !hidden.contains(m.colourIndex());
    }

    public boolean isShown(MethodView m) {
        return isShown(m.method());
    }

    public void setShown(int colourIndex, boolean shown) {
        if (shown) {
            hidden.remove(colourIndex);
        } else {
            hidden.add(colourIndex);
        }
    }

    /** The current settings as an immutable value (for building charts off the UI thread). */
    public ChartSettings settings() {
        java.util.Set<ChartKind> x = java.util.EnumSet.noneOf(ChartKind.class);
        java.util.Set<ChartKind> y = java.util.EnumSet.noneOf(ChartKind.class);
        for (ChartKind k : ChartKind.values()) {
            if (logX.get(k).get()) {
                x.add(k);
            }
            if (logY.get(k).get()) {
                y.add(k);
            }
        }
        return new ChartSettings(x, y, hidden);
    }

    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    private void bump() {
        revision.set(revision.get() + 1);
    }
}
