package org.anilexplorer.app.view;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import javafx.collections.ListChangeListener;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.GridPane;
import javafx.stage.FileChooser;
import org.anilexplorer.app.viewmodel.ChartKind;
import org.anilexplorer.app.viewmodel.ExportFormat;
import org.anilexplorer.app.viewmodel.Message;
import org.anilexplorer.figure.ImageSize;
import org.anilexplorer.io.Preset;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.anilexplorer.app.viewmodel.MainViewModel;
import org.anilexplorer.app.viewmodel.SweepViewModel;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.anilexplorer.app.viewmodel.TeachingViewModel;

/**
 * The main window's layout: menus and transport on top, parameters on the left, the preset story and the charts in
 * the middle, the status line at the bottom. Builds controls and wires them to {@link MainViewModel}; no logic.
 */
public final class MainWindow extends BorderPane {

    /** The figure package's default size for a one-panel figure with title and caption. */
    private static final ImageSize DEFAULT_EXPORT_SIZE = ImageSize.defaultFor(
            org.anilexplorer.figure.FigureModel.of("t", org.anilexplorer.figure.AxisSpec.linear("x"),
                    org.anilexplorer.figure.AxisSpec.linear("y")).withCaption("c"));

    private final MainViewModel vm;
    private final FrameLoop frameLoop;
    private final ChartArea chartArea;
    private final TeachingViewModel teachingVm;
    private final TeachingControls teaching;
    private final SplitPane split;
    private final PresetBanner banner;
    private final SweepViewModel sweepVm;
    /** The Sweep view's window, made on first use. */
    private Stage sweepStage;
    private Rectangle2D sweepBounds;
    private SweepView sweepView;
    /** Told when a window of ours is first shown, with the bounds it asked for (the app keeps them: see StageSizeGuard). */
    private java.util.function.BiConsumer<Stage, Rectangle2D> windowShown = (stage, bounds) -> { };
    /**
     * The recent-files list as handed out (an unmodifiable wrapper that follows its list only weakly: held here so
     * that it, and the menu's listener on it, live as long as the window).
     */
    private javafx.collections.ObservableList<Path> recentList;

    public MainWindow(MainViewModel vm, IntFunction<String> methodColour) {
        this.vm = vm;
        this.chartArea = new ChartArea(vm.charts());
        this.teachingVm = new TeachingViewModel(vm);
        this.teaching = new TeachingControls(teachingVm, vm, this, chartArea);
        this.frameLoop = new FrameLoop(vm, chartArea);
        this.sweepVm = new SweepViewModel(vm, javafx.application.Platform::runLater);
        getStyleClass().add("main-window");

        ParameterPanel panel = new ParameterPanel(vm.parameters(),
                m -> m.inFamily() ? String.format("#%06X", m.rgb()) : methodColour.apply(m.slot()), this::requestFocus);
        banner = new PresetBanner(vm);
        TimelineBar timeline = new TimelineBar(vm.exploration().timeline());
        timeline.branchButton().disableProperty().bind(vm.exploration().canBranchProperty().not());
        timeline.branchButton().setTooltip(new Tooltip("Continue every shown method from its state at the timeline's "
                + "iteration (the nearest kept checkpoint at or before it); then change settings: the branch goes on "
                + "with them from there, drawn as a fork of the earlier run."));
        timeline.branchButton().setOnAction(e -> vm.showMessage(Message.info(vm.exploration().branch())));
        vm.exploration().timeline().cursorProperty().addListener((obs, old, t) -> chartArea.showCursor(t.doubleValue()));
        VBox centre = new VBox(banner, new WarningStrip(vm.parameters().warnings()), teaching.caption(),
                new RunHistoryBar(vm.exploration().history()), chartArea, timeline);
        VBox.setVgrow(chartArea, Priority.ALWAYS);
        centre.setMinWidth(0);
        split = new SplitPane(panel, centre);
        split.setId("main-split");
        SplitPane.setResizableWithParent(panel, Boolean.FALSE); // a wider window widens the charts, not the panel
        // the panel starts at its preferred width, once the split pane knows its own
        split.widthProperty().addListener(new javafx.beans.value.ChangeListener<Number>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Number> obs, Number old, Number now) {
                if (now.doubleValue() > 0) {
                    split.widthProperty().removeListener(this);
                    split.setDividerPositions(panel.getPrefWidth() / now.doubleValue());
                }
            }
        });
        setCenter(split);

        ToggleButton showPanel = new ToggleButton("Parameters");
        showPanel.setId("toggle-parameters");
        showPanel.setSelected(true);
        showPanel.setFocusTraversable(false);
        showPanel.setTooltip(new Tooltip("Show or hide the parameter panel (more room for the charts). "
                + "Drag the divider to change its width."));
        double[] lastDivider = {-1};
        showPanel.selectedProperty().addListener((obs, was, now) -> {
            if (now && !split.getItems().contains(panel)) {
                split.getItems().add(0, panel);
                if (lastDivider[0] > 0) {
                    split.setDividerPositions(lastDivider[0]);
                }
            } else if (!now && split.getItems().contains(panel)) {
                lastDivider[0] = split.getDividerPositions()[0];
                split.getItems().remove(panel);
            }
        });
        MenuBar menus = menuBar();
        StudentLock lock = new StudentLock(teachingVm.lockedProperty(), this, menus,
                List.of("file-menu", "presets-menu", "share-menu", "menu-sweep"), showPanel);
        MenuItem lockItem = new MenuItem();
        lockItem.setId("lock-item");
        lockItem.textProperty().bind(javafx.beans.binding.Bindings.when(teachingVm.lockedProperty())
                .then("Leave student lock…").otherwise("Lock for a student station"));
        lockItem.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+L"));
        lockItem.setOnAction(e -> lock.toggle());
        menus.getMenus().stream().filter(m -> "view-menu".equals(m.getId())).findFirst()
                .ifPresent(view -> view.getItems().addAll(new SeparatorMenuItem(), lockItem));
        HBox toolBar = new HBox(showPanel, new TransportBar(vm.transport()), lock.badge());
        toolBar.getStyleClass().add("tool-bar");
        VBox top = new VBox(menus, toolBar, new MessageBar(vm, this::requestFocus));
        setTop(top);

        StatusBar status = new StatusBar(vm.transport());
        status.addNote("status-memory", vm.exploration().memoryTextProperty());
        setBottom(status);
        installDragAndDrop();
        installChartMenus();
        vm.exploration().sessionView().setWindowState(() -> WindowViewState.capture(chartArea, teachingVm, showPanel),
                v -> WindowViewState.restore(v, chartArea, teachingVm, showPanel));
    }

    /** Starts the frame loop and installs the keyboard shortcuts on the scene. */
    public void attach(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        teaching.attach(scene);
        // a click outside any control takes the focus out of the text fields, so Space and → drive the transport
        addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (!(e.getTarget() instanceof Node n) || !insideControl(n)) {
                requestFocus();
            }
        });
        requestFocus();
        frameLoop.start();
    }

    /** Folds the preset description when the window is short ({@code height} in layout units), to give the charts room. */
    public void fitToHeight(double height) {
        if (height < PresetBanner.FOLD_BELOW_HEIGHT) {
            banner.expandedProperty().set(false);
        }
    }

    public void detach() {
        frameLoop.stop();
        chartArea.close();
        sweepVm.shutdown();
        if (sweepView != null) {
            sweepView.close();
        }
    }

    /** The Sweep view's model (its window opens with {@link #showSweep()}). */
    public SweepViewModel sweep() {
        return sweepVm;
    }

    /** The Sweep view, once opened (null before). */
    public SweepView sweepView() {
        return sweepView;
    }

    /** Opens (or brings forward) the Sweep view's window. */
    public void showSweep() {
        if (sweepStage == null) {
            sweepView = new SweepView(sweepVm);
            Rectangle2D screen = Screen.getPrimary().getVisualBounds();
            double width = Math.min(1280, screen.getWidth() * 0.92);
            double height = Math.min(860, screen.getHeight() * 0.92);
            Scene scene = new Scene(sweepView, width, height);
            scene.getStylesheets().addAll(getScene().getStylesheets());
            sweepStage = new Stage();
            sweepStage.initOwner(getScene().getWindow());
            sweepStage.setTitle("Sweep — ANIL Explorer");
            sweepStage.getIcons().addAll(((Stage) getScene().getWindow()).getIcons());
            sweepStage.setScene(scene);
            // an explicit size and place: some window managers otherwise map a new stage at a default 200 × 200
            sweepStage.setWidth(width);
            sweepStage.setHeight(height);
            sweepStage.setMinWidth(Math.min(480, width));
            sweepStage.setMinHeight(Math.min(360, height));
            sweepBounds = new Rectangle2D(screen.getMinX() + (screen.getWidth() - width) / 2,
                    screen.getMinY() + (screen.getHeight() - height) / 2, width, height);
            sweepStage.setX(sweepBounds.getMinX());
            sweepStage.setY(sweepBounds.getMinY());
            sweepStage.setOnHidden(e -> sweepVm.close()); // closing the view stops its runs and joins them
        }
        boolean first = !sweepStage.isShowing() && sweepStage.getUserData() == null;
        sweepStage.show();
        sweepStage.toFront();
        if (first) {
            sweepStage.setUserData("shown");
            windowShown.accept(sweepStage, sweepBounds);
        }
    }

    /** Sets what happens when a further window (the Sweep view's) is first shown with the bounds it asked for. */
    public void setWindowShown(java.util.function.BiConsumer<Stage, Rectangle2D> hook) {
        windowShown = hook;
    }

    /** After the main window opened a preset: a preset with a sweep section also opens the Sweep view, set up. */
    private void presetOpened(Preset p) {
        if (sweepVm.setUp(p)) {
            showSweep();
        }
    }

    /** Opens a preset or session file in the main window (and the Sweep view when the preset has a sweep section). */
    public boolean openFile(Path file) {
        boolean opened = vm.openFile(file);
        if (opened && sweepVm.setUp(file)) {
            showSweep();
        }
        return opened;
    }

    public ChartArea chartArea() {
        return chartArea;
    }

    /** Lessons, presenter mode and share codes. */
    public TeachingViewModel teaching() {
        return teachingVm;
    }

    public TeachingControls teachingControls() {
        return teaching;
    }

    private static boolean insideControl(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p instanceof Control && !(p instanceof javafx.scene.control.Label)) {
                return true;
            }
        }
        return false;
    }

    /** Space, → and R drive the transport unless the user is typing in a field. */
    private void onKey(KeyEvent e) {
        if (e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
            return;
        }
        Node focus = getScene() == null ? null : getScene().getFocusOwner();
        if (focus instanceof TextInputControl) {
            return;
        }
        if (e.getCode() == KeyCode.SPACE) {
            vm.transport().togglePlay();
            e.consume();
        } else if (e.getCode() == KeyCode.RIGHT) {
            vm.transport().step();
            e.consume();
        } else if (e.getCode() == KeyCode.R) {
            vm.transport().reset();
            e.consume();
        }
    }

    private MenuBar menuBar() {
        Menu file = new Menu("File");
        file.setId("file-menu");
        MenuItem open = new MenuItem("Open preset or session…");
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        open.setOnAction(e -> chooseAndOpen());
        Menu recent = new Menu("Open recent");
        Runnable fillRecent = () -> {
            recent.getItems().clear();
            for (Path p : vm.recentFiles().files()) {
                MenuItem item = new MenuItem(p.getFileName() + "   —   " + p.getParent());
                item.setMnemonicParsing(false);
                item.setOnAction(e -> openFile(p));
                recent.getItems().add(item);
            }
            recent.setDisable(recent.getItems().isEmpty());
        };
        recentList = vm.recentFiles().files();
        recentList.addListener((ListChangeListener<Path>) c -> fillRecent.run());
        fillRecent.run();
        MenuItem saveSession = new MenuItem("Save session…");
        saveSession.setAccelerator(KeyCombination.keyCombination("Shortcut+S"));
        saveSession.setOnAction(e -> chooseFile("Save session", "session.json", true).ifPresent(vm::saveSession));
        MenuItem savePreset = new MenuItem("Save parameters as preset…");
        savePreset.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+S"));
        savePreset.setOnAction(e -> savePreset());
        MenuItem export = new MenuItem("Export charts…");
        export.setAccelerator(KeyCombination.keyCombination("Shortcut+E"));
        export.setOnAction(e -> OwnerSafeDialogs.showAndWait(new ExportDialog(getScene().getWindow(),
                DEFAULT_EXPORT_SIZE, vm.charts().shownCharts(), exportMemory))
                .ifPresent(c -> vm.export(c.charts(), c.formats(), c.size(), c.dir(), c.prefix())));
        Menu copy = new Menu("Copy chart image");
        for (ChartKind kind : ChartKind.values()) {
            MenuItem item = new MenuItem(kind.title());
            item.setOnAction(e -> copyImage(kind));
            copy.getItems().add(item);
        }
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> getScene().getWindow().hide());
        file.getItems().addAll(open, recent, new SeparatorMenuItem(), saveSession, savePreset,
                new SeparatorMenuItem(), export, copy, new SeparatorMenuItem(), quit);

        Menu edit = new Menu("Edit");
        MenuItem undo = new MenuItem("Undo");
        undo.setId("menu-undo");
        undo.setAccelerator(KeyCombination.keyCombination("Shortcut+Z"));
        undo.disableProperty().bind(vm.exploration().canUndoProperty().not());
        undo.setOnAction(e -> vm.exploration().undo());
        MenuItem redo = new MenuItem("Redo");
        redo.setId("menu-redo");
        redo.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+Z"));
        redo.disableProperty().bind(vm.exploration().canRedoProperty().not());
        redo.setOnAction(e -> vm.exploration().redo());
        edit.getItems().addAll(undo, redo);

        Menu presets = new Menu("Presets");
        presets.setId("presets-menu");
        // plain items, so the whole row responds (a CustomMenuItem fires only for clicks on its content); each row
        // gets its preset's description as a tooltip once the menu has made the row
        java.util.Map<MenuItem, Tooltip> descriptions = new java.util.HashMap<>();
        // the bundled presets are read when the menu first opens, not for the window's first frame; until then the
        // menu holds a placeholder, so that it opens at all
        MenuItem reading = new MenuItem("Reading the presets…");
        reading.setDisable(true);
        presets.getItems().add(reading);
        presets.setOnShowing(e -> {
            if (!presets.getItems().remove(reading)) {
                return;
            }
            for (Preset p : vm.bundledPresets()) {
                MenuItem item = new MenuItem(p.title());
                item.setMnemonicParsing(false);
                item.setOnAction(a -> {
                    vm.applyPreset(p);
                    presetOpened(p);
                });
                Tooltip tip = new Tooltip(p.description());
                tip.setWrapText(true);
                tip.setMaxWidth(420);
                descriptions.put(item, tip);
                presets.getItems().add(item);
            }
        });
        presets.setOnShown(e -> descriptions.forEach((item, tip) -> {
            Node row = item.getStyleableNode();
            if (row != null) {
                Tooltip.install(row, tip);
            }
        }));

        Menu run = new Menu("Run");
        MenuItem play = new MenuItem("Play / Pause\tSpace");
        play.setOnAction(e -> vm.transport().togglePlay());
        MenuItem step = new MenuItem("Step\t→");
        step.setOnAction(e -> vm.transport().step());
        MenuItem reset = new MenuItem("Reset\tR");
        reset.setOnAction(e -> vm.transport().reset());
        run.getItems().addAll(play, step, reset);

        Menu help = new Menu("Help");
        MenuItem keys = new MenuItem("Keyboard and mouse");
        keys.setOnAction(e -> {
            teaching.toggleCheatSheet();
            vm.showMessage(Message.info("Space: play or pause.  →: one iteration.  R: reset.  "
                    + "On a chart: drag to zoom, wheel to zoom, Ctrl-drag to pan, ⤢ to reset; right-click to save or copy; "
                    + "double-click to show it alone.  Ctrl+Shift+W: the Sweep view (hover a cell for its values, click it "
                    + "to add its run here)."));
        });
        MenuItem perf = new MenuItem("Performance");
        perf.setOnAction(e -> vm.showMessage(Message.info(String.format(
                "Frame interval: median %.1f ms, 95th percentile %.1f ms over the last %d frames. "
                        + "Charts: rendered in the background in %.0f ms (median), handed to a viewer in %.0f ms.",
                vm.frameStats().medianMillis(), vm.frameStats().percentileMillis(95), vm.frameStats().count(),
                chartArea.renderCosts().medianMillis(), chartArea.drawCosts().medianMillis()))));
        help.getItems().addAll(keys, perf);

        MenuBar bar = new MenuBar(file, edit, presets, run);
        bar.getMenus().addAll(teaching.menus());
        MenuItem sweep = new MenuItem("Sweep…");
        sweep.setId("menu-sweep");
        sweep.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+W"));
        sweep.setOnAction(e -> showSweep());
        bar.getMenus().stream().filter(m -> m.getText().equals("View")).findFirst()
                .ifPresent(view -> view.getItems().addAll(0, List.of(sweep, new SeparatorMenuItem())));
        bar.getMenus().add(help);
        bar.setId("menu-bar");
        return bar;
    }

    private void chooseAndOpen() {
        FileChooser chooser = jsonChooser("Open preset or session");
        File f = OwnerSafeDialogs.showOpenDialog(chooser, getScene().getWindow());
        if (f != null) {
            lastDirectory = f.getParentFile();
            openFile(f.toPath());
        }
    }

    private Optional<Path> chooseFile(String title, String suggested, boolean save) {
        FileChooser chooser = jsonChooser(title);
        chooser.setInitialFileName(suggested);
        File f = save ? OwnerSafeDialogs.showSaveDialog(chooser, getScene().getWindow())
                : OwnerSafeDialogs.showOpenDialog(chooser, getScene().getWindow());
        if (f == null) {
            return Optional.empty();
        }
        lastDirectory = f.getParentFile();
        return Optional.of(f.toPath());
    }

    private File lastDirectory;
    private org.anilexplorer.app.viewmodel.ExportMemory exportMemory =
            org.anilexplorer.app.viewmodel.ExportMemory.inMemory();

    /** Where the Export dialog keeps its last choices (the app passes one kept in the user's preferences). */
    public void setExportMemory(org.anilexplorer.app.viewmodel.ExportMemory memory) {
        exportMemory = memory;
    }

    private FileChooser jsonChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Presets and sessions (*.json)", "*.json"),
                new FileChooser.ExtensionFilter("Charts exported by ANIL Explorer (*.png, *.svg)", "*.png", "*.svg"),
                new FileChooser.ExtensionFilter("All files", "*"));
        if (lastDirectory != null && lastDirectory.isDirectory()) {
            chooser.setInitialDirectory(lastDirectory);
        }
        return chooser;
    }

    private void savePreset() {
        Dialog<String[]> dialog = new Dialog<>();
        dialog.initOwner(getScene().getWindow());
        dialog.setTitle("Save parameters as preset");
        dialog.setHeaderText("A preset stores the parameters and the compared methods, not the results.");
        TextField title = new TextField(vm.getPreset().title().replace(" (edited)", ""));
        TextArea description = new TextArea(vm.getPreset().description());
        description.setWrapText(true);
        description.setPrefRowCount(4);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Title"), title);
        grid.addRow(1, new Label("Description"), description);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(b -> b == ButtonType.OK ? new String[] {title.getText(), description.getText()} : null);
        OwnerSafeDialogs.showAndWait(dialog).ifPresent(td -> chooseFile("Save preset", "preset.json", true)
                .ifPresent(p -> vm.savePreset(p, td[0], td[1])));
    }

    /** Puts the chart, drawn by the figure package as it would be exported, on the clipboard. */
    void copyImage(ChartKind kind) {
        vm.renderImage(kind, ExportDialog.lastSize(null), image -> {
            ClipboardContent content = new ClipboardContent();
            content.putImage(SwingFXUtils.toFXImage(image, null));
            Clipboard.getSystemClipboard().setContent(content);
            vm.showMessage(Message.info("Copied “" + kind.title() + "” to the clipboard."));
        });
    }

    /** Dropping a .json file, or a PNG or SVG chart exported by this program, on the window opens its setting. */
    private void installDragAndDrop() {
        setOnDragOver(e -> {
            Dragboard db = e.getDragboard();
            if (db.hasFiles() && db.getFiles().size() == 1) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            Dragboard db = e.getDragboard();
            boolean done = false;
            if (db.hasFiles() && db.getFiles().size() == 1) {
                done = openFile(db.getFiles().get(0).toPath());
            }
            e.setDropCompleted(done);
            e.consume();
        });
    }

    /** The per-chart menu (right click): save this chart, copy it, reset its zoom. */
    private void installChartMenus() {
        for (ChartKind kind : ChartKind.values()) {
            ChartTile tile = chartArea.tile(kind);
            tile.setContextMenu(() -> chartMenu(kind, tile));
        }
    }

    /** A chart's right-click menu: save it as each format, copy it, reset its zoom. */
    private ContextMenu chartMenu(ChartKind kind, ChartTile tile) {
        ContextMenu menu = new ContextMenu();
        for (ExportFormat format : ExportFormat.values()) {
            MenuItem item = new MenuItem("Save as " + format.description() + "…");
            item.setOnAction(e -> {
                FileChooser chooser = new FileChooser();
                chooser.setTitle("Save " + kind.title());
                chooser.setInitialFileName("anil-" + kind.id() + "." + format.extension());
                if (lastDirectory != null && lastDirectory.isDirectory()) {
                    chooser.setInitialDirectory(lastDirectory);
                }
                File f = OwnerSafeDialogs.showSaveDialog(chooser, getScene().getWindow());
                if (f != null) {
                    lastDirectory = f.getParentFile();
                    String name = f.getName();
                    String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
                    String prefix = stem.endsWith("-" + kind.id()) ? stem.substring(0, stem.length() - kind.id().length() - 1) : stem;
                    vm.export(List.of(kind), List.of(format), DEFAULT_EXPORT_SIZE,
                            f.toPath().toAbsolutePath().getParent(), prefix);
                }
            });
            menu.getItems().add(item);
        }
        MenuItem copy = new MenuItem("Copy image");
        copy.setOnAction(e -> copyImage(kind));
        MenuItem reset = new MenuItem("Reset zoom");
        reset.setOnAction(e -> tile.resetZoom());
        menu.getItems().addAll(new SeparatorMenuItem(), copy, reset);
        return menu;
    }
}
