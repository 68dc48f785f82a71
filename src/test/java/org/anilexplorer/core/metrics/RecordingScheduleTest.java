package org.anilexplorer.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordingScheduleTest {

    /** Walks the schedule the way a run does: record 0, then jump from record to record with next(). */
    private static List<Long> walk(RecordingSchedule s, long last) {
        List<Long> out = new ArrayList<>();
        for (long t = 0; t <= last; t = s.next(t)) {
            out.add(t);
        }
        return out;
    }

    @Test
    void defaultScheduleIsDenseThenLogSpacedWithBoundedCount() {
        RecordingSchedule s = RecordingSchedule.DEFAULT;
        for (long last : new long[] {1_000, 100_000, 10_000_000}) {
            List<Long> records = walk(s, last);
            for (long t = 0; t <= s.dense(); t++) {
                assertEquals(t, records.get((int) t), "every iteration up to " + s.dense() + " is recorded");
            }
            for (int i = 1; i < records.size(); i++) {
                assertTrue(records.get(i) > records.get(i - 1), "strictly increasing");
            }
            // every integer up to t* = max(dense, 1/(ratio − 1)) (below t* consecutive log points are < 1 apart),
            // then perDecade per decade: ≈ t* + 1 + perDecade·log10(T/t*)
            double ratio = Math.pow(10, 1.0 / s.perDecade());
            double denseEnd = Math.max(s.dense(), 1 / (ratio - 1));
            double expected = denseEnd + 1 + s.perDecade() * Math.log10(last / denseEnd);
            assertEquals(expected, records.size(), 2.0, "count for T = " + last);
        }
    }

    @Test
    void logSpacedPointsHaveTheDeclaredRatio() {
        RecordingSchedule s = RecordingSchedule.DEFAULT;
        List<Long> records = walk(s, 1_000_000);
        double ratio = Math.pow(10, 1.0 / s.perDecade());
        for (int i = 150; i < records.size(); i++) {
            double step = (double) records.get(i) / records.get(i - 1);
            assertEquals(ratio, step, 2.0 / records.get(i - 1), "at " + records.get(i));
        }
        // every decade boundary beyond the dense part is itself a record
        for (long decade = 1_000; decade <= 1_000_000; decade *= 10) {
            assertTrue(records.contains(decade), "decade " + decade);
        }
    }

    @Test
    void recordsAgreesWithNext() {
        RecordingSchedule s = new RecordingSchedule(10, 7);
        List<Long> records = walk(s, 50_000);
        int idx = 0;
        for (long t = 0; t <= 50_000; t++) {
            boolean listed = idx < records.size() && records.get(idx) == t;
            assertEquals(listed, s.records(t), "t = " + t);
            if (listed) {
                idx++;
            }
        }
    }

    @Test
    void sparseSchedulesStillAdvance() {
        // more points per decade than integers: next() must still move forward by at least one
        RecordingSchedule s = new RecordingSchedule(1, 1000);
        List<Long> records = walk(s, 200);
        for (long t = 0; t <= 200; t++) {
            assertEquals(t, records.get((int) t));
        }
        assertThrows(IllegalArgumentException.class, () -> new RecordingSchedule(0, 10));
        assertThrows(IllegalArgumentException.class, () -> new RecordingSchedule(10, 0));
    }
}
