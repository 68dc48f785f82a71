package org.anilexplorer.app.view;

import java.util.function.IntFunction;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
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

/**
 * The main window's layout: menus and transport on top, parameters on the left, the preset story and the charts in
 * the middle, the status line at the bottom. Builds controls and wires them to {@link MainViewModel}; no logic.
 */
public final class MainWindow extends BorderPane {

    private final MainViewModel vm;
    private final FrameLoop frameLoop;
    private final ChartArea chartArea;

    public MainWindow(MainViewModel vm, IntFunction<String> methodColour) {
        this.vm = vm;
        this.chartArea = new ChartArea(vm.charts());
        this.frameLoop = new FrameLoop(vm, chartArea);
        getStyleClass().add("main-window");

        HBox toolBar = new HBox(new TransportBar(vm.transport()));
        toolBar.getStyleClass().add("tool-bar");
        VBox top = new VBox(menuBar(), toolBar, new MessageBar(vm));
        setTop(top);

        setLeft(new ParameterPanel(vm.parameters(), methodColour));

        VBox centre = new VBox(new PresetBanner(vm), chartArea);
        VBox.setVgrow(chartArea, Priority.ALWAYS);
        setCenter(centre);

        setBottom(new StatusBar(vm.transport()));
    }

    /** Starts the frame loop and installs the keyboard shortcuts on the scene. */
    public void attach(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        // a click outside any control takes the focus out of the text fields, so Space and → drive the transport
        addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (!(e.getTarget() instanceof Node n) || !insideControl(n)) {
                requestFocus();
            }
        });
        requestFocus();
        frameLoop.start();
    }

    public void detach() {
        frameLoop.stop();
    }

    public ChartArea chartArea() {
        return chartArea;
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
        MenuItem quit = new MenuItem("Quit");
        quit.setOnAction(e -> getScene().getWindow().hide());
        file.getItems().addAll(new SeparatorMenuItem(), quit);

        Menu run = new Menu("Run");
        MenuItem play = new MenuItem("Play / Pause\tSpace");
        play.setOnAction(e -> vm.transport().togglePlay());
        MenuItem step = new MenuItem("Step\t→");
        step.setOnAction(e -> vm.transport().step());
        MenuItem reset = new MenuItem("Reset\tR");
        reset.setOnAction(e -> vm.transport().reset());
        run.getItems().addAll(play, step, reset);

        Menu help = new Menu("Help");
        MenuItem perf = new MenuItem("Performance");
        perf.setOnAction(e -> vm.showMessage(org.anilexplorer.app.viewmodel.Message.info(String.format(
                "Frame interval: median %.1f ms, 95th percentile %.1f ms over the last %d frames.",
                vm.frameStats().medianMillis(), vm.frameStats().percentileMillis(95), vm.frameStats().count()))));
        help.getItems().add(perf);

        MenuBar bar = new MenuBar(file, run, help);
        bar.setId("menu-bar");
        return bar;
    }
}
