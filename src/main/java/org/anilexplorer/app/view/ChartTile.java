package org.anilexplorer.app.view;

import java.awt.geom.Rectangle2D;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.Range;

/**
 * One chart card: a title, log/linear toggles for both axes, a reset-zoom button, the JFreeChart-FX viewer (drag to
 * zoom, wheel to zoom, Ctrl-drag to pan) and a crosshair read-out. The chart is replaced whenever new data arrive;
 * a zoom or pan the user made is carried over to the new chart until they reset it.
 */
public final class ChartTile extends VBox {

    /**
     * The smallest height of the chart itself (below the tile's header): with its axis labels and a legend of up to
     * three rows, this leaves a plot area of about 200 px.
     */
    static final double MIN_CHART_HEIGHT = 330;
    /** The smallest height of a whole tile (header, key line and chart). */
    static final double MIN_HEIGHT = MIN_CHART_HEIGHT + 52;

    private final ChartViewer viewer = new ChartViewer(null, false);
    private final ImageView image = new ImageView();
    private final Pane imageLayer = new Pane(image);
    /** The crosshair's read-out, over the top left of the plot: the snapped iteration and each curve's value. */
    private final javafx.scene.text.TextFlow readoutBox = new javafx.scene.text.TextFlow();
    private final StackPane stack = new StackPane(viewer, imageLayer, readoutBox);
    private org.anilexplorer.figure.FigureModel model;
    private WritableImage pixels;
    private final ToggleButton xLog = new ToggleButton("log t");
    private final ToggleButton yLog = new ToggleButton("log y");
    private boolean userZoomed;
    private double crossX = Double.NaN;
    private double crossY = Double.NaN;
    /** The timeline's cursor (NaN: none): where the crosshair rests while the pointer is elsewhere. */
    private double cursorX = Double.NaN;

    public ChartTile(String id, String title, String key, String help) {
        getStyleClass().add("chart-card");
        setId(id);
        Label heading = new Label(title);
        heading.getStyleClass().add("chart-title");
        heading.setTooltip(tip(help));
        WrappingLabel keyLabel = new WrappingLabel(); // wraps on a narrow tile rather than cutting the key off
        keyLabel.setFullText(key);
        keyLabel.getStyleClass().add("chart-key");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        xLog.getStyleClass().add("axis-toggle");
        yLog.getStyleClass().add("axis-toggle");
        xLog.setId(id + "-xlog");
        yLog.setId(id + "-ylog");
        xLog.setTooltip(tip("Logarithmic iteration axis (off: linear)."));
        yLog.setTooltip(tip("Logarithmic value axis (off: linear)."));
        Button reset = new Button("⤢");
        reset.getStyleClass().add("axis-toggle");
        reset.setTooltip(tip("Reset zoom and pan. Drag on the chart to zoom, use the wheel to zoom, Ctrl-drag to pan."));
        reset.setOnAction(e -> resetZoom());
        readoutBox.getStyleClass().add("crosshair-readout");
        readoutBox.setId(id + "-readout");
        readoutBox.setMouseTransparent(true);
        readoutBox.setVisible(false);
        readoutBox.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane.setAlignment(readoutBox, Pos.TOP_RIGHT);
        StackPane.setMargin(readoutBox, new javafx.geometry.Insets(8, 34, 0, 0));
        heading.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        for (javafx.scene.control.Control c : new javafx.scene.control.Control[] {xLog, yLog, reset}) {
            c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        HBox header = new HBox(heading, spacer, xLog, yLog, reset);
        header.getStyleClass().add("chart-header");
        header.setAlignment(Pos.CENTER_LEFT);

        viewer.setMinSize(120, MIN_CHART_HEIGHT);
        stack.setMinSize(120, MIN_CHART_HEIGHT);
        stack.setPickOnBounds(true);
        imageLayer.setMouseTransparent(true);
        imageLayer.setVisible(false);
        // a picture drawn for a larger tile never spills over the next tile while its redraw is on the way
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(stack.widthProperty());
        clip.heightProperty().bind(stack.heightProperty());
        stack.setClip(clip);
        image.setSmooth(true);
        VBox.setVgrow(stack, Priority.ALWAYS);
        getChildren().addAll(header, keyLabel, stack);

        viewer.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> userZoomed = true);
        viewer.addEventFilter(ScrollEvent.SCROLL, e -> userZoomed = true);
        viewer.addChartMouseListener(new ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(ChartMouseEventFX event) {
            }

            @Override
            public void chartMouseMoved(ChartMouseEventFX event) {
                track(event.getTrigger().getX(), event.getTrigger().getY());
            }
        });
        viewer.addEventHandler(MouseEvent.MOUSE_EXITED, e -> showCursor(cursorX));
    }

    public BooleanProperty xLogProperty() {
        return xLog.selectedProperty();
    }

    public BooleanProperty yLogProperty() {
        return yLog.selectedProperty();
    }

    public ChartViewer viewer() {
        return viewer;
    }

    /**
     * Shows the menu {@code menu} makes on a right click (instead of JFreeChart's own, which would export without our
     * figure style); it is made at the first right click, not for the window's first frame.
     */
    public void setContextMenu(java.util.function.Supplier<javafx.scene.control.ContextMenu> menu) {
        javafx.scene.control.ContextMenu[] made = {null};
        viewer.setOnContextMenuRequested(e -> {
            if (made[0] == null) {
                made[0] = menu.get();
            }
            made[0].show(viewer, e.getScreenX(), e.getScreenY());
        });
    }

    /** The chart on screen (null before the first data). */
    public JFreeChart chart() {
        return viewer.getChart();
    }

    /** Whether the pointer is over the chart (the user may want the crosshair, zoom or pan: show it live). */
    public javafx.beans.property.ReadOnlyBooleanProperty pointerOverProperty() {
        return stack.hoverProperty();
    }

    /** Whether the interactive viewer is on screen (rather than a rendered image). */
    public boolean isInteractive() {
        return viewer.isVisible();
    }

    /** The chart area's size in layout units. */
    public double plotWidth() {
        return stack.getWidth();
    }

    public double plotHeight() {
        return stack.getHeight();
    }

    /** A zoom restored from a session, applied to the next chart shown. */
    private Range[] restoredZoom;

    /** Zooms to {@code x} × {@code y} (a session's zoom), as if the user had; the next chart shows it. */
    public void restoreZoom(Range x, Range y) {
        restoredZoom = new Range[] {x, y};
        userZoomed = true;
    }

    /** The user's zoom as {x, y} ranges, or null when the chart shows all data. */
    public Range[] zoom() {
        JFreeChart c = viewer.getChart();
        if (userZoomed && restoredZoom != null) {
            return restoredZoom.clone();
        }
        if (!userZoomed || c == null) {
            return null;
        }
        return new Range[] {c.getXYPlot().getDomainAxis().getRange(), c.getXYPlot().getRangeAxis().getRange()};
    }

    /**
     * Shows a picture of the chart rendered elsewhere (while data stream in); the viewer is hidden so it costs
     * nothing. {@code scale} is the image's pixels per layout unit.
     */
    public void showImage(java.awt.image.BufferedImage rendered, double scale) {
        pixels = SwingFXUtils.toFXImage(rendered, pixels != null && pixels.getWidth() == rendered.getWidth()
                && pixels.getHeight() == rendered.getHeight() ? pixels : null);
        image.setImage(pixels);
        image.setFitWidth(rendered.getWidth() / scale);
        image.setFitHeight(rendered.getHeight() / scale);
        imageLayer.setVisible(true);
        viewer.setVisible(false);
    }

    /**
     * Replaces the chart, keeping the user's zoom and the crosshair (at the same iteration, with the new values), and
     * makes the viewer the one on screen. {@code drawn} is the model the chart was made from (for the read-out).
     */
    public void show(JFreeChart chart, org.anilexplorer.figure.FigureModel drawn) {
        model = drawn == null ? null : drawn.plottable();
        if (Double.isFinite(crossX) && model != null) {
            showReadout(new Readout(crossX, Readout.valuesAt(model, crossX)));
        }
        JFreeChart old = viewer.getChart();
        XYPlot plot = chart.getXYPlot();
        plot.setDomainPannable(true);
        plot.setRangePannable(true);
        if (userZoomed && restoredZoom != null) {
            plot.getDomainAxis().setRange(restoredZoom[0], true, false);
            plot.getRangeAxis().setRange(restoredZoom[1], true, false);
            restoredZoom = null;
        } else if (userZoomed && old != null && sameScales(old.getXYPlot(), plot)) {
            Range x = old.getXYPlot().getDomainAxis().getRange();
            Range y = old.getXYPlot().getRangeAxis().getRange();
            plot.getDomainAxis().setRange(x, true, false);
            plot.getRangeAxis().setRange(y, true, false);
        }
        applyCrosshair(chart);
        viewer.setChart(chart);
        viewer.setVisible(true);
        imageLayer.setVisible(false);
    }

    /** Forgets the user's zoom; the next chart shows all data. */
    public void resetZoom() {
        userZoomed = false;
        restoredZoom = null;
        JFreeChart c = viewer.getChart();
        if (c != null) {
            c.getXYPlot().getDomainAxis().setAutoRange(true);
            c.getXYPlot().getRangeAxis().setAutoRange(true);
        }
        if (onResetZoom != null) {
            onResetZoom.run();
        }
    }

    private Runnable onResetZoom;

    /** Called after the user resets the zoom, so the owner can redraw the chart with its own ranges. */
    public void setOnResetZoom(Runnable action) {
        onResetZoom = action;
    }

    /** Forgets the zoom without redrawing (an axis changed between linear and log). */
    public void clearZoom() {
        userZoomed = false;
        restoredZoom = null;
    }

    private static boolean sameScales(XYPlot a, XYPlot b) {
        return a.getDomainAxis().getClass() == b.getDomainAxis().getClass()
                && a.getRangeAxis().getClass() == b.getRangeAxis().getClass();
    }

    private void track(double screenX, double screenY) {
        JFreeChart chart = viewer.getChart();
        ChartRenderingInfo info = viewer.getRenderingInfo();
        if (chart == null || info == null) {
            return;
        }
        Rectangle2D area = info.getPlotInfo().getDataArea();
        java.util.Optional<Readout> r = java.util.Optional.empty();
        if (area.contains(screenX, screenY) && model != null) {
            XYPlot plot = chart.getXYPlot();
            ValueAxis xAxis = plot.getDomainAxis();
            double x = xAxis.java2DToValue(screenX, area, plot.getDomainAxisEdge());
            r = Readout.at(model, x, xAxis instanceof org.jfree.chart.axis.LogAxis);
        }
        crossX = r.map(Readout::t).orElse(Double.NaN);
        crossY = r.flatMap(o -> o.entries().stream().findFirst()).map(Readout.Entry::value).orElse(Double.NaN);
        showReadout(r.orElse(null));
        applyCrosshair(chart);
    }

    /**
     * Puts the timeline's cursor at iteration {@code t} (NaN: takes it away): the crosshair and the read-out of every
     * drawn curve's value there, whenever the pointer is not over this chart.
     */
    public void showCursor(double t) {
        cursorX = t;
        if (pointerOverProperty().get() && !Double.isFinite(t)) {
            return;
        }
        crossX = t;
        Readout r = Double.isFinite(t) && model != null ? new Readout(t, Readout.valuesAt(model, t)) : null;
        crossY = r == null || r.entries().isEmpty() ? Double.NaN : r.entries().get(0).value();
        showReadout(r);
        applyCrosshair(viewer.getChart());
    }

    /** The read-out box: the iteration, then one line per curve in its colour (hidden for null). */
    private void showReadout(Readout r) {
        readoutBox.getChildren().clear();
        readoutBox.setVisible(r != null);
        if (r == null) {
            return;
        }
        java.util.List<String> lines = r.lines();
        javafx.scene.text.Text head = new javafx.scene.text.Text(lines.get(0));
        head.getStyleClass().add("readout-text");
        readoutBox.getChildren().add(head);
        for (int i = 0; i < r.entries().size(); i++) {
            Readout.Entry e = r.entries().get(i);
            javafx.scene.text.Text dot = new javafx.scene.text.Text("\n" + (e.secondary() ? "┈ " : "━ "));
            dot.setFill(javafx.scene.paint.Color.rgb((e.rgb() >> 16) & 0xff, (e.rgb() >> 8) & 0xff, e.rgb() & 0xff));
            javafx.scene.text.Text text = new javafx.scene.text.Text(lines.get(i + 1));
            text.getStyleClass().add("readout-text");
            readoutBox.getChildren().addAll(dot, text);
        }
    }

    /** The read-out's lines as shown (tests). */
    public java.util.List<String> readoutLines() {
        StringBuilder b = new StringBuilder();
        for (javafx.scene.Node n : readoutBox.getChildren()) {
            b.append(((javafx.scene.text.Text) n).getText());
        }
        return readoutBox.isVisible() ? java.util.List.of(b.toString().split("\n")) : java.util.List.of();
    }

    private void applyCrosshair(JFreeChart chart) {
        if (chart == null) {
            return;
        }
        XYPlot plot = chart.getXYPlot();
        boolean on = Double.isFinite(crossX);
        plot.setDomainCrosshairVisible(on);
        plot.setRangeCrosshairVisible(on && Double.isFinite(crossY));
        plot.setDomainCrosshairLockedOnData(false);
        plot.setRangeCrosshairLockedOnData(false);
        if (on) {
            plot.setDomainCrosshairValue(crossX, false);
            plot.setRangeCrosshairValue(Double.isFinite(crossY) ? crossY : 0, true);
        }
    }

    private static Tooltip tip(String text) {
        Tooltip t = new Tooltip(text);
        t.setShowDelay(Duration.millis(300));
        t.setWrapText(true);
        t.setMaxWidth(380);
        return t;
    }
}
