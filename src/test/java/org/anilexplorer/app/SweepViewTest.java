package org.anilexplorer.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.anilexplorer.app.sim.FakeLauncher;
import org.anilexplorer.app.view.SweepView;
import org.anilexplorer.app.viewmodel.ExportFormat;
import org.anilexplorer.app.viewmodel.MethodEntry;
import org.anilexplorer.app.viewmodel.SweepSnapshot;
import org.anilexplorer.app.viewmodel.SweepViewModel;
import org.anilexplorer.cli.Cli;
import org.anilexplorer.core.sweep.JobStatus;
import org.anilexplorer.core.sweep.SweepJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Sweep view driven through the real window: a preset with a 3 × 3 sweep section opens the view set up for it;
 * Run fills the cells (coarse pass first), a diverging cell is reported as diverged, clicking a cell adds its run to
 * the main window's compared methods, and the exports are the command line's files for the same sweep, byte for
 * byte.
 */
@ExtendWith(ApplicationExtension.class)
class SweepViewTest {

    /**
     * Infinite tasks on a small problem; β = 40 diverges within a few iterations. Enough iterations that the sweep
     * lasts longer than a frame or two even with every core on it, so results can be seen arriving.
     */
    private static final String PRESET = """
            {"title": "Tiny sweep", "description": "A 3 × 3 grid for the Sweep view's test.", "source": "test",
             "params": {"d": 12, "k": 2, "k_prime": 6, "m_in": 6, "m_out": 4, "tasks": "inf", "alpha": 0.2,
                        "beta": 0.2, "iterations": 20000, "seeds": 2},
             "sweep": {"grid": ["alpha=0.1:0.3:3", "beta=0.05,0.2,40"], "metrics": ["sv2_star_min"]}}
            """;

    @TempDir
    Path dir;

    private AnilExplorerApp app;

    @Start
    void start(Stage stage) {
        app = new AnilExplorerApp(new FakeLauncher());
        app.start(stage);
    }

    @Stop
    void stop() {
        app.stop();
    }

    @Test
    void aPresetWithASweepOpensTheViewWhichFillsInMarksDivergenceAddsClickedCellsAndExportsTheCommandLinesFiles(
            FxRobot robot) throws Exception {
        Path preset = dir.resolve("tiny-sweep.json");
        Files.writeString(preset, PRESET, StandardCharsets.UTF_8);
        robot.interact(() -> app.window().openFile(preset));
        SweepView view = app.window().sweepView();
        assertNotNull(view, "opening a preset with a sweep section opens the Sweep view");
        SweepViewModel vm = app.window().sweep();
        assertEquals("alpha", robot.lookup("#sweep-key1").queryAs(ComboBox.class).getValue());
        assertEquals("0.1:0.3:3", robot.lookup("#sweep-values1").queryAs(TextField.class).getText());
        assertEquals("beta", robot.lookup("#sweep-key2").queryAs(ComboBox.class).getValue());
        assertEquals("0.05,0.2,40", robot.lookup("#sweep-values2").queryAs(TextField.class).getText());
        assertEquals(2, vm.seedsProperty().get(), "seeds from the preset");

        List<Integer> arrived = new ArrayList<>();
        List<SweepSnapshot> firstWithResults = new ArrayList<>();
        vm.snapshotProperty().addListener((o, a, s) -> {
            if (s != null) {
                arrived.add(s.results().size());
                if (firstWithResults.isEmpty() && !s.results().isEmpty()) {
                    firstWithResults.add(s);
                }
            }
        });
        robot.clickOn("#sweep-run");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> vm.getSnapshot() != null
                && vm.getSnapshot().status() == SweepSnapshot.Status.FINISHED);
        SweepSnapshot done = vm.getSnapshot();
        assertEquals(18, done.results().size(), "3 × 3 cells × 2 seeds");
        for (int i = 1; i < arrived.size(); i++) {
            assertTrue(arrived.get(i) >= arrived.get(i - 1), "results only accumulate: " + arrived);
        }
        assertTrue(arrived.stream().anyMatch(n -> n > 0 && n < 18), "cells filled in one by one: " + arrived);
        // coarse pass first: the first 8 jobs are the 4 corners × 2 seeds, so until 8 have ended only corners have
        SweepSnapshot first = firstWithResults.get(0);
        if (first.results().size() < 8) {
            for (int index : first.results().keySet()) {
                int[] c = first.plan().grid().coordinates(first.plan().jobs().get(index).cell());
                assertTrue((c[0] == 0 || c[0] == 2) && (c[1] == 0 || c[1] == 2), "a corner first: " + c[0] + "," + c[1]);
            }
        }
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, view::pictureIsCurrent);
        assertTrue(vm.progressTextProperty().get().startsWith("Done"), vm.progressTextProperty().get());

        // β = 40 diverges: hovering that cell says so
        int divergedCell = -1;
        int finishedCell = -1;
        for (int cell = 0; cell < done.plan().grid().cellCount(); cell++) {
            List<JobStatus> statuses = new ArrayList<>();
            for (SweepJob j : done.plan().jobsOf(cell)) {
                statuses.add(done.results().get(j.index()).status());
            }
            String beta = done.plan().grid().settings(cell).get("beta");
            if (beta.equals("40")) {
                assertTrue(statuses.contains(JobStatus.DIVERGED), "β = 40 diverges in cell " + cell + ": " + statuses);
                divergedCell = divergedCell < 0 ? cell : divergedCell;
            } else if (statuses.stream().allMatch(s -> s == JobStatus.FINISHED) && beta.equals("0.2")) {
                finishedCell = cell;
            }
        }
        assertTrue(divergedCell >= 0 && finishedCell >= 0);
        Point2D diverged = view.cellOnScreen(divergedCell);
        robot.moveTo(diverged);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.readoutText().contains("diverged at t ="), view.readoutText());
        assertTrue(view.readoutText().contains("β = 40"), view.readoutText());

        Point2D finished = view.cellOnScreen(finishedCell);
        robot.moveTo(finished);
        WaitForAsyncUtils.waitForFxEvents();
        String text = view.readoutText();
        assertTrue(text.contains("sv2_star_min = ") && text.contains("theory (smallest eigenvalue of Λ⋆"), text);

        // clicking the cell adds its run to the main window's compared methods, with its settings as overrides
        int before = app.viewModel().parameters().methods().size();
        robot.clickOn(finished);
        WaitForAsyncUtils.waitForFxEvents();
        List<MethodEntry> methods = app.viewModel().parameters().methods();
        assertEquals(before + 1, methods.size());
        Map<String, String> cellSettings = done.plan().grid().settings(finishedCell);
        Map<String, String> overrides = methods.get(methods.size() - 1).variant().overrides();
        assertEquals(cellSettings.get("alpha"), overrides.getOrDefault("alpha", "0.2"), overrides.toString());
        assertEquals(cellSettings.get("beta"), overrides.getOrDefault("beta", "0.2"), overrides.toString());
        assertTrue(methods.get(methods.size() - 1).getDisplayName().startsWith("sweep α = "));
        assertEquals(done.plan().jobsOf(finishedCell).get(0).variant().params(),
                methods.get(methods.size() - 1).resolved(), "the method runs exactly the cell's parameters");

        // the exports are the command line's files for the same preset
        Path appCsv = dir.resolve("app.csv");
        Path appPng = dir.resolve("app.png");
        Path appSvg = dir.resolve("app.svg");
        robot.interact(() -> {
            vm.export(ExportFormat.CSV, appCsv);
            vm.export(ExportFormat.PNG, appPng);
            vm.export(ExportFormat.SVG, appSvg);
        });
        vm.awaitExports();
        Path cli = dir.resolve("cli");
        assertEquals(0, Cli.execute(new String[] {"sweep", "--preset", preset.toString(), "--quiet", "--out",
                cli.toString()}));
        assertEquals(Files.readAllLines(cli.resolve("sweep.csv")), Files.readAllLines(appCsv),
                "the app's rows are the command line's sweep.csv rows");
        assertArrayEquals(Files.readAllBytes(cli.resolve("phase-sv2_star_min.png")), Files.readAllBytes(appPng));
        assertArrayEquals(Files.readAllBytes(cli.resolve("phase-sv2_star_min.svg")), Files.readAllBytes(appSvg));

        // Reset cancels and clears; closing the view leaves no sweep thread behind
        robot.clickOn("#sweep-reset");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(null, vm.getSnapshot());
        assertFalse(vm.isRunning());
    }

    @Test
    void closingTheViewWhileItRunsCancelsAndJoinsTheRuns(FxRobot robot) throws Exception {
        Path preset = dir.resolve("long-sweep.json");
        Files.writeString(preset, PRESET.replace("\"iterations\": 20000,", "\"iterations\": 2000000,"), StandardCharsets.UTF_8);
        robot.interact(() -> app.window().openFile(preset));
        SweepViewModel vm = app.window().sweep();
        robot.clickOn("#sweep-run");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> sweepThreads() > 0 && vm.isRunning());
        robot.interact(() -> robot.window("Sweep — ANIL Explorer").hide());
        assertFalse(vm.isRunning());
        assertEquals(SweepSnapshot.Status.STOPPED, vm.getSnapshot().status());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> sweepThreads() == 0);
        assertTrue(vm.getSnapshot().results().values().stream().allMatch(r -> r.status() != JobStatus.FINISHED
                || r.iteration() == 2_000_000L), "a cancelled run leaves no result");
    }

    /** Live threads of a sweep's runner (workers, progress ticker, watcher). */
    private static long sweepThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("anil-sweep-")
                        && !t.getName().equals("anil-sweep-render") && !t.getName().equals("anil-sweep-export"))
                .count();
    }
}
