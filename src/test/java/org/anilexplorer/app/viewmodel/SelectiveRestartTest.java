package org.anilexplorer.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.anilexplorer.app.sim.FakeLauncher;
import org.anilexplorer.core.params.Algorithm;
import org.anilexplorer.core.params.ParamSpec;
import org.anilexplorer.core.params.Params;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A committed change restarts only the methods it reaches; everything else keeps running with its t. */
class SelectiveRestartTest {

    private static final long FRAME = 16_666_667L;

    private final FakeLauncher launcher = new FakeLauncher();
    private final List<Runnable> pending = new ArrayList<>();
    private final MainViewModel vm = new MainViewModel(launcher, pending::add);
    private final List<RunReplacement> replaced = new ArrayList<>();
    private long now;

    @BeforeEach
    void threeMethodsAt500() {
        vm.parameters().load(Params.defaults().with("iterations", "20000"),
                List.of(new MethodVariant("", Map.of()), new MethodVariant("", Map.of("alpha", "0.2")),
                        new MethodVariant("", Map.of("beta", "0.05"))));
        vm.transport().addRunReplacementListener(replaced::add);
        vm.transport().play();
        launcher.live().advance(500);
        frame();
    }

    @AfterEach
    void close() {
        vm.close();
    }

    private void frame() {
        now += FRAME;
        vm.onFrame(now);
    }

    private void applyPending() {
        List<Runnable> due = List.copyOf(pending);
        pending.clear();
        due.forEach(Runnable::run);
        frame();
    }

    private long t(int slot) {
        return launcher.live().iterationOf(slot);
    }

    @Test
    void editingOneMethodRestartsOnlyIt() {
        ParametersViewModel p = vm.parameters();
        p.select(p.methods().get(1));
        p.field(ParamSpec.ALPHA).setText("0.3");
        applyPending();
        assertEquals(1, launcher.opened.size(), "no new experiment");
        assertEquals(0, t(1), "the edited method starts again");
        assertEquals(500, t(0));
        assertEquals(500, t(2));
        assertEquals(1, replaced.size());
        assertEquals(0.2, replaced.get(0).previous().method().params().alpha(), "the event carries the old run");
        assertEquals(500, replaced.get(0).previous().iteration());
        assertEquals(0.3, replaced.get(0).replacement().params().alpha());
        assertEquals(ExperimentState.RUNNING, vm.transport().getState());
        assertEquals(500, vm.transport().iterationProperty().get(), "the experiment's t is not set back");
    }

    @Test
    void aBaseEditRestartsTheMethodsThatInheritTheKey() {
        vm.parameters().field(ParamSpec.ALPHA).setText("0.15");
        applyPending();
        assertEquals(0, t(0));
        assertEquals(500, t(1), "sets its own α");
        assertEquals(0, t(2));
        assertEquals(2, replaced.size());
    }

    @Test
    void addingAMethodStartsOnlyIt() {
        vm.parameters().addAlgorithm(Algorithm.FO_MAML);
        applyPending();
        assertEquals(1, launcher.opened.size());
        assertEquals(List.of(500L, 500L, 500L, 0L), List.of(t(0), t(1), t(2), t(3)));
        assertTrue(replaced.isEmpty());
        assertEquals(4, vm.transport().getView().methods().size());
    }

    @Test
    void hidingAMethodStartsNothing() {
        vm.parameters().methods().get(2).setIncluded(false);
        applyPending();
        assertTrue(launcher.live().updates.isEmpty(), "nothing restarts");
        assertFalse(vm.charts().isShown(vm.transport().getView().methods().get(2)), "it is hidden in the charts");
        vm.charts().setShown(2, true);
        assertTrue(vm.parameters().methods().get(2).isIncluded(), "the legend chip and the tick are one setting");
    }

    @Test
    void hidingAfterTheRunFinishedStartsNothing() {
        launcher.live().advance(20_000);
        frame();
        assertEquals(ExperimentState.FINISHED, vm.transport().getState());
        vm.parameters().methods().get(0).setIncluded(false);
        applyPending();
        assertEquals(1, launcher.opened.size());
        assertTrue(launcher.live().updates.isEmpty());
        assertEquals(ExperimentState.FINISHED, vm.transport().getState());
    }

    @Test
    void aPausedExperimentStaysPausedWithItsT() {
        vm.transport().pause();
        vm.parameters().field(ParamSpec.BETA).setText("0.2"); // reaches methods 0 and 1
        applyPending();
        assertEquals(ExperimentState.PAUSED, vm.transport().getState());
        assertFalse(launcher.live().running);
        assertEquals(500, t(2));
        assertEquals(500, vm.transport().iterationProperty().get());
        assertTrue(vm.transport().statusTextProperty().get().startsWith("t = 500"),
                vm.transport().statusTextProperty().get());
    }

    @Test
    void aRelabelOnlyChangeKeepsEveryRunAndTheLegendFollows() {
        ParametersViewModel p = vm.parameters();
        p.field(ParamSpec.ALPHA).setText("0.2"); // method 1's own α now equals the base: only its name changes
        applyPending();
        assertEquals(500, t(1));
        assertEquals("FO-ANIL (2)", vm.transport().getView().methods().get(1).label(),
                "the same settings as method 0 now: told apart, and the legend is current");
    }
}
