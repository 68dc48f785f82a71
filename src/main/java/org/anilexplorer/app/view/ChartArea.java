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
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.stage.Screen;
import org.anilexplorer.app.viewmodel.LiveView;
import org.anilexplorer.app.viewmodel.MethodView;
import org.anilexplorer.app.viewmodel.ExperimentState;
import org.anilexplorer.app.viewmodel.ChartKind;
import org.anilexplorer.app.viewmodel.ChartSettings;
import org.anilexplorer.app.viewmodel.ChartsViewModel;
import org.anilexplorer.app.viewmodel.FrameStats;
import org.anilexplorer.app.viewmodel.LiveFigures;
import org.anilexplorer.figure.Palette;
import org.jfree.data.Range;

/**
 * The four live charts in a 2×2 grid, with a row of method chips above them (click a chip to hide or show that
 * method everywhere).
 *
 * <p>Charts are built and drawn by a {@link ChartRenderer} on its own thread. While a run streams data, each tile
 * shows the newest rendered image, which costs the UI thread one pixel copy. A tile the pointer is over, and every
 * tile once the run pauses or ends, shows the rendered chart in its interactive viewer (crosshair, zoom, pan); those
 * hand-overs are spread over frames within a drawing budget.
 */
public final class ChartArea extends VBox implements AutoCloseable {

    /** Interactive redraws wait at least this long after each other, and 3× their own cost. */
    static final long MIN_REDRAW_NANOS = 12_000_000L;
    /** While data stream in, background renders start at most this often (about five chart updates a second). */
    static final long MIN_RENDER_GAP_NANOS = 200_000_000L;

    private final ChartsViewModel charts;
    private final ChartRenderer renderer = new ChartRenderer();
    private final Map<ChartKind, ChartTile> tiles = new EnumMap<>(ChartKind.class);
    /** The newest rendered state of each chart, and what each tile shows. */
    private final Map<ChartKind, Drawn> rendered = new EnumMap<>(ChartKind.class);
    private final Map<ChartKind, Drawn> onScreen = new EnumMap<>(ChartKind.class);
    private final FlowPane chips = new FlowPane();
    private final FrameStats drawCosts = new FrameStats(512);
    private final FrameStats renderCosts = new FrameStats(512);
    private LiveView pending;
    /** Presenter scale of text and lines in the charts (1 = normal); above 1 the charts are shown as pictures. */
    private double presentationScale = 1;
    private final GridPane grid = new GridPane();
    private String chipSignature = "";
    private long nextRedraw = Long.MIN_VALUE;
    private long lastRenderStart = Long.MIN_VALUE / 2;
    private long drawClock;
    private long renderClock;

    /** A chart as rendered for one view and one settings revision. */
    private record Drawn(LiveView view, long revision, ChartRenderer.Rendered chart, boolean image) {
    }

    public ChartArea(ChartsViewModel charts) {
        this.charts = charts;
        chips.getStyleClass().add("method-chips");
        chips.setHgap(6);
        chips.setVgap(4);
        chips.setId("method-chips");

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
            ChartTile tile = new ChartTile("chart-" + kind.id(), kind.title(), kind.key(), kind.help());
            tile.xLogProperty().bindBidirectional(charts.logXProperty(kind));
            tile.yLogProperty().bindBidirectional(charts.logYProperty(kind));
            tile.xLogProperty().addListener((obs, old, now) -> tile.clearZoom());
            tile.yLogProperty().addListener((obs, old, now) -> tile.clearZoom());
            tile.setOnResetZoom(() -> {
                rendered.remove(kind);
                onScreen.remove(kind);
            });
            tile.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
            tiles.put(kind, tile);
            grid.add(tile, i % 2, i / 2);
            i++;
        }
        // every plot keeps a readable height: on a short window the grid scrolls instead of squeezing the charts
        grid.setMinHeight(2 * ChartTile.MIN_HEIGHT + 3 * 8);
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(grid);
        scroll.setId("chart-scroll");
        scroll.getStyleClass().add("chart-scroll");
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setVbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.AS_NEEDED);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(chips, scroll);
    }

    public ChartTile tile(ChartKind kind) {
        return tiles.get(kind);
    }

    /** Hands over the newest view; the charts catch up with it over the next frames. */
    public void offer(LiveView view) {
        pending = view;
    }

    /** Called once per frame: takes finished renders, starts the next one, and updates at most one viewer. */
    public void onFrame(long now) {
        LiveView v = pending;
        if (v == null) {
            return;
        }
        updateChips(v);
        // settings and slow references (baselines arriving) both make drawn charts out of date
        long revision = revision();
        boolean streaming = v.state() == ExperimentState.RUNNING;
        // enlarged charts are drawn as pictures at a smaller size and shown magnified, text and lines with them
        boolean pictures = streaming || presentationScale != 1;

        ChartRenderer.Result result = renderer.poll();
        if (result != null) {
            renderCosts.frame(renderClock += Math.max(1, result.nanos()));
            for (Map.Entry<ChartKind, ChartRenderer.Rendered> e : result.charts().entrySet()) {
                rendered.put(e.getKey(), new Drawn(result.job().view(), result.job().revision(), e.getValue(),
                        e.getValue().image() != null));
            }
        }

        // tiles showing pictures take the newest picture at once: a pixel copy each
        for (ChartKind kind : ChartKind.values()) {
            ChartTile tile = tiles.get(kind);
            Drawn r = rendered.get(kind);
            boolean live = pictures && (presentationScale != 1 || !tile.pointerOverProperty().get());
            if (live && r != null && r.image() && onScreen.get(kind) != r) {
                tile.showImage(r.chart().image(), outputScale());
                onScreen.put(kind, r);
            }
        }

        // start the next render when anything is out of date (while streaming, at a pace that leaves the machine
        // to the simulation and the UI; a paused or finished view is rendered at once)
        if (!renderer.isBusy() && (!streaming || now - lastRenderStart >= MIN_RENDER_GAP_NANOS)) {
            Map<ChartKind, ChartRenderer.Target> targets = new EnumMap<>(ChartKind.class);
            ChartSettings settings = null;
            for (ChartKind kind : ChartKind.values()) {
                Drawn r = rendered.get(kind);
                if (r != null && r.view() == v && r.revision() == revision) {
                    continue;
                }
                ChartTile tile = tiles.get(kind);
                boolean live = pictures && (presentationScale != 1 || !tile.pointerOverProperty().get());
                Range[] zoom = tile.zoom();
                double magnify = magnification(tile);
                targets.put(kind, new ChartRenderer.Target(live ? (int) (tile.plotWidth() / magnify) : 0,
                        live ? (int) (tile.plotHeight() / magnify) : 0, outputScale() * magnify,
                        zoom == null ? null : zoom[0],
                        zoom == null ? null : zoom[1]));
                if (settings == null) {
                    settings = charts.settings();
                }
            }
            if (!targets.isEmpty() && renderer.submit(new ChartRenderer.Job(v, settings, revision, targets))) {
                lastRenderStart = now;
            }
        }

        // interactive tiles get the newest rendered chart, one per frame, within the budget
        if (now < nextRedraw) {
            return;
        }
        for (ChartKind kind : ChartKind.values()) {
            ChartTile tile = tiles.get(kind);
            Drawn r = rendered.get(kind);
            // enlarged charts stay pictures under the pointer too (Ctrl+0 brings zoom and crosshair back)
            boolean interactive = !pictures || (presentationScale == 1 && tile.pointerOverProperty().get());
            if (interactive && r != null && (onScreen.get(kind) == null || onScreen.get(kind).chart() != r.chart()
                    || !tile.isInteractive())) {
                long start = System.nanoTime();
                tile.show(r.chart().chart(), r.chart().model());
                onScreen.put(kind, r);
                long cost = System.nanoTime() - start;
                drawCosts.frame(drawClock += Math.max(1, cost));
                nextRedraw = now + Math.max(MIN_REDRAW_NANOS, 3 * cost);
                return;
            }
        }
    }

    /** Puts the timeline's cursor on every chart at iteration {@code t} (NaN: takes it away). */
    public void showCursor(double t) {
        for (ChartTile tile : tiles.values()) {
            tile.showCursor(t);
        }
    }

    /** Magnified charts keep at least this much drawing (points): below it, titles and legends crowd out the plot. */
    static final double MIN_CHART_WIDTH = 420;
    static final double MIN_CHART_HEIGHT = 300;

    /** The presenter scale for this tile, reduced where the tile is too small to show a chart that large. */
    private double magnification(ChartTile tile) {
        double room = Math.min(tile.plotWidth() / MIN_CHART_WIDTH, tile.plotHeight() / MIN_CHART_HEIGHT);
        return Math.max(1, Math.min(presentationScale, room));
    }

    /** Draws text and lines {@code scale} times larger (presenter mode); the charts are redrawn. */
    public void setPresentationScale(double scale) {
        if (scale != presentationScale) {
            presentationScale = scale;
            rendered.clear();
            onScreen.clear();
        }
    }

    /** Shows one chart alone over the whole chart area, or all four again ({@code null}). */
    public void maximise(ChartKind only) {
        int i = 0;
        for (ChartKind kind : ChartKind.values()) {
            ChartTile tile = tiles.get(kind);
            boolean shown = only == null || only == kind;
            tile.setVisible(shown);
            tile.setManaged(shown);
            if (only == kind) {
                GridPane.setConstraints(tile, 0, 0, 2, 2);
            } else {
                GridPane.setConstraints(tile, i % 2, i / 2, 1, 1);
            }
            i++;
        }
        rendered.clear();
        onScreen.clear();
    }

    /** What, besides the data, a drawn chart depends on: the settings and the slow references (baselines). */
    private long revision() {
        return charts.revisionProperty().get() * 1_000_003L + LiveFigures.referencesVersion();
    }

    /** Costs of handing a chart to an interactive viewer (each "interval" is one redraw), for Help ▸ Performance. */
    public FrameStats drawCosts() {
        return drawCosts;
    }

    /** Costs of background render jobs (all out-of-date charts of one view). */
    public FrameStats renderCosts() {
        return renderCosts;
    }

    @Override
    public void close() {
        renderer.close();
    }

    private double outputScale() {
        return getScene() != null && getScene().getWindow() != null ? getScene().getWindow().getOutputScaleX()
                : Screen.getPrimary().getOutputScaleX();
    }

    private void updateChips(LiveView view) {
        StringBuilder sig = new StringBuilder();
        for (MethodView m : view.methods()) {
            sig.append(m.colourIndex()).append(':').append(m.label()).append('|');
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
        chips.getChildren().add(new Label("Show:"));
        for (MethodView m : view.methods()) {
            int index = m.colourIndex();
            ToggleButton chip = new ToggleButton(m.label());
            chip.getStyleClass().add("method-chip");
            chip.setId("chip-" + index);
            chip.setGraphic(new Circle(5, Color.web(String.format("#%06X", Palette.method(index)))));
            chip.setSelected(charts.isShown(m));
            chip.selectedProperty().addListener((obs, old, now) -> charts.setShown(index, now));
            chip.setTooltip(new Tooltip("Show or hide " + m.label() + " in every chart"));
            chip.setFocusTraversable(false);
            chips.getChildren().add(chip);
        }
    }
}
