package org.anilexplorer.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.anilexplorer.core.algo.DynamicsState;
import org.anilexplorer.core.params.Params;
import org.junit.jupiter.api.Test;

class CheckpointStoreTest {

    /** A checkpoint of t with a 1,000-number B (8,064 + 256 bytes by {@link RunCheckpoint#bytes()}). */
    private static RunCheckpoint at(String label, long t) {
        DynamicsState s = new DynamicsState("B,w", t, 1, Map.of(DynamicsState.B, new double[1000],
                DynamicsState.W, new double[0]));
        return new RunCheckpoint(label, 1, Params.defaults(), s, new RunCheckpoint.Cursor(t + 1, t + 1, t + 1, 1),
                List.of(), RiskSeries.EMPTY);
    }

    @Test
    void withinItsBudgetItKeepsEverythingAndCountsTheBytes() {
        long one = at("a", 0).bytes();
        CheckpointStore store = new CheckpointStore(10 * one);
        for (long t = 0; t <= 900; t += 100) {
            store.add(at("a", t));
        }
        assertEquals(10 * one, store.bytesUsed());
        assertEquals(List.of(0L, 100L, 200L, 300L, 400L, 500L, 600L, 700L, 800L, 900L), store.iterations("a", 1));
        assertEquals(400, store.atOrBefore("a", 1, 450).orElseThrow().iteration());
        assertEquals(400, store.atOrBefore("a", 1, 400).orElseThrow().iteration());
        assertTrue(store.atOrBefore("b", 1, 450).isEmpty());
        assertEquals(900, store.latest("a", 1).orElseThrow().iteration());
    }

    @Test
    void overItsBudgetItThinsToALogSpacedSetKeepingTheFirstAndTheNewest() {
        long one = at("a", 0).bytes();
        int keep = 24;
        CheckpointStore store = new CheckpointStore(keep * one);
        for (long t = 0; t <= 100_000; t += 10) {
            store.add(at("a", t));
            assertTrue(store.bytesUsed() <= store.budget(), "over budget at t = " + t);
        }
        List<Long> kept = store.iterations("a", 1);
        assertEquals(keep, kept.size());
        assertEquals(0L, kept.get(0));
        assertEquals(100_000L, kept.get(kept.size() - 1));
        // log-spaced: every ratio (t_{i+1}+1)/(t_i+1) beyond the first few is within a factor 2.5 of the geometric mean
        double mean = Math.pow(100_001.0 / 11, 1.0 / (keep - 2));
        for (int i = 2; i < kept.size() - 1; i++) {
            double ratio = (kept.get(i + 1) + 1.0) / (kept.get(i) + 1.0);
            assertTrue(ratio < 2.5 * mean && ratio > mean / 2.5, "ratio " + ratio + " at " + kept.get(i)
                    + " against a geometric " + mean + ": " + kept);
        }
    }

    @Test
    void theBudgetIsSharedAndTheRunHoldingMostGivesUpFirst() {
        long one = at("a", 0).bytes();
        CheckpointStore store = new CheckpointStore(6 * one);
        for (long t = 0; t < 5; t++) {
            store.add(at("a", t * 10));
        }
        store.add(at("b", 0));
        store.add(at("b", 10));
        assertEquals(6 * one, store.bytesUsed());
        assertEquals(4, store.iterations("a", 1).size());
        assertEquals(2, store.iterations("b", 1).size());
        store.remove("a", 1);
        assertEquals(2 * one, store.bytesUsed());
        assertEquals(List.of(new CheckpointStore.RunKey("b", 1)), store.runs());
    }

    @Test
    void theNewestStateIsKeptEvenBeyondTheBudget() {
        CheckpointStore store = new CheckpointStore(100);
        store.add(at("a", 0));
        store.add(at("a", 10));
        assertEquals(List.of(10L), store.iterations("a", 1));
        assertTrue(store.bytesUsed() > store.budget());
    }
}
