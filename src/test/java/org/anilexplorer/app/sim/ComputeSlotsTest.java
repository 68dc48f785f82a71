package org.anilexplorer.app.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The slots follow the window's frame rate: late frames withhold one slot at a time, prompt ones give it back. */
class ComputeSlotsTest {

    private static final long MS = 1_000_000L;

    /** Frames every {@code interval} ms for {@code millis} ms from {@code start}; returns the time of the last. */
    private static long frames(ComputeSlots slots, long start, long interval, long millis) {
        long t = start;
        for (long elapsed = 0; elapsed <= millis; elapsed += interval) {
            t = start + elapsed * MS;
            slots.frame(t);
        }
        return t;
    }

    @Test
    void lateFramesWithholdOneSlotAtATimeKeepingOneAndPromptFramesGiveThemBack() {
        ComputeSlots slots = new ComputeSlots(4);
        long t = frames(slots, 0, 16, 2000);
        assertEquals(4, slots.available(), "frames on time at 60 Hz: every slot computes");
        assertEquals(3, slots.weightOf(3));

        t = frames(slots, t + 100 * MS, 100, 600);
        assertEquals(3, slots.available(), "one judgement of late frames withholds one slot");
        t = frames(slots, t + 100 * MS, 100, 5000);
        assertEquals(1, slots.available(), "late frames withhold down to one slot, never all");
        assertEquals(1, slots.weightOf(4), "a run of several threads then takes the one slot left");

        t = frames(slots, t + 16 * MS, 16, 1100);
        int back = slots.available();
        assertTrue(back > 1 && back < 4, "prompt frames give one slot back per judgement, " + back);
        frames(slots, t + 16 * MS, 16, 5000);
        assertEquals(4, slots.available());
    }

    @Test
    void framesAtThirtyHertzNeitherWithholdNorGiveBackAndAPauseInFramesIsNoLateFrame() {
        ComputeSlots slots = new ComputeSlots(2);
        long t = frames(slots, 0, 28, 3000);
        assertEquals(2, slots.available(), "between prompt and late: unchanged");
        slots.frame(t + 5000 * MS); // paused for five seconds, then frames again
        frames(slots, t + 5016 * MS, 16, 1000);
        assertEquals(2, slots.available());
    }
}
