package org.anilexplorer.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.anilexplorer.app.sim.CoreExperimentLauncher;
import org.anilexplorer.app.sim.RunStates;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.run.DynamicsSource;
import org.anilexplorer.core.run.RunView;
import org.anilexplorer.io.RecordedRun;
import org.anilexplorer.io.Session;
import org.anilexplorer.io.SessionCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run states in sessions, on the view models and the real engine: a session saved while running carries every
 * run's state and the experiment runs on; a finished session reopens finished and can be branched from; a session
 * without states (an older file) opens read-only and says so.
 */
class SessionStatesTest {

    @TempDir
    Path dir;

    private static final Params SMALL = Params.defaults().withAll(Map.of("d", "8", "k", "2", "k_prime", "8",
            "m_in", "6", "m_out", "6", "tasks", "inf", "iterations", "300", "seeds", "2"));

    private final MainViewModel vm = new MainViewModel(new CoreExperimentLauncher(DynamicsSource.FACTORY,
            new RunStates(64L << 20)), Runnable::run);
    private final MainViewModel other = new MainViewModel(new CoreExperimentLauncher(DynamicsSource.FACTORY,
            new RunStates(64L << 20)), Runnable::run);

    @AfterEach
    void close() {
        vm.close();
        other.close();
    }

    private static void until(MainViewModel m, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            m.onFrame(System.nanoTime());
            if (condition.getAsBoolean()) {
                return;
            }
            assertTrue(System.nanoTime() < deadline, "timed out");
            Thread.sleep(5);
        }
    }

    @Test
    void savingWhileRunningKeepsEveryRunsStateAndTheRunsGoOn() throws Exception {
        vm.parameters().load(SMALL.with("iterations", "200000"), List.of());
        vm.transport().speedIndexProperty().set(Speed.STEPS.indexOf(5L));
        vm.transport().play();
        until(vm, () -> vm.transport().getView().iteration() >= 50);
        Path file = dir.resolve("running.json");
        assertTrue(vm.saveSession(file), String.valueOf(vm.getMessage()));
        assertEquals(ExperimentState.RUNNING, vm.transport().getState());
        long t = vm.transport().getView().iteration();
        until(vm, () -> vm.transport().getView().iteration() > t + 20);

        List<RecordedRun> runs = SessionCodec.read(file).runs();
        assertEquals(2, runs.size());
        for (RecordedRun r : runs) {
            assertNotNull(r.latest(), "seed " + r.seed() + " has its state");
            assertEquals(r.latest().series().size(), r.snapshots().size(), "the series are saved up to the state");
            assertTrue(r.snapshots().get(r.snapshots().size() - 1).iteration() <= r.latest().iteration());
        }
    }

    @Test
    void aFinishedSessionReopensFinishedAndCanBeBranchedFrom() throws Exception {
        vm.parameters().load(SMALL, List.of());
        vm.transport().speedIndexProperty().set(Speed.STEPS.size() - 1);
        vm.transport().play();
        until(vm, () -> vm.transport().getState() == ExperimentState.FINISHED);
        List<RunView> finished = vm.transport().getView().methods().get(0).seeds();
        Path file = dir.resolve("finished.json");
        assertTrue(vm.saveSession(file));

        assertTrue(other.openFile(file));
        until(other, () -> other.transport().getState() == ExperimentState.FINISHED);
        List<RunView> reopened = other.transport().getView().methods().get(0).seeds();
        for (int s = 0; s < 2; s++) {
            assertEquals(bits(finished.get(s).series()), bits(reopened.get(s).series()));
            assertEquals(finished.get(s).risk(), reopened.get(s).risk());
            assertEquals(300, reopened.get(s).iteration());
        }
        assertTrue(other.exploration().canBranchProperty().get());
        other.exploration().timeline().moveTo(150);
        String said = other.exploration().branch();
        assertTrue(said.startsWith("Branched"), said);
    }

    @Test
    void loadingAPresetCanBeUndoneAndTheEarlierRunsComeBackWhereTheyStopped() throws Exception {
        vm.parameters().load(SMALL, List.of());
        vm.transport().speedIndexProperty().set(Speed.STEPS.indexOf(5L));
        vm.transport().play();
        until(vm, () -> vm.transport().getView().iteration() >= 60);
        vm.transport().pause();
        Thread.sleep(300);
        until(vm, () -> true);
        List<Long> before = vm.transport().getView().methods().get(0).seeds().stream().map(RunView::iteration)
                .toList();

        vm.applyPreset(org.anilexplorer.io.PresetReader.load("teaching"));
        assertEquals(3, vm.parameters().getRequest().methods().size());
        assertTrue(vm.exploration().canUndoProperty().get(), "the preset load is one undo step");

        vm.exploration().undo();
        assertEquals(SMALL, vm.parameters().getParams(), "the panel before the preset");
        until(vm, () -> vm.transport().getView().methods().size() == 1 && vm.transport().getView().methods().get(0)
                .seeds().stream().map(RunView::iteration).toList().equals(before));
        assertEquals(ExperimentState.PAUSED, vm.transport().getState(), "the runs wait where they stopped");
        assertTrue(vm.exploration().canRedoProperty().get());
    }

    private static List<Long> bits(List<org.anilexplorer.core.metrics.Snapshot> series) {
        List<Long> out = new java.util.ArrayList<>();
        for (org.anilexplorer.core.metrics.Snapshot x : series) {
            out.add(x.iteration());
            for (double v : x.sv2Star()) {
                out.add(Double.doubleToRawLongBits(v));
            }
            out.add(Double.doubleToRawLongBits(x.trainingLoss()));
            out.add(Double.doubleToRawLongBits(x.distance()));
        }
        return out;
    }

    @Test
    void aSessionWithoutStatesOpensReadOnlyAndSaysSo() throws Exception {
        vm.parameters().load(SMALL, List.of());
        vm.transport().play();
        until(vm, () -> vm.transport().getView().iteration() >= 30);
        vm.transport().pause();
        Path file = dir.resolve("with-states.json");
        assertTrue(vm.saveSession(file));
        Session s = SessionCodec.read(file);
        Path older = dir.resolve("older.json");
        List<RecordedRun> plain = s.runs().stream().map(r -> new RecordedRun(r.label(), r.seed(), r.state(),
                r.reason(), r.snapshots(), r.risk())).toList();
        SessionCodec.writeSession(older, "t", "", "", s.preset().params(), s.preset().variants(Map.of()), plain);

        assertTrue(other.openFile(older));
        assertTrue(other.transport().getState().isTerminal(), "shown, not resumable");
        Message m = other.getMessage();
        assertTrue(m.text().contains("read-only") && m.text().contains("holds no states"), m.text());
        assertFalse(other.transport().getView().methods().isEmpty(), "its series are shown");

        // states that cannot continue under the file's parameters (an edited file: d changed) are not resumed
        Path edited = dir.resolve("edited.json");
        SessionCodec.writeSession(edited, "t", "", "", s.preset().params().with("d", "9"),
                List.of(new org.anilexplorer.core.run.Variant(s.runs().get(0).label(),
                        s.preset().params().with("d", "9"))), s.runs());
        assertTrue(other.openFile(edited));
        assertTrue(other.transport().getState().isTerminal(), "shown, not resumed");
        assertTrue(other.getMessage().text().contains("read-only"), other.getMessage().text());
    }
}
