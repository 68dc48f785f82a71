package org.anilexplorer.app.view;

import java.util.EnumMap;
import java.util.List;
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
import javafx.stage.Screen;
import org.anilexplorer.app.viewmodel.LiveView;
import org.anilexplorer.app.viewmodel.MethodView;
import org.anilexplorer.app.viewmodel.ExperimentState;
import org.anilexplorer.app.viewmodel.ChartKind;
import org.anilexplorer.app.viewmodel.ChartSettings;
import org.anilexplorer.app.viewmodel.ChartsViewModel;
import org.anilexplorer.app.viewmodel.FrameStats;
import org.anilexplorer.app.viewmodel.LiveFigures;
import org.jfree.data.Range;

/**
 * The four live charts in a 2×2 grid (learning, unlearning, risk and the story chart of
 * {@link ChartsViewModel#storyChartProperty()}), with a row of method chips above them (click a chip to hide or show that
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
    /** The chart shown alone, or null for the grid of four. */
    private ChartKind maximised;
    private long nextRedraw = Long.MIN_VALUE;
    private long lastRenderStart = Long.MIN_VALUE / 2;
    private long drawClock;
    private long renderClock;

    /** A chart as rendered for one view and one settings revision. */
    private record Drawn(LiveView view, long revision, ChartRenderer.Rendered chart, boolean image,
                         ChartRenderer.Target target) {
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
            grid.getChildren().add(tile);
        }
        charts.storyChartProperty().addListener((obs, old, now) -> maximise(maximised));
        maximise(null);
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

    /**
     * Keeps the grid at least as tall as its tiles need (two rows of the tallest tile's minimum): their headers and
     * keys grow with the presenter scale, and a row smaller than its tile would let the tile below cover its legend.
     */
    @Override
    protected void layoutChildren() {
        double tallest = ChartTile.MIN_HEIGHT;
        for (ChartKind kind : shown()) {
            tallest = Math.max(tallest, tiles.get(kind).minHeight(-1));
        }
        double min = maximised != null ? tallest : 2 * tallest + 3 * 8;
        if (Math.abs(grid.getMinHeight() - min) > 0.5) {
            grid.setMinHeight(min);
        }
        super.layoutChildren();
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
                        e.getValue().image() != null, result.job().targets().get(e.getKey())));
            }
        }

        // tiles showing pictures take the newest picture at once: a pixel copy each
        for (ChartKind kind : shown()) {
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
            for (ChartKind kind : shown()) {
                Drawn r = rendered.get(kind);
                ChartTile tile = tiles.get(kind);
                boolean live = pictures && (presentationScale != 1 || !tile.pointerOverProperty().get());
                int width = live ? (int) (tile.plotWidth() / magnification(tile)) : 0;
                int height = live ? (int) (tile.plotHeight() / magnification(tile)) : 0;
                // a picture drawn for another tile size (fonts grew, the window changed) is out of date too
                boolean sized = !live || (r != null && r.target() != null && r.target().width() == width
                        && r.target().height() == height);
                if (r != null && r.view() == v && r.revision() == revision && sized) {
                    continue;
                }
                Range[] zoom = tile.zoom();
                targets.put(kind, new ChartRenderer.Target(width, height, outputScale() * magnification(tile),
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
        for (ChartKind kind : shown()) {
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

    /**
     * Shows one chart alone over the whole chart area, or the four of {@link ChartsViewModel#shownCharts()} again
     * ({@code null}). A chart that is not among the four is shown alone too (e.g. an opened figure's).
     */
    public void maximise(ChartKind only) {
        maximised = only;
        List<ChartKind> four = charts.shownCharts();
        for (ChartKind kind : ChartKind.values()) {
            ChartTile tile = tiles.get(kind);
            boolean shown = only == null ? four.contains(kind) : only == kind;
            tile.setVisible(shown);
            tile.setManaged(shown);
            int i = four.indexOf(kind);
            if (only == kind) {
                GridPane.setConstraints(tile, 0, 0, 2, 2);
            } else if (i >= 0) {
                GridPane.setConstraints(tile, i % 2, i / 2, 1, 1);
            }
        }
        rendered.clear();
        onScreen.clear();
    }

    /** The charts on screen now: the maximised one, or the four. */
    private List<ChartKind> shown() {
        return maximised != null ? List.of(maximised) : charts.shownCharts();
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
            sig.append(m.colourIndex()).append(':').append(m.rgb()).append(':').append(m.label()).append('|');
        }
        if (sig.toString().equals(chipSignature)) {
            // the same methods: keep the chips (and their focus and hover), follow a tick set elsewhere
            for (javafx.scene.Node n : chips.getChildren()) {
                if (n instanceof ToggleButton chip && chip.getUserData() instanceof MethodView m) {
                    chip.setSelected(charts.isShown(m));
                }
            }
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
            chip.setUserData(m);
            chip.setSelected(charts.isShown(m));
            styleChip(chip, m.rgb(), m.label());
            chip.selectedProperty().addListener((obs, old, now) -> {
                charts.setShown(index, now);
                styleChip(chip, m.rgb(), m.label());
            });
            chip.setFocusTraversable(false);
            chips.getChildren().add(chip);
        }
    }

    /**
     * A shown method's chip is filled with its colour and ticked; a hidden one is only outlined in it, with a cross
     * and its name struck through and greyed, so the two differ from the back of a room and without colour vision.
     */
    static void styleChip(ToggleButton chip, int rgb, String label) {
        boolean shown = chip.isSelected();
        String colour = String.format("#%06X", rgb);
        Label mark = new Label(shown ? "✓" : "✕");
        mark.getStyleClass().add("chip-mark");
        chip.setGraphic(mark);
        chip.getStyleClass().removeAll("chip-shown", "chip-hidden");
        chip.getStyleClass().add(shown ? "chip-shown" : "chip-hidden");
        String text = shown ? textOn(rgb) : "-anil-fg-muted";
        chip.setStyle(shown
                ? "-fx-background-color: " + colour + "; -fx-border-color: " + colour + "; -fx-text-fill: " + text + ";"
                : "-fx-background-color: -anil-bg; -fx-border-color: " + colour + "; -fx-text-fill: " + text + ";");
        mark.setStyle("-fx-text-fill: " + (shown ? text : colour) + ";");
        chip.setAccessibleText(label + (shown ? ", shown" : ", hidden"));
        Tooltip tip = new Tooltip(shown ? label + " is shown in every chart: click to hide it"
                : label + " is hidden: click to show it in every chart");
        chip.setTooltip(tip);
    }

    /** Black or white, whichever contrasts more with the colour (WCAG relative luminance). */
    static String textOn(int rgb) {
        double l = 0.2126 * linear((rgb >> 16) & 0xff) + 0.7152 * linear((rgb >> 8) & 0xff) + 0.0722 * linear(rgb & 0xff);
        return (l + 0.05) / 0.05 > 1.05 / (l + 0.05) ? "#000000" : "#ffffff";
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
