package org.anilexplorer.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.anilexplorer.app.sim.FakeDriver;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.run.DynamicsSource;
import org.anilexplorer.core.sweep.GridAxis;
import org.anilexplorer.io.PresetReader;
import org.junit.jupiter.api.Test;

/** The Sweep view's model without a window: its grid text, preset set-up, validation and a cell's overrides. */
class SweepViewModelTest {

    private final MainViewModel main = new MainViewModel(r -> new FakeDriver(r), Runnable::run);
    private final SweepViewModel vm = new SweepViewModel(main, DynamicsSource.FACTORY, 2, Runnable::run);

    @Test
    void anAxisIsWrittenBackAsTheRangeThatGivesExactlyItsValues() {
        for (String spec : List.of("alpha=0.1:2.4:10:log", "m_in=2,5,20,80,inf", "tasks=100:3200:6:log", "beta=0.05,0.2,40",
                "alpha=0.1:0.3:3")) {
            GridAxis a = GridAxis.parse(spec);
            GridAxis back = GridAxis.parse(a.key() + "=" + SweepViewModel.valuesText(a));
            assertEquals(a, back, spec + " → " + SweepViewModel.valuesText(a));
        }
        assertEquals("0.1:2.4:10:log", SweepViewModel.valuesText(GridAxis.parse("alpha=0.1:2.4:10:log")));
        assertEquals("2,5,20,80,inf", SweepViewModel.valuesText(GridAxis.parse("m_in=2,5,20,80,inf")));
    }

    @Test
    void aSweepPresetSetsTheViewUpAndAPlainPresetDoesNot() {
        assertTrue(vm.setUp(PresetReader.load("sweep-stability")));
        assertEquals("alpha", vm.firstKeyProperty().get());
        assertEquals("0.1:2.4:10:log", vm.firstValuesProperty().get());
        assertEquals("m_in", vm.secondKeyProperty().get());
        assertEquals("2,5,20,80,inf", vm.secondValuesProperty().get());
        assertEquals(2, vm.seedsProperty().get());
        assertEquals("sv2_star_min", vm.metricProperty().get());
        assertEquals("", vm.problemProperty().get());

        assertTrue(vm.setUp(PresetReader.load("sweep-tasks")));
        assertEquals("tasks", vm.firstKeyProperty().get());
        assertEquals("", vm.secondKeyProperty().get(), "one key: curves");
        assertEquals("sv2_perp_max", vm.metricProperty().get());

        assertFalse(vm.setUp(PresetReader.load("teaching")));
    }

    @Test
    void aBadGridIsRefusedWithTheCommandLinesOneLineMessage() {
        vm.firstValuesProperty().set("0.1:x:3");
        assertTrue(vm.problemProperty().get().startsWith("--grid alpha=0.1:x:3: stop must be a finite number"),
                vm.problemProperty().get());
        assertFalse(vm.start());
        vm.firstValuesProperty().set("0.1:0.3:3");
        vm.secondKeyProperty().set("seed");
        assertTrue(vm.problemProperty().get().contains("seed cannot be swept"), vm.problemProperty().get());
        vm.secondKeyProperty().set("");
        assertEquals("", vm.problemProperty().get());
    }

    @Test
    void aCellsOverridesAreEveryParameterItsRunChanges() {
        Params panel = Params.defaults();
        Params cell = panel.withAll(Map.of("alpha", "0.3", "tasks", "inf"));
        Map<String, String> o = SweepCells.overrides(panel, cell);
        assertEquals(Map.of("alpha", "0.3", "tasks", "inf"), o);
        assertEquals(cell, panel.withAll(o));
        assertEquals(Map.of(), SweepCells.overrides(panel, panel));
    }

    @Test
    void timeLeftIsTheIterationsLeftAtTheRateSoFar() {
        var p = new org.anilexplorer.core.run.ExperimentProgress(1_000, 4_000, 100, java.time.Duration.ofSeconds(10), 1, 4);
        assertEquals("about 0:30 left", SweepViewModel.eta(p));
        var none = new org.anilexplorer.core.run.ExperimentProgress(0, 4_000, 0, java.time.Duration.ZERO, 0, 4);
        assertEquals("time left: measuring…", SweepViewModel.eta(none));
        assertEquals("1:01:05", SweepViewModel.clock(3665));
    }
}
