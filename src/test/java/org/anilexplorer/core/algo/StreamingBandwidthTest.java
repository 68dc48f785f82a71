package org.anilexplorer.core.algo;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The streaming probe behind the floor: it refuses nonsense, and both ways of timing it give a finite, positive rate
 * (the probe checks its own sum, so a pass the compiler dropped or cut short would throw). No rate is asserted:
 * speed is a benchmark's business, not a test's.
 */
class StreamingBandwidthTest {

    @Test
    void refusesNoThreadsOrNoPasses() {
        assertThrows(IllegalArgumentException.class, () -> StreamingBandwidth.measure(0, 1));
        assertThrows(IllegalArgumentException.class, () -> StreamingBandwidth.measure(1, 0));
    }

    @Test
    void parallelPassesAndSingleProbePassesGiveARate() {
        StreamingBandwidth.Result r = StreamingBandwidth.measure(2, 1, System::nanoTime);
        assertTrue(r.bytesPerSecond() > 0 && Double.isFinite(r.bytesPerSecond()), "wall-clock rate " + r);
        StreamingBandwidth.Probe probe = new StreamingBandwidth.Probe();
        double first = probe.secondsPerByte(System::nanoTime);
        double second = probe.secondsPerByte(System::nanoTime);
        assertTrue(first > 0 && Double.isFinite(first), "seconds per byte " + first);
        assertTrue(second > 0 && Double.isFinite(second), "seconds per byte " + second);
    }
}
