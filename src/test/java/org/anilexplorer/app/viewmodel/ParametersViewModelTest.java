package org.anilexplorer.app.viewmodel;

import org.anilexplorer.app.sim.ExperimentRequest;
import org.anilexplorer.app.sim.ResolvedMethod;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.anilexplorer.core.params.Algorithm;
import org.anilexplorer.core.params.ParamSpec;
import org.anilexplorer.core.params.Params;
import org.junit.jupiter.api.Test;

class ParametersViewModelTest {

    private final ParametersViewModel vm = new ParametersViewModel();

    @Test
    void startsValidOnTheDefaults() {
        assertTrue(vm.isValid());
        assertEquals(Params.defaults(), vm.getParams());
        assertEquals(1, vm.getRequest().methods().size());
    }

    @Test
    void everyKeyHasAFieldInExactlyOneGroup() {
        EnumSet<ParamSpec> seen = EnumSet.noneOf(ParamSpec.class);
        for (ParameterGroup g : ParameterGroup.values()) {
            for (ParamSpec s : g.keys()) {
                assertTrue(seen.add(s), s + " is in two groups");
            }
        }
        assertEquals(EnumSet.allOf(ParamSpec.class), seen);
        assertEquals(ParamSpec.values().length, vm.fields().size());
    }

    @Test
    void labelAndTooltipComeFromTheSpec() {
        ParameterField alpha = vm.field(ParamSpec.ALPHA);
        assertTrue(alpha.label().startsWith("α"), alpha.label());
        assertTrue(alpha.tooltip().contains(ParamSpec.ALPHA.allowed()));
        assertTrue(alpha.tooltip().toLowerCase().contains(ParamSpec.ALPHA.meaning().toLowerCase()));
    }

    @Test
    void typingAnOutOfRangeValueMarksTheFieldAndBlocksTheRequest() {
        vm.field(ParamSpec.D).setText("1");
        assertFalse(vm.isValid());
        assertNull(vm.getRequest());
        String error = vm.field(ParamSpec.D).getError();
        assertTrue(error.contains("[2, 2000]"), error);
        vm.field(ParamSpec.D).setText("30");
        assertTrue(vm.isValid());
        assertEquals(30, vm.getParams().d());
    }

    @Test
    void aCrossFieldErrorLandsOnTheFieldTheCoreNames() {
        vm.field(ParamSpec.D).setText("5");
        vm.field(ParamSpec.K).setText("5");
        vm.field(ParamSpec.K_PRIME).setText("5");
        assertFalse(vm.field(ParamSpec.K).isValid());
        assertTrue(vm.field(ParamSpec.D).isValid());
        assertTrue(vm.field(ParamSpec.K).getError().contains("[1, 4]"), vm.field(ParamSpec.K).getError());
    }

    @Test
    void warningsAreShownWithoutBlocking() {
        vm.field(ParamSpec.BETA).setText("0.5");
        assertTrue(vm.isValid());
        assertTrue(vm.warnings().stream().anyMatch(w -> w.contains("β ≤ α")), vm.warnings().toString());
        vm.field(ParamSpec.BETA).setText("0.05");
        assertTrue(vm.warnings().stream().noneMatch(w -> w.contains("β ≤ α")));
    }

    @Test
    void loadShowsEveryValueInItsField() {
        Params p = Params.defaults().with("d", "50").with("tasks", "inf").with("alpha", "0.25");
        vm.load(p, List.of());
        assertEquals("50", vm.field(ParamSpec.D).getText());
        assertEquals("inf", vm.field(ParamSpec.TASKS).getText());
        assertEquals(p, vm.getParams());
    }

    @Test
    void comparedMethodsResolveAgainstThePanelAndKeepTheirColourSlot() {
        vm.load(Params.defaults(), List.of(new MethodVariant("FO-ANIL", Map.of()),
                new MethodVariant("FO-MAML", Map.of("algorithm", "fo-maml")),
                new MethodVariant("inf samples", Map.of("m_in", "inf", "m_out", "inf"))));
        ExperimentRequest r = vm.getRequest();
        assertEquals(3, r.methods().size());
        assertEquals(Algorithm.FO_MAML, r.methods().get(1).params().algorithm());
        assertTrue(r.methods().get(2).params().mIn().infinite());

        vm.methods().get(1).setIncluded(false);
        assertEquals(r, vm.getRequest(), "unticking only hides a method: its runs go on");
        vm.removeMethod(vm.methods().get(1));
        r = vm.getRequest();
        assertEquals(List.of("FO-ANIL", "inf samples"), r.methods().stream().map(ResolvedMethod::label).toList());
        assertEquals(2, r.methods().get(1).colourIndex(), "the others keep their slot (and colour)");

        vm.field(ParamSpec.ALPHA).setText("0.3");
        assertEquals(0.3, vm.getRequest().methods().get(1).params().alpha());
    }

    @Test
    void anInvalidComparedMethodBlocksTheRunAndSaysWhy() {
        vm.addAlgorithm(Algorithm.FO_MAML); // N = 1000 in the base: FO-MAML inherits it
        MethodEntry maml = vm.methods().get(1);
        assertEquals("", maml.getError());
        vm.selectBase();
        vm.field(ParamSpec.TASKS).setText("inf"); // FO-MAML is defined for finite N only
        assertTrue(maml.getError().contains("tasks"), maml.getError());
        assertNull(vm.getRequest());
        assertFalse(vm.generalErrorProperty().get().isEmpty());
        vm.removeMethod(maml);
        assertNotNull(vm.getRequest());
    }

    @Test
    void addingAnAlgorithmThatNeedsFiniteTasksWhileNIsInfiniteGivesItTheDefaultN() {
        vm.field(ParamSpec.TASKS).setText("inf");
        MethodEntry maml = vm.addAlgorithm(Algorithm.FO_MAML);
        assertEquals("", maml.getError());
        assertEquals(ParamSpec.TASKS.defaultText(), maml.overrides().get("tasks"), "the core's default N");
        assertEquals(Algorithm.FO_MAML, maml.resolved().algorithm());
        assertEquals("FO-MAML, N = " + ParamSpec.TASKS.defaultText(), maml.getDisplayName());
        assertNotNull(vm.getRequest());
        assertEquals(2, vm.getRequest().methods().size());
        assertEquals(maml, vm.getSelected(), "the new method is shown in the panel");
        assertEquals(ParamSpec.TASKS.defaultText(), vm.field(ParamSpec.TASKS).getText());
        assertTrue(vm.field(ParamSpec.TASKS).differsFromBase());
        assertEquals("inf", vm.field(ParamSpec.TASKS).getBaseText());
    }

    @Test
    void untickingEveryMethodOnlyHidesThem() {
        ExperimentRequest before = vm.getRequest();
        vm.methods().get(0).setIncluded(false);
        assertEquals(before, vm.getRequest(), "nothing to restart: the runs go on, hidden");
        assertTrue(vm.generalErrorProperty().get().isEmpty());
    }

    @Test
    void theAsSetMethodIsNamedAfterThePanelsAlgorithm() {
        assertEquals(Algorithm.FO_ANIL.label(), vm.methods().get(0).getDisplayName());
        vm.field(ParamSpec.ALGORITHM).setText("fo-maml");
        assertEquals(Algorithm.FO_MAML.label(), vm.methods().get(0).getDisplayName());
    }
}
