package org.anilexplorer.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import org.anilexplorer.core.run.ExperimentListener;
import org.anilexplorer.core.run.ExperimentProgress;

/**
 * Progress on stderr: on a terminal a bar redrawn in place with the time left; elsewhere (a log, a pipe, a batch
 * job) a plain line every {@value #PLAIN_EVERY_SECONDS} s with the iteration, speed and time left, so a long job is
 * never silent and logs stay readable.
 */
final class ProgressBar implements ExperimentListener {

    static final long PLAIN_EVERY_SECONDS = 10;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean terminal;
    private long lastPlain = System.nanoTime();
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
        if (terminal) {
            err.print("\r" + bar(p));
            err.flush();
        } else {
            long now = System.nanoTime();
            if (now - lastPlain >= PLAIN_EVERY_SECONDS * 1_000_000_000L && !p.done()) {
                err.println("progress: " + line(p));
                err.flush();
                lastPlain = now;
            }
        }
    }

    /** A whole line among the progress output (on a terminal it replaces the bar, which is redrawn at the next tick). */
    synchronized void message(String line) {
        if (terminal) {
            err.print("\r" + line + " ".repeat(Math.max(0, WIDTH + 70 - line.length())) + System.lineSeparator());
        } else {
            err.println(line);
        }
        err.flush();
    }

    /** Ends the bar's line and ignores later reports, so nothing is drawn after the caller's own output. */
    synchronized void finish(ExperimentProgress p) {
        if (!finished && terminal) {
            err.print("\r" + bar(p));
            err.println();
            err.flush();
        }
        finished = true;
    }

    static String bar(ExperimentProgress p) {
        int filled = (int) Math.round(p.fractionDone() * WIDTH);
        return String.format(Locale.ROOT, "[%s%s] %3d%%  %s", "#".repeat(filled), ".".repeat(WIDTH - filled),
                Math.round(100 * p.fractionDone()), line(p));
    }

    /** Iterations, speed, elapsed time, time left and runs: "1,200/50,000 it  3,400 it/s  0:12  ETA 0:14  runs 0/3". */
    static String line(ExperimentProgress p) {
        return String.format(Locale.ROOT, "%,d/%,d it  %,.0f it/s  %s  ETA %s  runs %d/%d", p.iterations(),
                p.targetIterations(), p.iterationsPerSecond(), clock(p.elapsed()), eta(p), p.runsDone(), p.runsTotal());
    }

    /** Time left from each run's speed (see {@code ExperimentProgress.secondsLeft}); "?" while unknown. */
    static String eta(ExperimentProgress p) {
        if (p.done()) {
            return "0:00";
        }
        double seconds = p.secondsLeft();
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            return "?";
        }
        return clock(Duration.ofMillis((long) Math.min(Long.MAX_VALUE / 2.0, seconds * 1000)));
    }

    static String clock(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** A duration in words for estimates: "40 s", "12 min", "3.5 h", "6.2 days". */
    static String words(Duration d) {
        double s = d.toMillis() / 1000.0;
        if (s < 90) {
            return String.format(Locale.ROOT, "%.0f s", Math.max(1, s));
        }
        if (s < 90 * 60) {
            return String.format(Locale.ROOT, "%.0f min", s / 60);
        }
        if (s < 48 * 3600) {
            return String.format(Locale.ROOT, "%.1f h", s / 3600);
        }
        return String.format(Locale.ROOT, "%.1f days", s / 86400);
    }
}
