package org.anilexplorer.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import org.anilexplorer.core.run.ExperimentListener;
import org.anilexplorer.core.run.ExperimentProgress;

/**
 * A one-line progress bar on stderr, redrawn in place on a terminal; elsewhere (when forced with
 * {@code --progress}) a plain line every few seconds, so logs stay readable.
 */
final class ProgressBar implements ExperimentListener {

    private static final int WIDTH = 30;
    private static final long PLAIN_EVERY_NANOS = 5_000_000_000L;

    private final PrintWriter err;
    private final boolean terminal;
    private long lastPlain;
    private boolean finished;

    ProgressBar(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public synchronized void onProgress(ExperimentProgress p) {
        if (finished) {
            return;
        }
        draw(p);
    }

    /** Draws the final state and ignores later reports, so the bar never prints after the caller's own output. */
    synchronized void finish(ExperimentProgress p) {
        if (!finished) {
            draw(p);
            if (terminal && !p.done()) {
                err.println();
                err.flush();
            }
            finished = true;
        }
    }

    private void draw(ExperimentProgress p) {
        String line = line(p);
        if (terminal) {
            err.print("\r" + line);
            if (p.done()) {
                err.println();
            }
        } else {
            long now = System.nanoTime();
            if (p.done() || now - lastPlain >= PLAIN_EVERY_NANOS) {
                err.println(line);
                lastPlain = now;
            }
        }
        err.flush();
    }

    static String line(ExperimentProgress p) {
        int filled = (int) Math.round(p.fractionDone() * WIDTH);
        return String.format(Locale.ROOT, "[%s%s] %3d%%  %,d/%,d it  %,.0f it/s  %s  runs %d/%d",
                "#".repeat(filled), ".".repeat(WIDTH - filled), Math.round(100 * p.fractionDone()), p.iterations(),
                p.targetIterations(), p.iterationsPerSecond(), clock(p.elapsed()), p.runsDone(), p.runsTotal());
    }

    static String clock(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
