package org.anilexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.anilexplorer.core.run.ExperimentProgress;
import org.junit.jupiter.api.Test;

/** A long run is announced once, after its speed is measured; a short one never. */
class LongRunNoticeTest {

    private static ExperimentProgress at(long seconds, double secondsLeft) {
        return new ExperimentProgress(1_000, 1_000_000, 100, Duration.ofSeconds(seconds), 0, 3, secondsLeft);
    }

    @Test
    void saysOnceHowLongALongRunWillTake() {
        StringWriter text = new StringWriter();
        LongRunNotice notice = new LongRunNotice(new ProgressBar(new PrintWriter(text, true), false), 3, 2);
        notice.onProgress(at(2, 1e6)); // too early: the speed is not measured yet
        assertEquals("", text.toString());
        notice.onProgress(at(10, 6 * 86400 - 10));
        notice.onProgress(at(11, 6 * 86400 - 11));
        assertEquals("estimate: about 6.0 days in all for 3 run(s) (1,000,000 iterations) on 2 core(s), from the "
                + "first 10 s; Ctrl-C stops and keeps what is done" + System.lineSeparator(), text.toString());
    }

    @Test
    void staysQuietForShortRuns() {
        StringWriter text = new StringWriter();
        LongRunNotice notice = new LongRunNotice(new ProgressBar(new PrintWriter(text, true), false), 1, 2);
        notice.onProgress(at(10, 30));
        notice.onProgress(at(20, 5_000)); // said nothing once, and does not come back to it
        assertEquals("", text.toString());
    }
}
