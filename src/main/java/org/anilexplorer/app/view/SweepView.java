package org.anilexplorer.app.view;

import java.io.File;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.anilexplorer.app.viewmodel.ExportFormat;
import org.anilexplorer.app.viewmodel.Message;
import org.anilexplorer.app.viewmodel.SweepSnapshot;
import org.anilexplorer.app.viewmodel.SweepViewModel;

/**
 * The Sweep view: one or two keys with their values, seeds and metric on top; the phase diagram (or the curves of a
 * one-key sweep) in the middle, filling in as runs end; progress, time left and the hovered cell's values at the
 * bottom. Hovering a cell shows its values; clicking it adds its run to the main window. The picture is drawn on a
 * background thread by the figure package; this class only shows finished pictures.
 */
public final class SweepView extends BorderPane {

    private final SweepViewModel vm;
    private final ImageView image = new ImageView();
    private final Label readout = new Label();
    private final Pane plot = new Pane(image, readout);
    private final WrappingLabel caption = new WrappingLabel();
    private final ComboBox<String> method = new ComboBox<>();
    private final ExecutorService renderer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "anil-sweep-render");
        t.setDaemon(true);
        return t;
    });
    /** The picture shown now (its geometry answers "which cell is under the mouse"). */
    private SweepPicture picture;
    private SweepSnapshot pictured;
    private boolean rendering;
    private boolean dirty;
    private int hovered = -1;

    public SweepView(SweepViewModel vm) {
        this.vm = vm;
        getStyleClass().add("sweep-view");
        setId("sweep-view");
        setTop(controls());
        setCenter(centre());
        setBottom(status());
        vm.snapshotProperty().addListener((o, a, b) -> redraw());
        vm.metricProperty().addListener((o, a, b) -> redraw());
        vm.methodProperty().addListener((o, a, b) -> redraw());
        plot.widthProperty().addListener((o, a, b) -> redraw());
        plot.heightProperty().addListener((o, a, b) -> redraw());
    }

    private VBox controls() {
        ComboBox<String> key1 = keyChooser("sweep-key1", false);
        key1.valueProperty().bindBidirectional(vm.firstKeyProperty());
        TextField values1 = valuesField("sweep-values1");
        values1.textProperty().bindBidirectional(vm.firstValuesProperty());
        ComboBox<String> key2 = keyChooser("sweep-key2", true);
        key2.setValue(vm.secondKeyProperty().get().isEmpty() ? NONE : vm.secondKeyProperty().get());
        key2.valueProperty().addListener((o, a, b) -> vm.secondKeyProperty().set(NONE.equals(b) || b == null ? "" : b));
        vm.secondKeyProperty().addListener((o, a, b) -> key2.setValue(b.isEmpty() ? NONE : b));
        TextField values2 = valuesField("sweep-values2");
        values2.textProperty().bindBidirectional(vm.secondValuesProperty());
        values2.disableProperty().bind(vm.secondKeyProperty().isEmpty());

        Spinner<Integer> seeds = new Spinner<>(1, 64, vm.seedsProperty().get());
        seeds.setId("sweep-seeds");
        seeds.setEditable(true);
        seeds.setPrefWidth(72);
        seeds.valueProperty().addListener((o, a, b) -> vm.seedsProperty().set(b));
        vm.seedsProperty().addListener((o, a, b) -> seeds.getValueFactory().setValue(b.intValue()));
        ComboBox<String> metric = new ComboBox<>(FXCollections.observableArrayList(SweepViewModel.METRICS));
        metric.setId("sweep-metric");
        metric.valueProperty().bindBidirectional(vm.metricProperty());
        method.setId("sweep-method");
        method.setTooltip(new Tooltip("Whose maps to show when the main window compares several methods."));
        method.valueProperty().addListener((o, a, b) -> {
            int i = method.getItems().indexOf(b);
            if (i >= 0) {
                vm.methodProperty().set(i);
            }
        });
        method.managedProperty().bind(method.visibleProperty());

        Button run = new Button("Run");
        run.setId("sweep-run");
        run.setDefaultButton(true);
        run.setOnAction(e -> vm.start());
        Button stop = new Button("Stop");
        stop.setId("sweep-stop");
        stop.setTooltip(new Tooltip("Stop the runs; the cells that finished stay."));
        stop.setOnAction(e -> vm.stop());
        Button reset = new Button("Reset");
        reset.setId("sweep-reset");
        reset.setTooltip(new Tooltip("Stop the runs and clear the map."));
        reset.setOnAction(e -> vm.reset());
        MenuButton export = new MenuButton("Export");
        export.setId("sweep-export");
        for (ExportFormat f : ExportFormat.values()) {
            MenuItem item = new MenuItem((f == ExportFormat.CSV ? "Rows (sweep.csv) as " : "Figure as ")
                    + f.description() + "…");
            item.setOnAction(e -> chooseAndExport(f));
            export.getItems().add(item);
        }
        Runnable buttons = () -> {
            boolean running = vm.isRunning();
            run.setDisable(running || !vm.problemProperty().get().isEmpty());
            stop.setDisable(!running);
            export.setDisable(vm.getSnapshot() == null);
        };
        vm.snapshotProperty().addListener((o, a, b) -> buttons.run());
        vm.problemProperty().addListener((o, a, b) -> buttons.run());
        buttons.run();

        FlowPane grid = new FlowPane(8, 6, new Label("Sweep"), key1, values1, new Label("and"), key2, values2,
                new Label("Seeds per cell"), seeds);
        grid.setAlignment(Pos.CENTER_LEFT);
        FlowPane show = new FlowPane(8, 6, new Label("Metric"), metric, method, run, stop, reset, export);
        show.setAlignment(Pos.CENTER_LEFT);
        Label problem = new Label();
        problem.setId("sweep-problem");
        problem.getStyleClass().add("status-problem");
        problem.textProperty().bind(vm.problemProperty());
        problem.visibleProperty().bind(vm.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        problem.setWrapText(true);
        Label hint = new Label("Values: a list (2,5,20,inf) or start:stop:count, with :log for log spacing. The runs "
                + "use the main window's parameters and compared methods; coarse passes run first, then the grid fills in.");
        hint.setWrapText(true);
        hint.getStyleClass().add("chart-key");
        VBox top = new VBox(6, grid, show, problem, hint);
        top.setPadding(new Insets(8, 10, 6, 10));
        top.getStyleClass().add("tool-bar");
        return top;
    }

    private static final String NONE = "(none: curves)";

    private static ComboBox<String> keyChooser(String id, boolean optional) {
        ComboBox<String> c = new ComboBox<>();
        if (optional) {
            c.getItems().add(NONE);
        }
        c.getItems().addAll(SweepViewModel.KEYS);
        c.setId(id);
        c.setVisibleRowCount(14);
        return c;
    }

    private static TextField valuesField(String id) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(16);
        f.setTooltip(new Tooltip("V1,V2,… or start:stop:count or start:stop:count:log (endpoints included)"));
        return f;
    }

    private VBox centre() {
        image.setId("sweep-picture");
        image.setPreserveRatio(false);
        readout.setId("sweep-readout");
        readout.getStyleClass().add("sweep-readout");
        readout.setStyle("-fx-background-color: rgba(255,255,255,0.94); -fx-border-color: #8a8f98; "
                + "-fx-padding: 4 6 4 6; -fx-font-size: 0.92em;");
        readout.setVisible(false);
        readout.setMouseTransparent(true);
        plot.setMinSize(200, 160);
        plot.setOnMouseMoved(e -> hover(e.getX(), e.getY()));
        plot.setOnMouseExited(e -> {
            hovered = -1;
            readout.setVisible(false);
        });
        plot.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 1) {
                int cell = cellAt(e.getX(), e.getY());
                if (cell >= 0) {
                    vm.addCellAsMethod(cell, vm.methodProperty().get());
                }
            }
        });
        caption.setId("sweep-caption");
        caption.getStyleClass().add("chart-key");
        Label empty = new Label("Choose one or two parameters and their values above, then press Run.\n"
                + "Each cell is a run of the main window's parameters with that cell's values; the map fills in as runs "
                + "end, and the theory (Λ⋆ or the 1/t law, and the stability limit) is drawn over it where it applies.");
        empty.setId("sweep-empty");
        empty.setWrapText(true);
        empty.setMaxWidth(560);
        empty.getStyleClass().add("chart-key");
        empty.setMouseTransparent(true);
        empty.visibleProperty().bind(vm.snapshotProperty().isNull());
        javafx.scene.layout.StackPane stack = new javafx.scene.layout.StackPane(plot, empty);
        VBox box = new VBox(4, stack, caption);
        VBox.setVgrow(stack, Priority.ALWAYS);
        box.setPadding(new Insets(6, 10, 4, 10));
        return box;
    }

    private VBox status() {
        ProgressBar bar = new ProgressBar(0);
        bar.setId("sweep-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        Label text = new Label();
        text.setId("sweep-progress-text");
        text.textProperty().bind(vm.progressTextProperty());
        vm.snapshotProperty().addListener((o, a, s) -> bar.setProgress(s == null ? 0 : s.progress().fractionDone()));
        Label message = new Label();
        message.setId("sweep-message");
        message.setWrapText(true);
        vm.messageProperty().addListener((o, a, m) -> {
            message.setText(m == null ? "" : m.text());
            message.getStyleClass().remove("status-problem");
            if (m != null && m.severity() == Message.Severity.ERROR) {
                message.getStyleClass().add("status-problem");
            }
        });
        Label tip = new Label("Hover a cell for its values; click it to add its run to the main window's charts.");
        tip.getStyleClass().add("chart-key");
        HBox line = new HBox(12, bar, text);
        HBox.setHgrow(bar, Priority.ALWAYS);
        bar.setPrefWidth(260);
        line.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(4, line, message, tip);
        box.setPadding(new Insets(4, 10, 8, 10));
        box.getStyleClass().add("status-bar");
        return box;
    }

    private void chooseAndExport(ExportFormat f) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the sweep as " + f.description());
        String name = f == ExportFormat.CSV ? "sweep.csv" : "phase-" + vm.metricProperty().get() + "." + f.extension();
        chooser.setInitialFileName(name);
        File file = OwnerSafeDialogs.showSaveDialog(chooser, getScene().getWindow());
        if (file != null) {
            vm.export(f, file.toPath());
        }
    }

    // ---- the picture ----

    private void redraw() {
        SweepSnapshot s = vm.getSnapshot();
        if (s == null) {
            picture = null;
            pictured = null;
            image.setImage(null);
            caption.setFullText("");
            readout.setVisible(false);
            method.setVisible(false);
            return;
        }
        if (!method.getItems().equals(s.plan().methodLabels())) {
            method.getItems().setAll(s.plan().methodLabels());
            method.setValue(s.plan().methodLabels().get(Math.min(vm.methodProperty().get(), s.plan().methodLabels().size() - 1)));
        }
        method.setVisible(s.plan().methodLabels().size() > 1);
        if (rendering) {
            dirty = true;
            return;
        }
        double w = plot.getWidth();
        double h = plot.getHeight();
        if (w < 10 || h < 10) {
            return;
        }
        rendering = true;
        dirty = false;
        String metric = vm.metricProperty().get();
        int m = Math.min(vm.methodProperty().get(), s.plan().methodLabels().size() - 1);
        double scale = getScene() != null && getScene().getWindow() != null ? getScene().getWindow().getRenderScaleX() : 1;
        try {
            renderer.execute(() -> {
                SweepPicture p = null;
                try {
                    p = SweepPicture.render(s, metric, m, w, h, scale);
                } finally {
                    SweepPicture done = p;
                    Platform.runLater(() -> show(s, done));
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            rendering = false; // the view is closing
        }
    }

    private void show(SweepSnapshot s, SweepPicture p) {
        rendering = false;
        if (p != null && vm.getSnapshot() != null) {
            picture = p;
            pictured = s;
            image.setImage(SwingFXUtils.toFXImage(p.image(), null));
            image.setFitWidth(p.width());
            image.setFitHeight(p.height());
            caption.setFullText(p.caption());
            if (hovered >= 0) {
                readout.setText(vm.describeCell(hovered, vm.methodProperty().get()));
            }
        }
        if (dirty || (vm.getSnapshot() != null && vm.getSnapshot() != s)) {
            redraw();
        }
    }

    private int cellAt(double x, double y) {
        return picture == null || pictured == null ? -1 : picture.cellAt(pictured.plan().grid(), x, y);
    }

    private void hover(double x, double y) {
        int cell = cellAt(x, y);
        hovered = cell;
        if (cell < 0) {
            readout.setVisible(false);
            return;
        }
        readout.setText(vm.describeCell(cell, vm.methodProperty().get()));
        readout.setVisible(true);
        readout.applyCss();
        readout.autosize();
        double rw = readout.getWidth();
        double rh = readout.getHeight();
        double left = x + 16 + rw > plot.getWidth() ? x - 12 - rw : x + 16;
        double topY = y + 16 + rh > plot.getHeight() ? y - 12 - rh : y + 16;
        readout.relocate(Math.max(0, left), Math.max(0, topY));
    }

    /** The centre of a cell on screen, once it is drawn (for tests), or null. */
    public Point2D cellOnScreen(int cell) {
        if (picture == null || pictured == null) {
            return null;
        }
        java.awt.geom.Point2D c = picture.centreOf(pictured.plan().grid(), cell);
        return plot.localToScreen(c.getX(), c.getY());
    }

    /** Whether the picture shows the newest snapshot (for tests). */
    public boolean pictureIsCurrent() {
        return picture != null && pictured == vm.getSnapshot() && !rendering;
    }

    /** The hover read-out's text (for tests). */
    public String readoutText() {
        return readout.isVisible() ? readout.getText() : "";
    }

    /** Stops the drawing thread (the window is closing). */
    public void close() {
        renderer.shutdownNow();
    }
}
