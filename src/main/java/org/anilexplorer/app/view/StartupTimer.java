package org.anilexplorer.app.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Launch-to-first-frame timing, for the start-up benchmark ({@code src/test/resources/xvfb/startup-bench.sh}). With
 * {@code -Danil.startupLog=true} the app prints one line on stderr at its first frame:
 * {@code anil.startup: first-frame=2345 ms cpu=3100 ms (main=180 fx-start=900 shown=2100)}: the marks in
 * milliseconds since the JVM started, and the processor time used until the first frame; without the property it does
 * nothing.
 */
public final class StartupTimer {

    static final boolean ENABLED = Boolean.getBoolean("anil.startupLog");
    /**
     * With {@code -Danil.exitAfterFirstFrame=true} the app closes right after its first frame: the training run
     * that records the classes of a start-up for class-data sharing (installer/build-linux.sh).
     */
    static final boolean EXIT_AFTER_FIRST_FRAME = Boolean.getBoolean("anil.exitAfterFirstFrame");
    private static final List<String> MARKS = new ArrayList<>();
    private static boolean reported;

    private StartupTimer() {
    }

    /** Notes that the app reached {@code what}. */
    public static synchronized void mark(String what) {
        if (ENABLED) {
            MARKS.add(what + "=" + sinceJvmStart());
        }
    }

    /** Called at every frame; prints the line at the first. */
    public static synchronized void firstFrame() {
        if (reported) {
            return;
        }
        reported = true;
        if (ENABLED) {
            System.err.println(String.format(Locale.ROOT, "anil.startup: first-frame=%d ms cpu=%d ms (%s)",
                    sinceJvmStart(), cpuMillis(), String.join(" ", MARKS)));
        }
        if (EXIT_AFTER_FIRST_FRAME) {
            javafx.application.Platform.exit();
        }
    }

    /**
     * The processor time the process has used so far, on all its threads: less disturbed than the elapsed time when
     * other programs load the machine (they delay the start-up, but do not add to its work).
     */
    private static long cpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
    }

    private static long sinceJvmStart() {
        return ProcessHandle.current().info().startInstant()
                .map(start -> java.time.Duration.between(start, java.time.Instant.now()).toMillis()).orElse(-1L);
    }
}
