package org.anilexplorer.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.anilexplorer.app.sim.FakeDriver;
import org.anilexplorer.core.params.ParamSpec;
import org.anilexplorer.figure.FigureModel;
import org.anilexplorer.figure.Series;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ghosts and undo on the view models alone, with a fake simulation the test moves by hand. */
class ExplorationViewModelTest {

    private final List<FakeDriver> opened = new ArrayList<>();
    private final MainViewModel vm = new MainViewModel(r -> {
        FakeDriver d = new FakeDriver(r);
        opened.add(d);
        return d;
    }, Runnable::run);

    @BeforeEach
    void open() {
        vm.openStartPreset();
    }

    @AfterEach
    void close() {
        vm.close();
    }

    private FakeDriver live() {
        return opened.get(opened.size() - 1);
    }

    private void runFor(long iterations) {
        vm.transport().play();
        live().advance(iterations);
        vm.onFrame(System.nanoTime());
    }

    private void setAlpha(String value) {
        vm.parameters().field(ParamSpec.ALPHA).setText(value);
    }

    @Test
    void anEditWhileRunningKeepsTheReplacedRunsAsLabelledGhostsAndPausesThemInsteadOfCancelling() {
        String before = vm.parameters().field(ParamSpec.ALPHA).getText();
        runFor(40);
        FakeDriver first = live();
        setAlpha("0.05");
        assertEquals(0, live().iterationOf(first.request.methods().get(0).colourIndex()), "the edit restarted it");
        RunHistory h = vm.exploration().history();
        assertEquals(first.request.methods().size(), h.runs().size(), "every method changed, so each left a ghost");
        for (HistoryRun r : h.runs()) {
            assertEquals("α = " + before, r.settings());
            assertTrue(r.label().endsWith("(α = " + before + ")"), r.label());
            assertEquals(40, r.iteration());
        }
        assertEquals(h.runs().size(), vm.charts().ghosts().size());
        FigureModel chart = LiveFigures.build(ChartKind.LEARNING, vm.transport().getView(), vm.charts());
        long ghostCurves = chart.series().stream().filter(s -> s.name().startsWith(Ghosts.PREFIX)).count();
        assertTrue(ghostCurves >= h.runs().size(), "the ghosts are drawn: " + ghostCurves);
        Series ghost = chart.series().get(0);
        assertTrue(ghost.name().startsWith(Ghosts.PREFIX), "ghosts are drawn first, under the live curves");
        assertEquals(Ghosts.PRIMARY, ghost.style());

        h.runs().get(0).shown().set(false);
        assertEquals(h.runs().size() - 1, vm.charts().ghosts().size(), "a hidden ghost leaves the charts");
        h.dismiss(h.runs().get(0));
        h.dismissAll();
        assertTrue(vm.charts().ghosts().isEmpty());
    }

    @Test
    void undoRestoresThePanelAndTurnsTheLaterRunIntoTheGhostAndRedoReturns() {
        runFor(40);
        setAlpha("0.05");
        runFor(70);
        assertTrue(vm.exploration().canUndoProperty().get());

        vm.exploration().undo();
        assertEquals(1, opened.size(), "undo changes the live experiment in place");
        assertEquals("0.2", vm.parameters().field(ParamSpec.ALPHA).getText(), "the panel is back");
        assertEquals(ExperimentState.PAUSED, vm.transport().getState());
        List<HistoryRun> ghosts = vm.exploration().history().runs();
        assertFalse(ghosts.isEmpty());
        assertTrue(ghosts.stream().allMatch(g -> g.settings().equals("α = 0.05")), "now the later run is the ghost");
        assertTrue(vm.exploration().canRedoProperty().get());

        vm.exploration().redo();
        assertEquals("0.05", vm.parameters().field(ParamSpec.ALPHA).getText());
        assertTrue(vm.exploration().history().runs().stream().allMatch(g -> g.settings().equals("α = 0.2")));
        assertFalse(vm.exploration().canRedoProperty().get());
        assertTrue(vm.exploration().canUndoProperty().get());
    }

    @Test
    void aNewEditAfterUndoDropsTheRedoSide() {
        runFor(10);
        setAlpha("0.05");
        runFor(10);
        vm.exploration().undo();
        setAlpha("0.3");
        assertFalse(vm.exploration().canRedoProperty().get());
        assertTrue(vm.exploration().canUndoProperty().get());
    }

    @Test
    void aSessionKeepsTheGhostsWithTheirSeriesAndTheView(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        runFor(40);
        setAlpha("0.05");
        runFor(30);
        vm.exploration().history().runs().get(0).shown().set(false);
        vm.charts().logYProperty(ChartKind.LEARNING).set(true);
        vm.charts().logXProperty(ChartKind.RISK).set(false);
        vm.charts().setShown(vm.parameters().getRequest().methods().get(0).colourIndex(), false);
        vm.transport().speedIndexProperty().set(3);
        vm.exploration().timeline().moveTo(20);
        java.nio.file.Path file = dir.resolve("s.json");
        assertTrue(vm.saveSession(file));
        List<HistoryRun> saved = List.copyOf(vm.exploration().history().runs());

        try (MainViewModel other = new MainViewModel(r -> new FakeDriver(r), Runnable::run)) {
            assertTrue(other.openFile(file));
            List<HistoryRun> back = other.exploration().history().runs();
            assertEquals(saved.size(), back.size());
            for (int i = 0; i < saved.size(); i++) {
                assertEquals(saved.get(i).label(), back.get(i).label());
                assertEquals(saved.get(i).isShown(), back.get(i).isShown());
                assertEquals(saved.get(i).run().method().params(), back.get(i).run().method().params());
                for (int s = 0; s < saved.get(i).run().seeds().size(); s++) {
                    assertSameSeries(saved.get(i).run().seeds().get(s).series(), back.get(i).run().seeds().get(s).series());
                    assertEquals(saved.get(i).run().seeds().get(s).risk(), back.get(i).run().seeds().get(s).risk());
                }
            }
            assertEquals(saved.size() - 1, other.charts().ghosts().size());
            assertTrue(other.charts().logYProperty(ChartKind.LEARNING).get());
            assertFalse(other.charts().logXProperty(ChartKind.RISK).get());
            assertFalse(other.charts().isShown(other.parameters().getRequest().methods().get(0)));
            assertEquals(3, other.transport().speedIndexProperty().get());
            assertEquals(20, other.exploration().timeline().iteration());
        }
    }

    /** Bit for bit: every snapshot's every number, NaNs included. */
    static void assertSameSeries(List<org.anilexplorer.core.metrics.Snapshot> a,
                                 List<org.anilexplorer.core.metrics.Snapshot> b) {
        assertEquals(a.size(), b.size(), "snapshot count");
        for (int i = 0; i < a.size(); i++) {
            var x = a.get(i);
            var y = b.get(i);
            assertEquals(x.iteration(), y.iteration());
            org.junit.jupiter.api.Assertions.assertArrayEquals(x.sv2Star(), y.sv2Star(), 0.0, "σ² star at " + i);
            org.junit.jupiter.api.Assertions.assertArrayEquals(x.sv2Perp(), y.sv2Perp(), 0.0, "σ² perp at " + i);
            assertEquals(Double.doubleToLongBits(x.bwNorm()), Double.doubleToLongBits(y.bwNorm()));
            assertEquals(Double.doubleToLongBits(x.distance()), Double.doubleToLongBits(y.distance()));
            assertEquals(Double.doubleToLongBits(x.trainingLoss()), Double.doubleToLongBits(y.trainingLoss()));
            assertEquals(Double.doubleToLongBits(x.validationLoss()), Double.doubleToLongBits(y.validationLoss()));
        }
    }
}
