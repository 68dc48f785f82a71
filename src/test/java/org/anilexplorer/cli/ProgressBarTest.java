package org.anilexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.anilexplorer.core.run.ExperimentProgress;
import org.junit.jupiter.api.Test;

/** What the progress output says: iterations, speed, elapsed time and time left, as a bar or as plain lines. */
class ProgressBarTest {

    private static final ExperimentProgress HALF = new ExperimentProgress(5_000, 10_000, 250, Duration.ofSeconds(20),
            1, 3, 75);

    @Test
    void theLineSaysIterationsSpeedElapsedAndTimeLeft() {
        assertEquals("5,000/10,000 it  250 it/s  0:20  ETA 1:15  runs 1/3", ProgressBar.line(HALF));
        assertEquals("[###############...............]  50%  5,000/10,000 it  250 it/s  0:20  ETA 1:15  runs 1/3",
                ProgressBar.bar(HALF));
        ExperimentProgress unknown = new ExperimentProgress(0, 10, 0, Duration.ZERO, 0, 1);
        assertTrue(ProgressBar.line(unknown).contains("ETA ?"), ProgressBar.line(unknown));
        assertEquals("3:25:45", ProgressBar.clock(Duration.ofSeconds(3 * 3600 + 25 * 60 + 45)));
        assertEquals("6.2 days", ProgressBar.words(Duration.ofHours(149)));
        assertEquals("12 min", ProgressBar.words(Duration.ofMinutes(12)));
    }

    @Test
    void aTerminalGetsABarRedrawnInPlace() {
        StringWriter text = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(text, true), true);
        bar.onProgress(HALF);
        bar.finish(HALF);
        bar.onProgress(HALF); // after finish: ignored
        assertEquals("\r" + ProgressBar.bar(HALF) + "\r" + ProgressBar.bar(HALF) + System.lineSeparator(), text.toString());
    }

    @Test
    void elsewhereALineEveryTenSecondsAndNothingBefore() throws Exception {
        StringWriter text = new StringWriter();
        ProgressBar lines = new ProgressBar(new PrintWriter(text, true), false);
        lines.onProgress(HALF);
        assertEquals("", text.toString(), "the first line comes after 10 s, so short commands stay quiet");
        assertEquals(10, ProgressBar.PLAIN_EVERY_SECONDS);
    }
}
