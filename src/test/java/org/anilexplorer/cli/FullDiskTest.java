package org.anilexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.anilexplorer.testing.ToyDynamics;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A really full disk: a 256 kB tmpfs (needs root; skipped with a message otherwise, while the injected write failure
 * of {@code CliToyTest} always runs). Replacing a small set with one that does not fit fails with one line naming
 * the file and the cause, and leaves the small set intact with nothing beside it.
 */
class FullDiskTest {

    @TempDir
    Path dir;

    private static boolean run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    private static List<String> names(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFullDiskLeavesTheEarlierSetIntact() throws Exception {
        Path mount = Files.createDirectory(dir.resolve("tiny"));
        Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", mount.toString()),
                "cannot mount a small tmpfs here (needs root); the injected write failure covers this path");
        try {
            Path out = mount.resolve("out");
            String[] small = {"run", "--set", "d=8", "--set", "k=2", "--set", "k_prime=8", "--set", "sigma2=1",
                "--set", "task_cov=identity", "--set", "iterations=20", "--out", out.toString()};
            CliHarness.Result first = CliHarness.run(ToyDynamics::create, small);
            assertEquals(0, first.code(), first.err());
            String before = Files.readString(out.resolve("summary.json"));

            // 40 seeds × ~210 records of ~300 bytes: about 2.5 MB of metrics.csv, ten times the disk
            CliHarness.Result big = CliHarness.run(ToyDynamics::create, "run", "--set", "d=8", "--set", "k=2",
                    "--set", "k_prime=8", "--set", "sigma2=1", "--set", "task_cov=identity", "--set",
                    "iterations=100000", "--seeds", "40", "--overwrite", "--quiet", "--out", out.toString());
            String e = big.failure();
            assertTrue(e.matches("error: cannot write " + out + "/\\w+\\.\\w+: No space left on device \\(nothing was "
                    + "written; " + out + " is left as it was\\)"), e);
            assertEquals(before, Files.readString(out.resolve("summary.json")));
            assertEquals(List.of("config.json", "metrics.csv", "risk.csv", "summary.json"), names(out));
            assertEquals(List.of("out"), names(mount), "no staging folder is left on the full disk");

            // the figures (PNG, SVG, CSV of four charts) do not fit either: the image writer's failure is one line too
            CliHarness.Result figures = CliHarness.run(ToyDynamics::create, "figure", "--preset", "test-figures-tiny",
                    "--set", "iterations=30", "--overwrite", "--quiet", "--out", out.toString());
            e = figures.failure();
            assertTrue(e.matches("error: cannot write " + out + "/[\\w.]+: No space left on device \\(nothing was "
                    + "written; " + out + " is left as it was\\)"), e);
            assertEquals(before, Files.readString(out.resolve("summary.json")));
            assertEquals(List.of("out"), names(mount));
        } finally {
            run("umount", mount.toString());
        }
    }
}
