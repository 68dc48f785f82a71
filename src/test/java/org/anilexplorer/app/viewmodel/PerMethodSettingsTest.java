package org.anilexplorer.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.anilexplorer.app.sim.ExperimentRequest;
import org.anilexplorer.app.sim.ResolvedMethod;
import org.anilexplorer.core.params.Algorithm;
import org.anilexplorer.core.params.ParamSpec;
import org.anilexplorer.core.params.Params;
import org.junit.jupiter.api.Test;

/** Every method overrides any key of the base, edited in place; its name says what differs; Vary makes families. */
class PerMethodSettingsTest {

    private final ParametersViewModel vm = new ParametersViewModel();

    private void teaching() {
        vm.load(Params.defaults().with("tasks", "inf").with("m_in", "10").with("alpha", "0.2"),
                List.of(new MethodVariant("FO-ANIL, infinite tasks", Map.of()),
                        new MethodVariant("FO-ANIL, N = 1000", Map.of("tasks", "1000")),
                        new MethodVariant("FO-ANIL, infinite samples", Map.of("m_in", "inf", "m_out", "inf"))));
    }

    @Test
    void selectingAMethodShowsItsValuesWithTheDifferencesMarked() {
        teaching();
        MethodEntry finite = vm.methods().get(1);
        vm.select(finite);
        assertEquals("1000", vm.field(ParamSpec.TASKS).getText());
        assertTrue(vm.field(ParamSpec.TASKS).differsFromBase());
        assertEquals("inf", vm.field(ParamSpec.TASKS).getBaseText());
        assertEquals("0.2", vm.field(ParamSpec.ALPHA).getText());
        assertFalse(vm.field(ParamSpec.ALPHA).differsFromBase());
        vm.selectBase();
        assertEquals("inf", vm.field(ParamSpec.TASKS).getText());
        assertFalse(vm.field(ParamSpec.TASKS).differsFromBase());
    }

    @Test
    void editingASelectedMethodChangesOnlyThatMethodAndRenamesIt() {
        teaching();
        ExperimentRequest before = vm.getRequest();
        MethodEntry finite = vm.methods().get(1);
        vm.select(finite);
        vm.field(ParamSpec.ALPHA).setText("0.1");
        ExperimentRequest after = vm.getRequest();
        assertEquals(before.base(), after.base(), "the base is untouched");
        assertEquals(before.methods().get(0), after.methods().get(0));
        assertEquals(before.methods().get(2), after.methods().get(2));
        assertEquals(0.1, after.methods().get(1).params().alpha());
        assertEquals("FO-ANIL, N = 1000, α = 0.1", finite.getDisplayName(),
                "the preset's name no longer describes it: the derived one does");
        assertTrue(finite.getDescription().contains("α = 0.1") && finite.getDescription().contains("base: 0.2"),
                finite.getDescription());
        assertFalse(finite.getDescription().contains("{"), "a sentence, not a raw map");

        vm.useBaseValue(ParamSpec.ALPHA);
        assertEquals(0.2, vm.getRequest().methods().get(1).params().alpha());
        assertEquals("0.2", vm.field(ParamSpec.ALPHA).getText());
        assertFalse(vm.field(ParamSpec.ALPHA).differsFromBase());
    }

    @Test
    void aBaseEditReachesOnlyTheMethodsThatInheritTheKeyAndNoLabelGoesStale() {
        teaching();
        ExperimentRequest before = vm.getRequest();
        vm.field(ParamSpec.TASKS).setText("2000");
        ExperimentRequest after = vm.getRequest();
        assertEquals(before.methods().get(1).params(), after.methods().get(1).params(), "sets its own N");
        assertEquals(2000, after.methods().get(0).params().tasks().get());
        assertEquals(2000, after.methods().get(2).params().tasks().get());
        assertEquals("FO-ANIL, N = 1000", after.methods().get(1).label(), "still true");
        assertEquals("FO-ANIL", after.methods().get(0).label(), "no longer 'infinite tasks'");
        assertEquals("FO-ANIL, m_in = ∞, m_out = ∞", after.methods().get(2).label());
    }

    @Test
    void typingIsCheckedAtOnceButAppliedOnlyWhenCommitted() {
        ExperimentRequest before = vm.getRequest();
        ParameterField mIn = vm.field(ParamSpec.M_IN);
        for (String typed : List.of("1", "10", "100")) {
            mIn.draftProperty().set(typed);
            assertSame(before, vm.getRequest(), "nothing applies per keystroke");
        }
        mIn.draftProperty().set("-");
        assertFalse(mIn.isValid());
        assertNull(vm.getRequest(), "a refused draft withholds the request (Play is refused)");
        mIn.draftProperty().set("100");
        assertSame(before, vm.getRequest(), "fixing the draft brings back the same request");
        mIn.commit();
        assertEquals(100, vm.getRequest().base().mIn().get());
    }

    @Test
    void varyReplacesAMethodByAFamilyWhoseMemberEqualToItKeepsItsSlot() {
        MethodEntry source = vm.methods().get(0);
        ResolvedMethod was = vm.getRequest().methods().get(0);
        assertTrue(vm.vary(source, ParamSpec.ALPHA, "0.05, 0.1, 0.2, 0.4").isEmpty());
        List<ResolvedMethod> family = vm.getRequest().methods();
        assertEquals(List.of("FO-ANIL, α = 0.05", "FO-ANIL, α = 0.1", "FO-ANIL, α = 0.2", "FO-ANIL, α = 0.4"),
                family.stream().map(ResolvedMethod::label).toList());
        assertEquals(List.of(0.05, 0.1, 0.2, 0.4), family.stream().map(m -> m.params().alpha()).toList());
        assertEquals(was.colourIndex(), family.get(1).colourIndex(), "α = 0.1 is the source, runs and all");
        assertEquals(was.params(), family.get(1).params());
        assertSame(source, vm.methods().get(1));
        for (int i = 0; i < 4; i++) {
            assertEquals(new ResolvedMethod.Shade(family.get(0).shade().family(), i, 4), family.get(i).shade());
        }
        assertEquals(4, family.stream().map(ResolvedMethod::colourIndex).distinct().count());
        assertNotEquals(org.anilexplorer.figure.Palette.method(0), vm.methods().get(0).rgb(),
                "a sequential colour, not the categorical one");
    }

    @Test
    void varyTakesARangeAndRefusesWithOneLine() {
        MethodEntry source = vm.methods().get(0);
        assertTrue(vm.vary(source, ParamSpec.ALPHA, "0.05:0.4:4 log").isEmpty());
        assertEquals(List.of(0.05, 0.1, 0.2, 0.4), vm.getRequest().methods().stream().map(m -> m.params().alpha())
                .toList());
        MethodEntry first = vm.methods().get(0);
        String problem = vm.vary(first, ParamSpec.M_IN, "5, -3").orElseThrow();
        assertTrue(problem.startsWith("m_in"), problem);
        assertEquals(4, vm.methods().size(), "a refused Vary changes nothing");
        assertTrue(vm.vary(first, ParamSpec.M_IN, "2:20:3").isEmpty());
        assertEquals(List.of(2, 11, 20), vm.methods().subList(0, 3).stream().map(m -> m.resolved().mIn().get())
                .toList());
    }

    @Test
    void addingEachAlgorithmToAnInfiniteTaskBaseGivesAValidMethod() {
        vm.field(ParamSpec.TASKS).setText("inf");
        vm.field(ParamSpec.M_IN).setText("inf");
        for (Algorithm a : Algorithm.values()) {
            MethodEntry m = vm.addAlgorithm(a);
            assertNotNull(m.resolved(), a + ": " + m.getError());
            assertEquals(a, m.resolved().algorithm());
        }
        assertNotNull(vm.getRequest());
    }

    @Test
    void twoMethodsWithTheSameSettingsAreToldApart() {
        vm.load(Params.defaults(), List.of(MethodVariant.asSet(), MethodVariant.asSet()));
        assertEquals(List.of("FO-ANIL", "FO-ANIL (2)"), vm.getRequest().methods().stream().map(ResolvedMethod::label)
                .toList());
    }
}
