package org.anilexplorer.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.anilexplorer.core.params.Params;
import org.junit.jupiter.api.Test;

/** The compare list's names follow the parameters, and an invalid field being edited does not relabel anything. */
class MethodEntryTest {

    @Test
    void asSetEntryIsNamedAfterItsAlgorithmAndKeepsTheNameWhileThePanelIsInvalid() {
        MethodEntry entry = new MethodEntry(MethodVariant.asSet());
        entry.resolve(null);
        assertEquals("As set", entry.getDisplayName(), "before any valid parameters");
        entry.resolve(Params.defaults());
        assertEquals(Params.defaults().algorithm().label(), entry.getDisplayName());
        entry.resolve(null); // e.g. beta = -1 typed in the panel
        assertEquals(Params.defaults().algorithm().label(), entry.getDisplayName());
        assertNull(entry.resolved());
        entry.resolve(Params.defaults().with("algorithm", "fo-maml"));
        assertEquals("FO-MAML", entry.getDisplayName());
    }

    @Test
    void labelledEntryKeepsItsLabel() {
        MethodEntry entry = new MethodEntry(new MethodVariant("Burer–Monteiro", Map.of("algorithm", "burer-monteiro")));
        entry.resolve(null);
        assertEquals("Burer–Monteiro", entry.getDisplayName());
        entry.resolve(Params.defaults());
        assertEquals("Burer–Monteiro", entry.getDisplayName());
        assertEquals("burer-monteiro", entry.resolved().algorithm().key());
    }
}
