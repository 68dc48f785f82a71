package org.anilexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting the window where it cannot open ends in one line and exit code 2, never a stack trace. */
class DesktopLauncherTest {

    @Test
    void noDisplayOnLinuxIsOneLineNamingTheHeadlessCommands() {
        String message = DesktopLauncher.missingDisplay(Map.of(), "Linux", null).orElseThrow();
        assertTrue(message.startsWith("error: the desktop window needs a display"), message);
        assertTrue(message.contains("--help") && message.contains("run --preset"), message);
        assertFalse(message.contains("\n"));
    }

    @Test
    void anyDisplayOrHeadlessPlatformOrOtherSystemIsFine() {
        assertTrue(DesktopLauncher.missingDisplay(Map.of("DISPLAY", ":0"), "Linux", null).isEmpty());
        assertTrue(DesktopLauncher.missingDisplay(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux", null).isEmpty());
        assertTrue(DesktopLauncher.missingDisplay(Map.of(), "Linux", "monocle").isEmpty());
        assertTrue(DesktopLauncher.missingDisplay(Map.of(), "Windows 11", null).isEmpty());
        assertTrue(DesktopLauncher.missingDisplay(Map.of(), "Mac OS X", null).isEmpty());
        assertFalse(DesktopLauncher.missingDisplay(Map.of("DISPLAY", " "), "Linux", null).isEmpty());
    }

    @Test
    void theRealEntryPointWithoutDisplayPrintsOneLineAndExitsTwo() throws Exception {
        Result r = runMain(List.of());
        assertEquals(DesktopLauncher.CANNOT_START, r.code, r.err);
        assertEquals(1, r.err.strip().lines().count(), r.err);
        assertTrue(r.err.startsWith("error: the desktop window needs a display"), r.err);
    }

    @Test
    void openAMissingFileSaysSoBeforeLookingForADisplay(@TempDir Path dir) throws Exception {
        Result r = runMain(List.of("open", dir.resolve("absent.json").toString()));
        assertEquals(DesktopLauncher.CANNOT_START, r.code, r.err);
        assertEquals("error: open: no such file: " + dir.resolve("absent.json"), r.err.strip());
    }

    @Test
    void openKnowsOnlyLockedAndOneFile(@TempDir Path dir) throws Exception {
        Result r = runMain(List.of("open", "--lock"));
        assertEquals(DesktopLauncher.CANNOT_START, r.code, r.err);
        assertEquals("error: open: unknown option --lock (usage: open [--locked] [FILE])", r.err.strip());
        // --locked is taken wherever it stands; the file is still checked before the display
        r = runMain(List.of("open", dir.resolve("absent.json").toString(), "--locked"));
        assertEquals("error: open: no such file: " + dir.resolve("absent.json"), r.err.strip());
    }

    private record Result(int code, String err) {
    }

    /** org.anilexplorer.Main in a child JVM on this test's class path, with no display in its environment. */
    private static Result runMain(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.anilexplorer.Main"));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child exits");
        return new Result(p.exitValue(), err);
    }
}
