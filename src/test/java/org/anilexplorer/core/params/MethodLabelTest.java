package org.anilexplorer.core.params;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Method names say what differs from the base, with the paper's symbols. */
class MethodLabelTest {

    private final Params base = Params.defaults();

    @Test
    void theBaseItselfIsNamedAfterItsAlgorithm() {
        assertEquals("FO-ANIL", MethodLabel.of(base, base));
    }

    @Test
    void onlyTheAlgorithmDiffering() {
        assertEquals("FO-MAML", MethodLabel.of(base, base.with("algorithm", "fo-maml")));
    }

    @Test
    void eachDifferenceIsNamedInSpecOrderWithItsSymbol() {
        Params p = base.with("alpha", "0.2").with("tasks", "inf").with("fresh_tasks", "false");
        assertEquals("FO-ANIL, N = ∞, α = 0.2", MethodLabel.of(base, p));
        assertEquals(List.of(ParamSpec.TASKS, ParamSpec.ALPHA), MethodLabel.differences(base, p));
        assertEquals("FO-ANIL, fresh_tasks = true", MethodLabel.of(base, base.with("fresh_tasks", "true")));
    }

    @Test
    void aVariedKeyIsNamedEvenWhereItEqualsTheBase() {
        assertEquals("FO-ANIL, α = 0.1", MethodLabel.of(base, base, Set.of(ParamSpec.ALPHA)));
        assertEquals("FO-MAML, α = 0.4", MethodLabel.of(base, base.with("algorithm", "fo-maml").with("alpha", "0.4"),
                Set.of(ParamSpec.ALPHA)));
    }
}
