package org.anilexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar's entry point in a fresh JVM: real exit codes, and no JavaFX class ever loaded on the CLI path. */
class MainProcessTest {

    @TempDir
    Path dir;

    private record Outcome(int code, String out, String err) {
    }

    private Outcome main(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-verbose:class");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("org.anilexplorer.Main");
        cmd.addAll(List.of(args));
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the process did not end");
        return new Outcome(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void commandLinePathNeverLoadsJavaFx() throws Exception {
        Outcome ok = main("run", "--set", "d=6", "--set", "k=2", "--set", "k_prime=6", "--set", "tasks=10",
                "--set", "iterations=20", "--out", dir.resolve("out").toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("org.anilexplorer.cli.RunCommand"), "-verbose:class output expected");
        assertFalse(ok.out().contains(" javafx.") || ok.out().contains("org.anilexplorer.app."),
                "JavaFX or the app package was loaded on the command-line path");
        assertTrue(Files.exists(dir.resolve("out").resolve("summary.json")));
    }

    @Test
    void badInputExitsTwoWithOneLine() throws Exception {
        Outcome bad = main("run", "--set", "alpha=0", "--out", dir.resolve("never").toString());
        assertEquals(2, bad.code());
        assertEquals("error: --set alpha: must be a number in [10^-9, 100], got '0'", bad.err().strip());
        assertFalse(Files.exists(dir.resolve("never")));
    }
}
