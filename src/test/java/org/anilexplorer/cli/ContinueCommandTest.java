package org.anilexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.anilexplorer.core.run.DynamicsSource;
import org.anilexplorer.io.CheckpointFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --checkpoint-every} and {@code run --from DIR --at T}: without {@code --set} the continuation's
 * metrics.csv and risk.csv are, byte for byte, the original's rows from T on (finite and infinite tasks, fresh
 * batches, FO-ANIL, FO-MAML and exact ANIL, two seeds); bad requests are one-line usage errors.
 */
class ContinueCommandTest {

    @TempDir
    static Path dir;

    private static Path finite;
    private static Path infinite;

    private static final String FINITE_PRESET = """
            {"title": "three methods on one pool",
             "params": {"algorithm": "fo-anil", "d": 10, "k": 2, "k_prime": 6, "tasks": 30, "m_in": 6, "m_out": 4,
                        "task_cov": "identity", "alpha": 0.1, "beta": 0.1, "iterations": 240, "seeds": 2},
             "methods": [{"label": "FO-ANIL"}, {"label": "FO-MAML", "algorithm": "fo-maml"},
                         {"label": "ANIL (exact)", "algorithm": "anil"}]}
            """;

    private static final String INFINITE_PRESET = """
            {"title": "infinite tasks and fresh batches",
             "params": {"algorithm": "fo-anil", "d": 10, "k": 2, "k_prime": 6, "tasks": "inf", "m_in": 6,
                        "m_out": 4, "task_cov": "linear", "alpha": 0.1, "beta": 0.1, "iterations": 240, "seeds": 2},
             "methods": [{"label": "FO-ANIL on N = inf"},
                         {"label": "FO-ANIL on fresh batches", "tasks": 20, "fresh_tasks": true}]}
            """;

    private static CliHarness.Result cli(String... args) {
        return CliHarness.run(DynamicsSource.FACTORY, args);
    }

    @BeforeAll
    static void originals() throws Exception {
        finite = original("finite", FINITE_PRESET);
        infinite = original("infinite", INFINITE_PRESET);
    }

    private static Path original(String name, String preset) throws Exception {
        Path file = dir.resolve(name + ".json");
        Files.writeString(file, preset);
        Path out = dir.resolve(name);
        CliHarness.Result r = cli("run", "--preset", file.toString(), "--checkpoint-every", "60", "--quiet", "--out",
                out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("checkpoints"), r.out());
        return out;
    }

    @Test
    void everyMethodAndSeedHasItsStateAtEveryNthIteration() throws Exception {
        var index = CheckpointFiles.index(finite);
        assertEquals(List.of(0L, 60L, 120L, 180L, 240L), List.copyOf(index.keySet()));
        for (var runs : index.values()) {
            assertEquals(6, runs.size(), "3 methods × 2 seeds");
        }
    }

    @Test
    void continuingWithoutChangesWritesTheOriginalRowsFromTOnByteForByte() throws Exception {
        for (Path original : List.of(finite, infinite)) {
            for (long at : new long[] {0, 120, 240}) {
                Path out = dir.resolve(original.getFileName() + "-from-" + at);
                CliHarness.Result r = cli("run", "--from", original.toString(), "--at", String.valueOf(at), "--quiet",
                        "--out", out.toString());
                assertEquals(0, r.code(), r.err());
                for (String file : List.of("metrics.csv", "risk.csv")) {
                    byte[] expected = rowsFrom(original.resolve(file), at);
                    byte[] actual = Files.readAllBytes(out.resolve(file));
                    assertArrayEquals(expected, actual, original.getFileName() + " " + file + " from " + at);
                }
            }
        }
    }

    @Test
    void aBranchWithAnotherStepSizeChangesTheRowsAfterT() throws Exception {
        Path out = dir.resolve("branch");
        CliHarness.Result r = cli("run", "--from", finite.toString(), "--at", "120", "--set", "alpha=0.05",
                "--checkpoint-every", "60", "--quiet", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> original = Files.readAllLines(finite.resolve("metrics.csv"));
        List<String> branch = Files.readAllLines(out.resolve("metrics.csv"));
        assertEquals(original.get(0), branch.get(0), "same columns");
        assertTrue(branch.stream().skip(1).allMatch(l -> Long.parseLong(l.split(",")[2]) >= 120), "rows from T on");
        String originalLast = original.stream().filter(l -> l.startsWith("FO-ANIL,1,240,")).findFirst().orElseThrow();
        String branchLast = branch.stream().filter(l -> l.startsWith("FO-ANIL,1,240,")).findFirst().orElseThrow();
        assertNotEquals(originalLast, branchLast);
        assertEquals(List.of(120L, 180L, 240L), List.copyOf(CheckpointFiles.index(out).keySet()));
        assertTrue(Files.readString(out.resolve("config.json")).contains("Continued from"));
    }

    @Test
    void infiniteTasksCanBecomeAFinitePoolAtABranch() throws Exception {
        Path out = dir.resolve("to-finite");
        CliHarness.Result r = cli("run", "--from", infinite.toString(), "--at", "120", "--set", "tasks=50",
                "--set", "m_in=20", "--quiet", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> rows = Files.readAllLines(out.resolve("metrics.csv"));
        assertTrue(rows.stream().anyMatch(l -> l.startsWith("FO-ANIL on N = inf,2,240,")), "every run reached 240");
        assertTrue(Files.readString(out.resolve("config.json")).contains("\"tasks\" : 50"));
    }

    /** A dry run of a continuation counts only the iterations after T: 3 methods × 2 seeds × (240 − 180). */
    @Test
    void aDryRunOfAContinuationEstimatesOnlyTheIterationsAfterT() {
        CliHarness.Result r = cli("run", "--from", finite.toString(), "--at", "180", "--dry-run");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("continuing from iteration 180"), r.out());
        assertTrue(r.out().contains("for 6 run(s) (360 iterations)"), r.out());
        assertTrue(r.out().contains(": 60 iterations at "), "each run's own count: " + r.out());
        CliHarness.Result whole = cli("run", "--preset", finite.resolve("config.json").toString(), "--dry-run");
        assertEquals(0, whole.code(), whole.err());
        assertTrue(whole.out().contains("for 6 run(s) (1,440 iterations)"), whole.out());
    }

    @Test
    void aTThatIsNotACheckpointIsRefusedListingTheAvailableOnes() {
        CliHarness.Result r = cli("run", "--from", finite.toString(), "--at", "100", "--out",
                dir.resolve("no").toString());
        assertEquals("error: --at 100: " + finite + " has no checkpoint of every run at iteration 100; available: "
                + "0, 60, 120, 180, 240", r.usageError());
        assertTrue(Files.notExists(dir.resolve("no")));
    }

    @Test
    void badContinuationsAreOneLineUsageErrors() throws Exception {
        Path plain = dir.resolve("plain");
        assertEquals(0, cli("run", "--set", "iterations=20", "--set", "d=6", "--set", "k_prime=6", "--quiet",
                "--out", plain.toString()).code());
        assertEquals("error: --from " + plain + ": holds no checkpoints; make them with 'run … --checkpoint-every N'",
                cli("run", "--from", plain.toString(), "--at", "0", "--out", dir.resolve("x").toString()).usageError());
        assertEquals("error: FO-ANIL: --set d: cannot change at a branch (the state at iteration 60 has d = 10; B is "
                + "d×k' and B⋆ is d×k for the whole run)", cli("run", "--from", finite.toString(), "--at", "60",
                "--set", "d=12", "--out", dir.resolve("x").toString()).usageError());
        assertEquals("error: --set seeds: cannot change when continuing " + finite + " (its runs are seeds 1, 2)",
                cli("run", "--from", finite.toString(), "--at", "60", "--seeds", "3", "--out",
                        dir.resolve("x").toString()).usageError());
        assertEquals("error: --at needs --from DIR (the result set to continue)",
                cli("run", "--at", "60", "--out", dir.resolve("x").toString()).usageError());
        assertEquals("error: --from and --preset cannot be given together: --from continues DIR's own configuration "
                + "(change it with --set)", cli("run", "--from", finite.toString(), "--at", "60", "--preset",
                "teaching", "--out", dir.resolve("x").toString()).usageError());
        assertEquals("error: --from " + dir.resolve("nowhere") + ": no such folder", cli("run", "--from",
                dir.resolve("nowhere").toString(), "--at", "60", "--out", dir.resolve("x").toString()).usageError());
        assertEquals("error: --checkpoint-every: must be an integer ≥ 1, got 0", cli("run", "--checkpoint-every",
                "0", "--out", dir.resolve("x").toString()).usageError());
        Path damaged = dir.resolve("damaged");
        copy(finite, damaged);
        Path file = CheckpointFiles.file(damaged, new CheckpointFiles.RunId(1, 2), 60);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);
        assertEquals("error: --from " + file + ": damaged or cut short (its checksum does not match)", cli("run", "--from",
                damaged.toString(), "--at", "60", "--out", dir.resolve("x").toString()).usageError());
        assertTrue(Files.notExists(dir.resolve("x")));
    }

    /** The header and the rows whose iteration (third column) is at least t, as the file's bytes. */
    private static byte[] rowsFrom(Path csv, long t) throws Exception {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String> kept = new ArrayList<>();
        kept.add(lines.get(0));
        for (String l : lines.subList(1, lines.size())) {
            if (Long.parseLong(l.split(",", -1)[2]) >= t) {
                kept.add(l);
            }
        }
        return (String.join("\n", kept) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static void copy(Path from, Path to) throws Exception {
        try (var files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
