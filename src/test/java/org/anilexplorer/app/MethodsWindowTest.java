package org.anilexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.anilexplorer.app.sim.FakeDriver;
import org.anilexplorer.app.sim.ResolvedMethod;
import org.anilexplorer.app.view.Snapshots;
import org.anilexplorer.app.viewmodel.MethodEntry;
import org.anilexplorer.app.viewmodel.ParametersViewModel;
import org.anilexplorer.core.params.ParamSpec;
import org.anilexplorer.core.params.Params;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Per-method settings and selective restarts, driven through the real controls with a stand-in simulation: edits
 * apply on Enter, a change restarts only the methods it reaches, hiding a method starts nothing, Vary makes a family.
 */
@ExtendWith(ApplicationExtension.class)
class MethodsWindowTest {

    /** Longer than the window's restart debounce: a restart that was going to happen has happened. */
    private static final long QUIET_MILLIS = 700;

    private final List<FakeDriver> opened = new ArrayList<>();
    private AnilExplorerApp app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = new AnilExplorerApp(r -> {
            FakeDriver d = new FakeDriver(r);
            opened.add(d);
            return d;
        });
        app.start(stage);
    }

    @Stop
    void stop() {
        app.stop();
    }

    private ParametersViewModel params() {
        return app.viewModel().parameters();
    }

    private FakeDriver live() {
        return opened.get(opened.size() - 1);
    }

    /** The teaching preset (three methods, N = ∞ in the base) playing, every method at t = 500. */
    private void playingAt500(FxRobot robot) throws Exception {
        robot.clickOn("#play");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> app.viewModel().transport().isRunning());
        robot.interact(() -> live().advance(500));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> app.viewModel().transport().iterationProperty().get() == 500);
    }

    private static void quiet() throws InterruptedException {
        Thread.sleep(QUIET_MILLIS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void snapshot(FxRobot robot, String name) {
        robot.interact(() -> {
            try {
                Snapshots.write(stage.getScene(), name);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void typing100IntoMInAndPressingEnterRestartsOnce(FxRobot robot) throws Exception {
        playingAt500(robot);
        FakeDriver d = live();
        String before = params().field(ParamSpec.M_IN).getText();
        robot.clickOn("#param-m_in").eraseText(before.length()).write("100");
        quiet();
        assertTrue(d.updates.isEmpty(), "typing alone runs nothing (not 1, then 10, then 100)");
        robot.type(KeyCode.ENTER);
        quiet();
        assertEquals(1, opened.size());
        assertEquals(1, d.updates.size(), "exactly one restart");
        assertEquals(100, d.request.base().mIn().get());
        // the base's m_in reaches the two methods that inherit it; the infinite-sample one sets its own
        assertEquals(2, d.updates.get(0).replaced().size());
        assertEquals(500, d.iterationOf(2));
        assertTrue(app.viewModel().transport().isRunning());
    }

    @Test
    void addingFoMamlWhileNIsInfiniteGivesAValidMethod(FxRobot robot) throws Exception {
        assertTrue(params().getParams().tasks().infinite(), "the start preset runs N = ∞");
        playingAt500(robot);
        robot.clickOn("#add-method");
        Node item = robot.lookup(n -> n instanceof Label l && "FO-MAML".equals(l.getText()) && inMenuRow(l))
                .query();
        robot.clickOn(item);
        quiet();
        MethodEntry maml = params().methods().get(params().methods().size() - 1);
        assertEquals("", maml.getError());
        assertEquals("FO-MAML, N = 1000", maml.getDisplayName());
        assertTrue(robot.lookup("#base-mark-tasks").query().isVisible(), "N is marked as the method's own");
        assertEquals(1, live().updates.size());
        assertEquals(1, live().updates.get(0).added().size(), "only the new method starts");
        assertTrue(live().updates.get(0).replaced().isEmpty());
        assertEquals(List.of(500L, 500L, 500L, 0L), List.of(live().iterationOf(0), live().iterationOf(1),
                live().iterationOf(2), live().iterationOf(maml.slot())));
        snapshot(robot, "added-fo-maml");
    }

    @Test
    void varyOverFourAlphaValuesMakesFourRunsWithDerivedLabels(FxRobot robot) throws Exception {
        robot.interact(() -> app.viewModel().applyPreset(new org.anilexplorer.io.Preset("test", "One method", "", "",
                Params.defaults().with("iterations", "20000"), List.of())));
        playingAt500(robot);
        int experiments = opened.size();
        robot.clickOn("#vary-0");
        robot.clickOn("#vary-values").write("0.05, 0.1, 0.2, 0.4");
        robot.clickOn("#vary-make");
        quiet();
        List<ResolvedMethod> methods = live().request.methods();
        assertEquals(List.of("FO-ANIL, α = 0.05", "FO-ANIL, α = 0.1", "FO-ANIL, α = 0.2", "FO-ANIL, α = 0.4"),
                methods.stream().map(ResolvedMethod::label).toList());
        assertEquals(experiments, opened.size(), "the experiment is changed in place");
        assertEquals(1, live().updates.size());
        assertEquals(3, live().updates.get(0).added().size(), "α = 0.1 was the method itself: its run goes on");
        assertEquals(500, live().iterationOf(methods.get(1).colourIndex()));
        for (ResolvedMethod m : methods) {
            assertTrue(m.shade() != null, m.label() + " is drawn in the family's sequence");
        }
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#chip-" + methods.get(3).colourIndex())
                .tryQuery().isPresent());
        snapshot(robot, "vary-alpha");
    }

    @Test
    void uncheckingAMethodStartsNoRun(FxRobot robot) throws Exception {
        playingAt500(robot);
        robot.clickOn("#show-method-1");
        quiet();
        assertEquals(1, opened.size());
        assertTrue(live().updates.isEmpty(), "hiding only hides");
        assertTrue(app.viewModel().charts().hiddenMethods().contains(1));
    }

    @Test
    void editingOneMethodsAlphaRestartsOnlyIt(FxRobot robot) throws Exception {
        playingAt500(robot);
        Node row = robot.lookup("#method-row-1").query();
        Bounds b = row.localToScreen(row.getBoundsInLocal());
        robot.clickOn(b.getMinX() + b.getWidth() * 0.6, b.getCenterY()); // on the row, right of its name
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(params().methods().get(1), params().getSelected(), "a click on the row selects it");
        String before = params().field(ParamSpec.ALPHA).getText();
        robot.doubleClickOn("#param-alpha").eraseText(before.length()).write("0.1").type(KeyCode.ENTER);
        quiet();
        assertEquals(1, live().updates.size());
        assertEquals(0, live().iterationOf(1), "the edited method restarts");
        assertEquals(500, live().iterationOf(0), "the others keep their t");
        assertEquals(500, live().iterationOf(2));
        assertEquals("FO-ANIL, N = 1000, α = 0.1", live().request.methods().get(1).label());
        assertEquals(0.2, live().request.base().alpha(), "the base is untouched");
        assertTrue(robot.lookup("#base-mark-alpha").query().isVisible());
        snapshot(robot, "method-selected");
        robot.clickOn("#back-to-base");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(null, params().getSelected());
        assertEquals("0.2", params().field(ParamSpec.ALPHA).getText());
    }

    private static boolean inMenuRow(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p.getStyleClass().contains("menu-item")) {
                return true;
            }
        }
        return false;
    }
}
