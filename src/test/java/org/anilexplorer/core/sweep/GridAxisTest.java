package org.anilexplorer.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GridAxisTest {

    @Test
    void listKeepsTheValuesAsWritten() {
        GridAxis a = GridAxis.parse("tasks=100,1000,inf");
        assertEquals("tasks", a.key());
        assertEquals(List.of("100", "1000", "inf"), a.values());
        assertFalse(a.log());
        assertFalse(a.isNumeric(), "inf cannot be placed on a numeric axis");
    }

    @Test
    void linearRangeIncludesBothEndsAndReadsCleanly() {
        GridAxis a = GridAxis.parse("alpha=0.1:1:10");
        assertEquals(List.of("0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9", "1"), a.values());
        assertTrue(a.isNumeric());
    }

    @Test
    void logRangeIsGeometricAndMarkedLog() {
        GridAxis a = GridAxis.parse("beta=0.01:1:5:log");
        assertTrue(a.log());
        assertEquals(List.of("0.01", "0.03162", "0.1", "0.3162", "1"), a.values());
        for (int i = 1; i < a.size() - 1; i++) {
            double ratio = a.numeric(i + 1) / a.numeric(i);
            assertEquals(Math.sqrt(10), ratio, 1e-3 * Math.sqrt(10));
        }
    }

    @Test
    void integerKeysAreRoundedAndRepeatsDropped() {
        GridAxis a = GridAxis.parse("m_in=1:4:7");
        assertEquals(List.of("1", "2", "3", "4"), a.values(), "1, 1.5, 2, … rounds to whole sample counts");
        assertEquals(List.of("10", "32", "100", "316", "1000"), GridAxis.parse("tasks=10:1000:5:log").values());
    }

    @Test
    void badEntriesAreRefusedWithTheEntryNamed() {
        assertMessage("--grid alfa=1,2: unknown parameter 'alfa'", "alfa=1,2");
        assertMessage("--grid seeds=1:4:4: seeds cannot be swept; use --seeds N", "seeds=1:4:4");
        assertMessage("--grid alpha=0:1:0: count must be an integer in [1, 1000], got 0", "alpha=0:1:0");
        assertMessage("--grid alpha=0:1:3:log: a log range needs start > 0 and stop > 0", "alpha=0:1:3:log");
        assertMessage("--grid alpha=0:1:3: value 0: alpha: must be a number in [", "alpha=0:1:3");
        assertMessage("--grid alpha=0.1:x:3: stop must be a finite number, got 'x'", "alpha=0.1:x:3");
        assertMessage("--grid alpha: expected KEY=V1,V2,…", "alpha");
        assertMessage("--grid alpha=0.1,0.1: value 0.1 is listed twice", "alpha=0.1,0.1");
        assertMessage("--grid alpha=0.1:1:4:lin: the fourth part may only be 'log'", "alpha=0.1:1:4:lin");
    }

    private static void assertMessage(String expectedStart, String spec) {
        SweepException e = assertThrows(SweepException.class, () -> GridAxis.parse(spec));
        assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void gridCellsAreRowMajorWithTheLastKeyFastest() {
        SweepGrid g = SweepGrid.parse(List.of("alpha=0.1,0.2", "m_in=5,10,20"));
        assertEquals(6, g.cellCount());
        assertEquals(java.util.Map.of("alpha", "0.1", "m_in", "20"), g.settings(2));
        assertEquals(java.util.Map.of("alpha", "0.2", "m_in", "5"), g.settings(3));
        for (int cell = 0; cell < g.cellCount(); cell++) {
            assertEquals(cell, g.cell(g.coordinates(cell)));
        }
        assertThrows(SweepException.class, () -> SweepGrid.parse(List.of("alpha=0.1", "alpha=0.2")));
    }
}
