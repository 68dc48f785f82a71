package org.anilexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.anilexplorer.app.sim.FakeDriver;
import org.anilexplorer.app.viewmodel.ChartKind;
import org.anilexplorer.io.PresetReader;
import org.anilexplorer.io.ShareCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/** The student-station lock and the method chips in the real window (stand-in simulation). */
@ExtendWith(ApplicationExtension.class)
class StudentLockTest {

    private AnilExplorerApp app;

    @Start
    void start(Stage stage) {
        app = new AnilExplorerApp(FakeDriver::new);
        app.start(stage);
    }

    @Stop
    void stop() {
        app.stop();
    }

    private void press(FxRobot robot, KeyCode... keys) {
        robot.clickOn("#status-text"); // out of any text field
        robot.press(keys).release(keys);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Menu menu(FxRobot robot, String id) {
        MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
        return bar.getMenus().stream().filter(m -> id.equals(m.getId())).findFirst().orElseThrow();
    }

    private boolean panelShown(FxRobot robot) {
        return robot.lookup("#main-split").queryAs(SplitPane.class).getItems().size() == 2;
    }

    @Test
    void lockShowsOnlyTheTransportLessonsAndChartsAndLeavingAsksFirst(FxRobot robot) {
        String title = app.viewModel().getPreset().title();
        // a share code of another preset on the clipboard: pasting it must do nothing while locked
        String code = ShareCode.encode(PresetReader.load("collins"));
        robot.interact(() -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(code);
            Clipboard.getSystemClipboard().setContent(c);
        });
        assertTrue(panelShown(robot));

        press(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L);
        assertTrue(app.window().teaching().lockedProperty().get());
        for (String id : List.of("file-menu", "presets-menu", "share-menu")) {
            Menu m = menu(robot, id);
            assertFalse(m.isVisible(), id);
            assertTrue(allItems(m).stream().allMatch(MenuItem::isDisable), id + ": its keys do nothing");
        }
        for (String id : List.of("lessons-menu", "view-menu")) {
            assertTrue(menu(robot, id).isVisible(), id);
        }
        assertFalse(panelShown(robot), "no parameters");
        assertFalse(robot.lookup("#toggle-parameters").queryAs(ToggleButton.class).isVisible());
        assertTrue(robot.lookup("#lock-badge").queryAs(Label.class).isVisible());
        assertTrue(robot.lookup("#chart-learning").query().isVisible(), "the charts stay");
        assertTrue(robot.lookup("#chart-learning-ylog").query().isVisible(), "with their controls");

        press(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.V);
        assertEquals(title, app.viewModel().getPreset().title(), "Paste share code is off");
        press(robot, KeyCode.PAGE_DOWN);
        assertEquals(0, app.window().teaching().lessonIndexProperty().get(), "the lessons work");
        // presenter mode gives the panel back when it ends, but not to a locked station
        press(robot, KeyCode.F5);
        press(robot, KeyCode.F5);
        assertFalse(panelShown(robot));

        // leaving asks; Enter is Cancel
        press(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L);
        Button leave = robot.lookup(".dialog-pane .button").queryAllAs(Button.class).stream()
                .filter(b -> b.getText().equals("Leave the lock")).findFirst().orElseThrow();
        assertFalse(leave.isDefaultButton());
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(app.window().teaching().lockedProperty().get(), "Enter cancels");

        press(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L);
        robot.clickOn("Leave the lock");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(app.window().teaching().lockedProperty().get());
        assertTrue(menu(robot, "file-menu").isVisible());
        assertFalse(menu(robot, "share-menu").getItems().get(0).isDisable());
        assertTrue(panelShown(robot), "the parameters come back");
        assertFalse(robot.lookup("#lock-badge").queryAs(Label.class).isVisible());
    }

    @Test
    void aChipSaysWhetherItsMethodIsShownByFillMarkAndStrikeThrough(FxRobot robot) throws Exception {
        robot.interact(() -> app.viewModel().applyPreset(PresetReader.load("collins")));
        WaitForAsyncUtils.waitForFxEvents();
        // the chips follow the view on the next frames
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> robot.lookup("#chip-4")
                .tryQueryAs(ToggleButton.class).map(c -> c.getText().equals("Average loss")).orElse(false));
        ToggleButton chip = robot.lookup("#chip-1").queryAs(ToggleButton.class);
        assertTrue(chip.isSelected());
        assertTrue(chip.getStyleClass().contains("chip-shown"));
        assertTrue(chip.getStyle().contains("-fx-background-color: #"), "filled with the method colour");
        assertEquals("✓", ((Label) chip.getGraphic()).getText());
        assertFalse(text(chip).isStrikethrough());

        robot.clickOn(chip);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(chip.isSelected());
        assertFalse(app.viewModel().charts().hiddenMethods().isEmpty());
        assertTrue(app.viewModel().charts().hiddenMethods().contains(1));
        assertTrue(chip.getStyleClass().contains("chip-hidden"));
        assertTrue(chip.getStyle().contains("-fx-background-color: -anil-bg"), "only outlined");
        assertEquals("✕", ((Label) chip.getGraphic()).getText());
        assertTrue(text(chip).isStrikethrough(), "the hidden method's name is struck through");
        assertTrue(chip.getAccessibleText().endsWith("hidden"));

        robot.clickOn(chip);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(chip.getStyleClass().contains("chip-shown") && !text(chip).isStrikethrough());
        // Collins' story chart is the distance, in the grid's fourth place
        assertEquals(ChartKind.DISTANCE, app.viewModel().charts().storyChartProperty().get());
        assertTrue(robot.lookup("#chart-distance").query().isVisible());
        assertFalse(robot.lookup("#chart-spectrum").query().isVisible());
        press(robot, KeyCode.CONTROL, KeyCode.DIGIT1);
        assertTrue(robot.lookup("#chart-spectrum").query().isVisible(), "Ctrl+1 puts the spectrum there");
        assertFalse(robot.lookup("#chart-distance").query().isVisible());
    }

    private static Text text(ToggleButton chip) {
        for (Node n : chip.lookupAll(".text")) {
            if (n instanceof Text t && t.getText().equals(chip.getText())) {
                return t;
            }
        }
        throw new AssertionError("no text node in " + chip);
    }

    private static List<MenuItem> allItems(Menu m) {
        List<MenuItem> out = new java.util.ArrayList<>();
        for (MenuItem i : m.getItems()) {
            if (!(i instanceof javafx.scene.control.SeparatorMenuItem)) {
                out.add(i);
            }
            if (i instanceof Menu sub) {
                out.addAll(allItems(sub));
            }
        }
        return out;
    }
}
