package org.anilexplorer.app;

import org.anilexplorer.app.view.StartupTimer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.application.Application;

/**
 * Starts the desktop window. A plain class on purpose: a fat jar whose entry point extends {@link Application}
 * fails with "JavaFX runtime components are missing", so {@code org.anilexplorer.Main} calls this instead.
 *
 * <p>Problems a user can fix (no display, a file that does not exist) end in one line on stderr and a non-zero
 * exit code rather than in JavaFX's stack trace.
 */
public final class DesktopLauncher {

    /** The exit code for a window that cannot be opened (the same as the command line's usage errors). */
    public static final int CANNOT_START = 2;
    /** The {@code open} option that starts the window locked as a student station. */
    public static final String LOCKED = "--locked";

    private static final String HEADLESS_HINT = "the headless commands need none: "
            + "java -jar anil-explorer.jar --help (for example: run --preset teaching --out results)";

    private DesktopLauncher() {
    }

    /** Opens the window on the start preset; returns the exit code once it is closed. */
    public static int launch(String[] args) {
        return open(Optional.empty());
    }

    /**
     * Opens the window on {@code file} (a preset or a session), or on the start preset when empty; returns the exit
     * code once the window is closed, or {@link #CANNOT_START} after printing why it could not open.
     */
    public static int open(Optional<Path> file) {
        return open(file, false);
    }

    /** As {@link #open(Optional)}, {@code locked} as a student station (View ▸ Leave student lock undoes it). */
    public static int open(Optional<Path> file, boolean locked) {
        StartupTimer.mark("main");
        if (file.isPresent() && !Files.isRegularFile(file.get())) {
            System.err.println("error: open: no such file: " + file.get());
            return CANNOT_START;
        }
        Optional<String> noDisplay = missingDisplay(System.getenv(), System.getProperty("os.name", ""),
                System.getProperty("glass.platform"));
        if (noDisplay.isPresent()) {
            System.err.println(noDisplay.get());
            return CANNOT_START;
        }
        List<String> argList = new java.util.ArrayList<>();
        if (locked) {
            argList.add(LOCKED);
        }
        file.ifPresent(p -> argList.add(p.toAbsolutePath().toString()));
        String[] args = argList.toArray(String[]::new);
        try {
            Application.launch(AnilExplorerApp.class, args);
        } catch (UnsupportedOperationException e) {
            // GTK refuses a DISPLAY that is set but cannot be opened ("Unable to open DISPLAY")
            System.err.println("error: the desktop window needs a display (" + e.getMessage() + "); "
                    + HEADLESS_HINT);
            return CANNOT_START;
        }
        return 0;
    }

    /**
     * The one-line message for a Linux/Unix session with neither an X11 nor a Wayland display (empty when there is
     * one, on Windows and macOS, and under the Monocle headless platform that tests use).
     */
    static Optional<String> missingDisplay(Map<String, String> env, String osName, String glassPlatform) {
        String os = osName.toLowerCase(java.util.Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac") || "monocle".equals(glassPlatform)) {
            return Optional.empty();
        }
        if (isSet(env.get("DISPLAY")) || isSet(env.get("WAYLAND_DISPLAY"))) {
            return Optional.empty();
        }
        return Optional.of("error: the desktop window needs a display, and DISPLAY is not set; " + HEADLESS_HINT);
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    public static void main(String[] args) {
        System.exit(args.length == 0 ? launch(args) : open(Optional.of(Path.of(args[0]))));
    }
}
