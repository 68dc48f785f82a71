package org.anilexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.anilexplorer.core.run.DynamicsSource;
import org.anilexplorer.io.Json;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C, SIGTERM and SIGKILL sent to a real child process running the jar's entry point: what was done is kept,
 * the set is marked interrupted, the exit status is the signal's, and a killed writer's leftovers are cleaned up.
 */
class SignalProcessTest {

    /** Two quick methods and one that would run for hours, all started at once (three workers). */
    private static final String PRESET = """
            {"title": "signal test", "description": "two quick runs and a long one", "source": "test",
             "params": {"d": 10, "k": 2, "k_prime": 10, "tasks": "inf", "m_in": 10, "task_cov": "identity",
                        "iterations": 300, "seeds": 1},
             "methods": [{"label": "quick-a"}, {"label": "quick-b"}, {"label": "long", "iterations": 1000000000}]}
            """;

    @TempDir
    Path dir;

    private Path stderrFile;

    private Process start(Path out, String... extra) throws IOException {
        Path preset = dir.resolve("signal.json");
        if (!Files.exists(preset)) {
            Files.writeString(preset, PRESET);
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.anilexplorer.Main", "run", "--preset",
                preset.toString(), "--cores", "3", "--out", out.toString()));
        cmd.addAll(List.of(extra));
        stderrFile = dir.resolve(out.getFileName() + ".stderr");
        return new ProcessBuilder(cmd).redirectOutput(dir.resolve(out.getFileName() + ".stdout").toFile())
                .redirectError(stderrFile.toFile()).start();
    }

    /**
     * Waits until both quick runs have finished and the long one is under way, as the child's own progress lines
     * (one every 10 s when stderr is not a terminal) say.
     */
    private void awaitTraining(Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!stderr().lines().anyMatch(l -> l.startsWith("progress: ") && l.endsWith("runs 2/3"))) {
            assertTrue(p.isAlive(), "the child ended early: " + stderr());
            assertTrue(System.nanoTime() < deadline, "the quick runs did not finish within 120 s: " + stderr());
            Thread.sleep(100);
        }
    }

    private String stderr() throws IOException {
        return Files.readString(stderrFile, StandardCharsets.UTF_8);
    }

    private static List<String> names(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private void assertKeptAfter(Process p, int expectedStatus, Runnable signal, Path out) throws Exception {
        long t0 = System.nanoTime();
        signal.run();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the process did not stop");
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(expectedStatus, p.exitValue(), stderr());
        // stopping is immediate; the margin covers writing the files and a busy machine
        assertTrue(seconds < 10, "took " + seconds + " s to stop");
        String err = stderr();
        assertFalse(err.contains("Exception") || err.contains("\tat "), err);
        List<String> kept = err.lines().filter(l -> l.startsWith("interrupted:")).toList();
        assertEquals(1, kept.size(), err);
        assertTrue(kept.get(0).startsWith("interrupted: kept 2 finished and 1 unfinished run(s) (up to their last "
                + "recorded iteration) in " + out), kept.get(0));

        assertEquals(List.of("config.json", "metrics.csv", "risk.csv", "summary.json"), names(out));
        assertTrue(kept.get(0).contains("(config.json, metrics.csv, risk.csv, summary.json"), kept.get(0));
        JsonNode summary = Json.MAPPER.readTree(out.resolve("summary.json").toFile());
        assertTrue(summary.get("interrupted").asBoolean());
        JsonNode runs = summary.get("runs");
        assertEquals("finished", runs.get(0).get("state").asText());
        assertEquals("finished", runs.get(1).get("state").asText());
        assertEquals("cancelled", runs.get(2).get("state").asText());
        long reached = runs.get(2).get("iterations").asLong();
        assertTrue(reached > 0 && reached < 1_000_000_000L, "iterations of the long run: " + reached);
        long recorded = runs.get(2).get("final").get("iteration").asLong();
        assertTrue(recorded > 0 && recorded <= reached, "last recorded iteration " + recorded);
        List<String> rows = Files.readAllLines(out.resolve("metrics.csv"));
        assertTrue(rows.stream().anyMatch(l -> l.startsWith("long,1," + recorded + ",")), "the long run's last record");
        assertTrue(rows.stream().anyMatch(l -> l.startsWith("quick-b,1,300,")), "the quick runs' last record");
        assertEquals(List.of("out", "out.stderr", "out.stdout", "signal.json"), names(dir), "nothing left beside the set");
    }

    /** A process started in the background by a non-interactive shell ignores SIGINT, and its children inherit that. */
    private static boolean sigintIgnoredHere() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return false;
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("SigIgn:"))
                .anyMatch(l -> (Long.parseLong(l.substring(7).strip(), 16) & 0x2) != 0);
    }

    @Test
    void ctrlCKeepsFinishedAndUnfinishedRunsAndExits130() throws Exception {
        Assumptions.assumeFalse(sigintIgnoredHere(), "this test JVM ignores SIGINT (started as a background job), so "
                + "the child would too; run the build in the foreground to test Ctrl-C");
        Path out = dir.resolve("out");
        Process p = start(out);
        awaitTraining(p);
        assertKeptAfter(p, 130, () -> {
            try {
                assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor());
            } catch (IOException | InterruptedException e) {
                throw new AssertionError("cannot send SIGINT", e);
            }
        }, out);
    }

    @Test
    void sigtermKeepsTheWorkAndExits143() throws Exception {
        Path out = dir.resolve("out");
        Process p = start(out);
        awaitTraining(p);
        assertKeptAfter(p, 143, p::destroy, out);
    }

    @Test
    void aSecondWriterIsRefusedAndAKilledWritersLeftoversAreRemoved() throws Exception {
        Path out = dir.resolve("out");
        Process p = start(out);
        awaitTraining(p);
        String e = CliHarness.run(DynamicsSource.FACTORY, "run", "--set", "iterations=10", "--overwrite", "--out",
                out.toString()).usageError();
        assertEquals("error: --out " + out + ": another anil-explorer process (pid " + p.pid() + ") is writing there; "
                + "wait for it or choose another folder", e);

        p.destroyForcibly(); // SIGKILL: no hook runs
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertFalse(Files.exists(out), "a killed writer publishes nothing");
        assertTrue(names(dir).contains(".out.staging-" + p.pid()), "SIGKILL leaves the staging folder: " + names(dir));

        CliHarness.Result next = CliHarness.run(DynamicsSource.FACTORY, "run", "--set", "iterations=10", "--set",
                "d=6", "--set", "k_prime=6", "--out", out.toString());
        assertEquals(0, next.code(), next.err());
        assertEquals(List.of("out", "out.stderr", "out.stdout", "signal.json"), names(dir),
                "the next writer removed the leftovers");
    }
}
