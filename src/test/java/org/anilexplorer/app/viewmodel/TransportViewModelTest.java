package org.anilexplorer.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.anilexplorer.app.sim.FakeDriver;
import org.anilexplorer.core.params.ParamSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TransportViewModelTest {

    private static final long FRAME = 16_666_667L;

    private final ParametersViewModel params = new ParametersViewModel();
    private final List<FakeDriver> opened = new ArrayList<>();
    private final List<Runnable> pendingRestarts = new ArrayList<>();
    private final TransportViewModel vm = new TransportViewModel(r -> {
        FakeDriver d = new FakeDriver(r);
        opened.add(d);
        return d;
    }, params.requestProperty(), pendingRestarts::add);
    private long now;

    @AfterEach
    void close() {
        vm.close();
    }

    private FakeDriver live() {
        return opened.get(opened.size() - 1);
    }

    private boolean frame() {
        now += FRAME;
        return vm.onFrame(now);
    }

    @Test
    void playOpensAnExperimentWithThePanelsRequestAndRunsIt() {
        vm.play();
        assertEquals(1, opened.size());
        assertEquals(params.getRequest(), live().request);
        assertTrue(live().running);
        assertEquals(ExperimentState.RUNNING, vm.getState());
    }

    @Test
    void eachFrameRaisesTheLimitByTheSpeedSetting() {
        vm.speedIndexProperty().set(Speed.STEPS.indexOf(50L));
        vm.play();
        frame();
        assertEquals(50, live().limit);
        live().advance(50);
        frame();
        assertEquals(100, live().limit);
        vm.speedIndexProperty().set(Speed.STEPS.size() - 1);
        frame();
        assertEquals(Long.MAX_VALUE, live().limit);
    }

    @Test
    void aFrameWithoutANewViewChangesNothing() {
        vm.play();
        assertTrue(frame());
        var v = vm.getView();
        assertFalse(frame());
        assertSame(v, vm.getView());
        live().advance(3);
        assertTrue(frame());
        assertEquals(3, vm.iterationProperty().get());
    }

    @Test
    void pauseAndStep() {
        vm.play();
        vm.pause();
        assertFalse(live().running);
        assertEquals(ExperimentState.PAUSED, vm.getState());
        vm.step();
        assertEquals(1, live().stepped);
        frame();
        assertEquals(1, vm.iterationProperty().get());
        vm.togglePlay();
        assertTrue(live().running);
    }

    @Test
    void stepWhileRunningPausesFirst() {
        vm.play();
        vm.step();
        assertFalse(live().running);
        assertEquals(ExperimentState.PAUSED, vm.getState());
    }

    @Test
    void resetCancelsAndClears() {
        vm.play();
        live().advance(10);
        frame();
        FakeDriver d = live();
        vm.reset();
        assertTrue(d.cancelled);
        assertEquals(ExperimentState.READY, vm.getState());
        assertEquals(0, vm.iterationProperty().get());
        assertTrue(vm.getView().methods().isEmpty());
    }

    @Test
    void invalidParametersDisablePlayButNotPause() {
        params.field(ParamSpec.ALPHA).setText("-1");
        assertTrue(vm.playDisabledProperty().get());
        vm.play();
        assertTrue(opened.isEmpty());
        params.field(ParamSpec.ALPHA).setText("0.1");
        assertFalse(vm.playDisabledProperty().get());
        vm.play();
        params.field(ParamSpec.ALPHA).setText("x");
        assertFalse(vm.playDisabledProperty().get(), "a running experiment can still be paused");
    }

    @Test
    void editingDuringARunRestartsItAfterTheDebounce() {
        vm.play();
        FakeDriver first = live();
        params.field(ParamSpec.ALPHA).setText("0.2");
        params.field(ParamSpec.ALPHA).setText("0.25");
        assertEquals(1, opened.size(), "nothing restarts before the debounce fires");
        pendingRestarts.forEach(Runnable::run);
        // the experiment is changed in place: the one method (it inherits α) is replaced, once for the burst
        assertEquals(1, opened.size());
        assertSame(first, live());
        assertFalse(first.cancelled);
        assertEquals(1, first.updates.size(), "one restart for the burst of edits");
        assertEquals(1, first.updates.get(0).replaced().size());
        assertEquals(0.25, live().request.base().alpha());
        assertEquals(0.25, live().request.methods().get(0).params().alpha());
        assertTrue(live().running);
        assertEquals(ExperimentState.RUNNING, vm.getState());
    }

    @Test
    void editingWhilePausedRestartsPaused() {
        vm.play();
        vm.pause();
        params.field(ParamSpec.BETA).setText("0.05");
        pendingRestarts.forEach(Runnable::run);
        assertFalse(live().running);
        assertEquals(ExperimentState.PAUSED, vm.getState());
    }

    @Test
    void editingBeforeAnyRunStartsNothing() {
        params.field(ParamSpec.ALPHA).setText("0.2");
        pendingRestarts.forEach(Runnable::run);
        assertTrue(opened.isEmpty());
    }

    @Test
    void aFinishedExperimentEndsTheRunAndPlayStartsAFreshOne() {
        params.field(ParamSpec.ITERATIONS).setText("30");
        vm.play();
        live().advance(30);
        frame();
        assertEquals(ExperimentState.FINISHED, vm.getState());
        vm.play();
        assertEquals(2, opened.size());
    }

    @Test
    void aDivergenceIsReportedInPlainWords() {
        vm.play();
        live().advance(52);
        live().diverge("diverged at iteration 53: ‖B‖² exceeded 1e12");
        frame();
        assertEquals(ExperimentState.DIVERGED, vm.getState());
        assertTrue(vm.getProblem().startsWith("FO-ANIL diverged at iteration 53"), vm.getProblem());
        assertTrue(vm.getProblem().contains("exceeded"), vm.getProblem());
        assertTrue(vm.statusTextProperty().get().startsWith("t = 52"), vm.statusTextProperty().get());
    }

    @Test
    void theClockRunsOnlyWhilePlaying() {
        vm.play();
        for (int i = 0; i < 60; i++) {
            live().advance(10);
            frame();
        }
        long elapsed = vm.elapsedNanosProperty().get();
        assertEquals(60 * FRAME, elapsed, 2 * FRAME);
        assertEquals(600, vm.iterationsPerSecondProperty().get(), 30);
        vm.pause();
        for (int i = 0; i < 30; i++) {
            frame();
        }
        assertEquals(elapsed, vm.elapsedNanosProperty().get());
    }

    @Test
    void closeCancelsTheLiveExperimentAndJoinsIt() {
        vm.play();
        FakeDriver d = live();
        vm.close();
        assertTrue(d.closed);
    }

    @Test
    void prepareShowsIterationZeroAndPlayRunsThatExperiment() {
        vm.prepare();
        assertEquals(1, opened.size());
        assertFalse(live().running);
        assertEquals(ExperimentState.READY, vm.getState());
        frame();
        assertEquals(params.getRequest().methods().size(), vm.getView().methods().size());
        vm.play();
        assertEquals(1, opened.size(), "Play runs the prepared experiment");
        assertTrue(live().running);
    }

    @Test
    void editingAfterADivergenceRunsTheFixedExperiment() {
        vm.play();
        live().diverge("diverged at iteration 3: too large");
        frame();
        params.field(ParamSpec.ALPHA).setText("0.05");
        pendingRestarts.forEach(Runnable::run);
        assertEquals(1, opened.size(), "changed in place");
        assertEquals(1, live().updates.get(0).replaced().size(), "the diverged method runs again with the fix");
        assertTrue(live().running);
        assertEquals(ExperimentState.RUNNING, vm.getState());
    }
}
