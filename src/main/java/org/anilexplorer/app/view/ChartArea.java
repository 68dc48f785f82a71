package org.anilexplorer.app.view;

import java.util.EnumMap;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.paint.Color;
import org.anilexplorer.app.sim.ExperimentView;
import org.anilexplorer.app.sim.MethodView;
import org.anilexplorer.app.viewmodel.ChartKind;
import org.anilexplorer.app.viewmodel.ChartsViewModel;
import org.anilexplorer.app.viewmodel.FrameStats;
import org.anilexplorer.app.viewmodel.LiveFigures;
import org.anilexplorer.figure.FigureCharts;
import org.anilexplorer.figure.FigureModel;
import org.anilexplorer.figure.Palette;

/**
 * The four live charts in a 2×2 grid, with a row of method chips above them (click a chip to hide or show that
 * method everywhere). The charts follow the newest experiment view one at a time, within a drawing budget, so a
 * fast simulation never makes the UI thread fall behind the screen.
 */
public final class ChartArea extends VBox {

    /** All four charts are rebuilt at most this often while data stream in (the status line updates every frame). */
    static final long MIN_REDRAW_NANOS = 50_000_000L;

    private final ChartsViewModel charts;
    private final Map<ChartKind, ChartTile> tiles = new EnumMap<>(ChartKind.class);
    private final Map<ChartKind, FigureModel> shownModels = new EnumMap<>(ChartKind.class);
    private final FlowPane chips = new FlowPane();
    private ExperimentView pending;
    private String chipSignature = "";

    public ChartArea(ChartsViewModel charts) {
        this.charts = charts;
        chips.getStyleClass().add("method-chips");
        chips.setHgap(6);
        chips.setVgap(4);
        chips.setId("method-chips");

        GridPane grid = new GridPane();
        grid.getStyleClass().add("chart-area");
        for (int i = 0; i < 2; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(50);
            c.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(c);
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(50);
            r.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(r);
        }
        int i = 0;
        for (ChartKind kind : ChartKind.values()) {
            ChartTile tile = new ChartTile("chart-" + kind.id(), kind.title(), kind.help());
            tile.xLogProperty().bindBidirectional(charts.logXProperty(kind));
            tile.yLogProperty().bindBidirectional(charts.logYProperty(kind));
            tile.xLogProperty().addListener((obs, old, now) -> tile.clearZoom());
            tile.yLogProperty().addListener((obs, old, now) -> tile.clearZoom());
            tile.setOnResetZoom(() -> drawnStates.remove(kind));
            tile.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
            tiles.put(kind, tile);
            grid.add(tile, i % 2, i / 2);
            i++;
        }
        VBox.setVgrow(grid, Priority.ALWAYS);
        getChildren().addAll(chips, grid);
    }

    public ChartTile tile(ChartKind kind) {
        return tiles.get(kind);
    }

    /** The model each chart shows now (what an export of the visible charts writes). */
    public Map<ChartKind, FigureModel> shownModels() {
        return Map.copyOf(shownModels);
    }

    /** Hands over the newest view; the charts catch up with it over the next frames. */
    public void offer(ExperimentView view) {
        pending = view;
    }

    /**
     * Called once per frame: redraws at most one out-of-date chart (the one stale the longest), and only when the
     * drawing budget allows: after a redraw that took c, the next waits max({@link #MIN_REDRAW_NANOS}, 3c), so
     * drawing never takes more than about a quarter of the UI thread however slow the rendering pipeline is.
     */
    public void onFrame(long now) {
        ExperimentView v = pending;
        if (v == null || now < nextRedraw) {
            return;
        }
        updateChips(v);
        long revision = charts.revisionProperty().get();
        ChartKind stalest = null;
        for (ChartKind kind : ChartKind.values()) {
            DrawnState d = drawnStates.get(kind);
            boolean stale = d == null || d.view != v || d.revision != revision || d.forced;
            if (stale && (stalest == null || age(kind) > age(stalest))) {
                stalest = kind;
            }
        }
        if (stalest == null) {
            return;
        }
        long cost = draw(stalest, v, revision);
        lastDrawn.put(stalest, now);
        nextRedraw = now + Math.max(MIN_REDRAW_NANOS / ChartKind.values().length, 3 * cost);
    }

    private long age(ChartKind kind) {
        Long t = lastDrawn.get(kind);
        return t == null ? Long.MAX_VALUE : -t;
    }

    /** Draws {@code view} in every chart at once (tests, exports). */
    public void redraw(ExperimentView view) {
        pending = view;
        updateChips(view);
        for (ChartKind kind : ChartKind.values()) {
            draw(kind, view, charts.revisionProperty().get());
        }
    }

    private long draw(ChartKind kind, ExperimentView view, long revision) {
        long start = System.nanoTime();
        FigureModel model = LiveFigures.build(kind, view, charts);
        shownModels.put(kind, model);
        tiles.get(kind).show(FigureCharts.chart(model.withTitle("").withCaption("")));
        drawnStates.put(kind, new DrawnState(view, revision, false));
        long cost = System.nanoTime() - start;
        drawCosts.frame(drawCostClock += Math.max(1, cost));
        return cost;
    }

    /** Redraw costs, for Help ▸ Performance (read as intervals: each "interval" is one chart's redraw). */
    public FrameStats drawCosts() {
        return drawCosts;
    }

    private record DrawnState(ExperimentView view, long revision, boolean forced) {
    }

    private final Map<ChartKind, DrawnState> drawnStates = new EnumMap<>(ChartKind.class);
    private final Map<ChartKind, Long> lastDrawn = new EnumMap<>(ChartKind.class);
    private final FrameStats drawCosts = new FrameStats(512);
    private long drawCostClock;
    private long nextRedraw = Long.MIN_VALUE;

    private void updateChips(ExperimentView view) {
        StringBuilder sig = new StringBuilder();
        for (MethodView m : view.methods()) {
            sig.append(m.method().colourIndex()).append(':').append(m.method().label()).append('|');
        }
        if (sig.toString().equals(chipSignature)) {
            return;
        }
        chipSignature = sig.toString();
        chips.getChildren().clear();
        if (view.methods().size() < 2) {
            chips.setPadding(Insets.EMPTY);
            return;
        }
        chips.setPadding(new Insets(6, 12, 0, 12));
        Label title = new Label("Show:");
        chips.getChildren().add(title);
        for (MethodView m : view.methods()) {
            int index = m.method().colourIndex();
            ToggleButton chip = new ToggleButton(m.method().label());
            chip.getStyleClass().add("method-chip");
            chip.setId("chip-" + index);
            chip.setGraphic(new Circle(5, Color.web(String.format("#%06X", Palette.method(index)))));
            chip.setSelected(charts.isShown(m.method()));
            chip.selectedProperty().addListener((obs, old, now) -> charts.setShown(index, now));
            chip.setTooltip(new Tooltip("Show or hide " + m.method().label() + " in every chart"));
            chip.setFocusTraversable(false);
            chips.getChildren().add(chip);
        }
        Region pad = new Region();
        chips.getChildren().add(pad);
    }
}
