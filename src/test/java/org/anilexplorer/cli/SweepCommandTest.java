package org.anilexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.anilexplorer.core.run.DynamicsSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweep command end to end: byte-identical rows, shards that merge into the same rows, safe output, resume. */
class SweepCommandTest {

    @TempDir
    Path dir;

    /** A small finite-task sweep with a diverging column (β = 60) and two methods, 2 seeds. */
    private static final String[] SMALL = {"--set", "d=10", "--set", "k=2", "--set", "k_prime=4", "--set", "tasks=30",
        "--set", "m_in=5", "--set", "m_out=5", "--set", "iterations=120", "--grid", "alpha=0.1,0.3",
        "--grid", "beta=0.05:0.2:2:log", "--seeds", "2"};

    private CliHarness.Result sweep(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("sweep"));
        args.addAll(List.of(SMALL));
        args.addAll(List.of(extra));
        args.addAll(List.of("--out", out.toString()));
        return CliHarness.run(DynamicsSource.FACTORY, args.toArray(String[]::new));
    }

    private static byte[] bytes(Path p) throws IOException {
        return Files.readAllBytes(p);
    }

    @Test
    void identicalInputsGiveByteIdenticalRowsWithoutClockValues() throws IOException {
        CliHarness.Result a = sweep(dir.resolve("a"));
        assertEquals(0, a.code(), a.err());
        CliHarness.Result b = sweep(dir.resolve("b"), "--cores", "1");
        assertEquals(0, b.code(), b.err());
        Path csv = dir.resolve("a").resolve("sweep.csv");
        assertArrayEquals(bytes(csv), bytes(dir.resolve("b").resolve("sweep.csv")), "same rows whatever the core count");
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals("alpha,beta,method,seed,status,iteration,sv2_star_min,sv2_star_max,sv2_perp_mean,sv2_perp_max,bw_norm,distance",
                lines.get(0));
        assertEquals(1 + 2 * 2 * 2, lines.size(), "2 × 2 cells × 1 method × 2 seeds");
        assertTrue(lines.get(1).startsWith("0.1,0.05,FO-ANIL,1,finished,120,"), lines.get(1));
        String summary = Files.readString(dir.resolve("a").resolve("summary.json"));
        assertTrue(summary.contains("\"wall_seconds\""), "the clock goes to summary.json");
        assertTrue(Files.exists(dir.resolve("a").resolve("phase-sv2_star_min.png")));
        assertTrue(Files.exists(dir.resolve("a").resolve("phase-sv2_star_min.svg")));
        assertFalse(Files.exists(dir.resolve("a.partial")), "the work folder is gone once the set is in place");
    }

    @Test
    void shardsMergeIntoTheRowsOfOneMachine() throws IOException {
        assertEquals(0, sweep(dir.resolve("all")).code());
        List<String> merge = new ArrayList<>(List.of("sweep", "merge"));
        for (int i = 1; i <= 3; i++) {
            CliHarness.Result r = sweep(dir.resolve("part" + i), "--shard", i + "/3");
            assertEquals(0, r.code(), r.err());
            assertFalse(Files.exists(dir.resolve("part" + i).resolve("phase-distance.png")), "a shard draws no figures");
            merge.add(dir.resolve("part" + i).toString());
        }
        // order of the folders does not matter
        java.util.Collections.swap(merge, 2, 4);
        merge.addAll(List.of("--out", dir.resolve("merged").toString()));
        CliHarness.Result m = CliHarness.run(DynamicsSource.FACTORY, merge.toArray(String[]::new));
        assertEquals(0, m.code(), m.err());
        assertArrayEquals(bytes(dir.resolve("all").resolve("sweep.csv")), bytes(dir.resolve("merged").resolve("sweep.csv")));
        assertTrue(Files.exists(dir.resolve("merged").resolve("phase-distance.png")));

        CliHarness.Result missing = CliHarness.run(DynamicsSource.FACTORY, "sweep", "merge",
                dir.resolve("part1").toString(), dir.resolve("part3").toString(), "--out", dir.resolve("m2").toString());
        assertEquals("error: shards [2] of 3 are missing; give every shard's folder", missing.usageError());
        CliHarness.Result other = CliHarness.run(DynamicsSource.FACTORY, "sweep", "merge",
                dir.resolve("part1").toString(), dir.resolve("all").toString(), "--out", dir.resolve("m3").toString());
        assertTrue(other.usageError().contains("a different split"), other.err());
    }

    @Test
    void outputIsRefusedWhenNotEmptyAndReplacedWholeWithOverwrite() throws IOException {
        Path out = dir.resolve("o");
        Files.createDirectories(out);
        Files.writeString(out.resolve("old.txt"), "an earlier result");
        String refused = sweep(out).usageError();
        assertTrue(refused.startsWith("error: --out " + out + ": is not empty") && refused.contains("--overwrite"), refused);
        assertTrue(Files.exists(out.resolve("old.txt")), "nothing touched");
        // --overwrite replaces only a result set of ours (ResultSet): a folder of other files is refused even then
        assertTrue(sweep(out, "--overwrite").usageError().contains("is not an anil-explorer result set"));
        Files.writeString(out.resolve("config.json"), "{\"format\": \"anil-explorer/sweep-config\"}");
        assertEquals(0, sweep(out, "--overwrite").code());
        assertFalse(Files.exists(out.resolve("old.txt")), "the old set is replaced as a whole");
        assertTrue(Files.exists(out.resolve("sweep.csv")));
    }

    @Test
    void badInputIsOneLine() {
        assertEquals("error: --grid alfa=1,2: unknown parameter 'alfa'; known parameters are " + org.anilexplorer.core.params.ParamSpec.keys(),
                CliHarness.run(DynamicsSource.FACTORY, "sweep", "--grid", "alfa=1,2", "--out", dir.resolve("x").toString()).usageError());
        assertTrue(CliHarness.run(DynamicsSource.FACTORY, "sweep", "--out", dir.resolve("x").toString()).usageError()
                .startsWith("error: --grid: at least one is needed"));
        assertEquals("error: --set alpha and --grid alpha: a key is either set or swept",
                CliHarness.run(DynamicsSource.FACTORY, "sweep", "--set", "alpha=0.1", "--grid", "alpha=0.1,0.2",
                        "--out", dir.resolve("x").toString()).usageError());
        assertTrue(CliHarness.run(DynamicsSource.FACTORY, "sweep", "--grid", "k=30,40", "--set", "d=20",
                "--out", dir.resolve("x").toString()).usageError().startsWith("error: every cell was refused; the first: k: must be in"));
        assertFalse(Files.exists(dir.resolve("x")));
    }

    /** --dry-run: the configuration, the sweep's size and a measured estimate; nothing written, no --out needed. */
    @Test
    void aDryRunPrintsTheSweepAndItsEstimateAndWritesNothing() throws Exception {
        List<String> args = new ArrayList<>(List.of("sweep"));
        args.addAll(List.of(SMALL));
        args.add("--dry-run");
        CliHarness.Result r = CliHarness.run(DynamicsSource.FACTORY, args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"format\" : \"anil-explorer/sweep-config\""), "config.json as written: " + r.out());
        assertTrue(r.out().contains("sweep: 4 cells × 1 method(s) × 2 seed(s) = 8 runs, 960 iterations"), r.out());
        assertTrue(r.out().contains("estimate: at most about "), r.out());
        assertTrue(r.out().contains("(4 of 4 settings measured"), r.out());
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(0, left.count(), "a dry run writes nothing");
        }
    }

    @Test
    void checkpointsAreRefusedForASweepWithTheWayToKeepThem() {
        List<String> args = new ArrayList<>(List.of("sweep"));
        args.addAll(List.of(SMALL));
        args.addAll(List.of("--checkpoint-every", "10", "--out", dir.resolve("x").toString()));
        assertEquals("error: --checkpoint-every: a sweep keeps each run's final values, not its states; keep the "
                + "states of one cell with 'run --set KEY=VALUE … --checkpoint-every N'",
                CliHarness.run(DynamicsSource.FACTORY, args.toArray(String[]::new)).usageError());
        assertFalse(Files.exists(dir.resolve("x")));
    }

    @Test
    void divergingCellsAreMarkedAndRefusedOnesToo() throws IOException {
        CliHarness.Result r = CliHarness.run(DynamicsSource.FACTORY, "sweep", "--set", "d=10", "--set", "k=2",
                "--set", "k_prime=4", "--set", "tasks=inf", "--set", "iterations=200", "--grid", "beta=0.1,80",
                "--grid", "algorithm=fo-anil,fo-maml", "--out", dir.resolve("d").toString());
        assertEquals(0, r.code(), "diverged and refused cells are results, not errors: " + r.err());
        assertTrue(r.err().startsWith("warning: 2 of 4 runs have invalid parameters"), r.err());
        List<String> lines = Files.readAllLines(dir.resolve("d").resolve("sweep.csv"));
        assertTrue(lines.get(1).startsWith("0.1,fo-anil,FO-ANIL,1,finished,200,"), lines.get(1));
        assertTrue(lines.get(2).startsWith("0.1,fo-maml,FO-ANIL,1,refused,0,,,"), lines.get(2));
        assertTrue(lines.get(3).matches("80,fo-anil,FO-ANIL,1,diverged,\\d+,,,,,,"), lines.get(3));
        String summary = Files.readString(dir.resolve("d").resolve("summary.json"));
        assertTrue(summary.contains("\"diverged\" : 1") && summary.contains("\"refused\" : 2"), summary);
        assertTrue(summary.contains("Likely cause"), "the divergence reason is kept in summary.json");
    }

    @Test
    void slurmScriptSubmitsAnArrayAndAMergeAfterIt() throws Exception {
        Path script = dir.resolve("submit.sh");
        CliHarness.Result r = CliHarness.run(DynamicsSource.FACTORY, "sweep", "--set", "tasks=inf", "--grid",
                "alpha=0.1,0.2", "--slurm", script.toString(), "--shards", "4", "--slurm-option=--partition=short",
                "--slurm-option", "--time=0:10:00", "--out", dir.resolve("res").toString());
        assertEquals(0, r.code(), r.err());
        assertFalse(Files.exists(dir.resolve("res")), "--slurm runs nothing");
        String s = Files.readString(script);
        assertTrue(s.contains("sbatch --parsable --array=1-$SHARDS"), s);
        assertTrue(s.contains("SHARDS=4"));
        assertTrue(s.contains("--dependency=afterok:$array_id"));
        assertTrue(s.contains("'--partition=short' '--time=0:10:00'"), "options passed to both submissions");
        assertTrue(s.contains("--shard \"\\$SLURM_ARRAY_TASK_ID/$SHARDS\""));
        assertTrue(s.contains("\"format\" : \"anil-explorer/sweep-config\""), "the sweep travels with the script");
        Process bash = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
        assertTrue(bash.waitFor(20, TimeUnit.SECONDS));
        assertEquals(0, bash.exitValue(), new String(bash.getInputStream().readAllBytes()));
    }

    /** The same sweep in a child JVM, for signals. */
    private Process child(Path out, Path log) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.anilexplorer.Main", "sweep"));
        cmd.addAll(List.of(SLOW));
        cmd.addAll(List.of("--out", out.toString()));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Eight runs of about a second each on one core. */
    private static final String[] SLOW = {"--set", "d=40", "--set", "k=3", "--set", "k_prime=40", "--set", "tasks=inf",
        "--set", "iterations=30000", "--grid", "alpha=0.1,0.15,0.2,0.25", "--grid", "m_in=10,20", "--cores", "1"};

    private static long recorded(Path out) throws IOException {
        Path jobs = out.resolveSibling(out.getFileName() + ".partial").resolve("jobs");
        if (!Files.isDirectory(jobs)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(jobs)) {
            return s.filter(p -> p.toString().endsWith(".json")).count();
        }
    }

    private static void waitForRecords(Path out, long n, Process p) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (recorded(out) < n) {
            assertTrue(p.isAlive(), "the sweep ended before " + n + " runs were recorded");
            assertTrue(System.nanoTime() < deadline, "no progress");
            Thread.sleep(50);
        }
    }

    @Test
    void aSweepSurvivesSigtermAndSigkillAndResumes() throws Exception {
        Path out = dir.resolve("resume");
        Process first = child(out, dir.resolve("first.log"));
        waitForRecords(out, 1, first);
        first.destroy(); // SIGTERM
        assertTrue(first.waitFor(30, TimeUnit.SECONDS));
        String log = Files.readString(dir.resolve("first.log"));
        assertEquals(143, first.exitValue(), log);
        assertTrue(log.contains("interrupted: ") && log.contains("run the same command again to resume"), log);
        assertFalse(Files.exists(out), "no result set from an interrupted sweep");
        long kept = recorded(out);
        assertTrue(kept >= 1);

        Process second = child(out, dir.resolve("second.log"));
        waitForRecords(out, kept + 1, second);
        second.destroyForcibly(); // SIGKILL: no hook, possibly a temporary file left behind
        assertTrue(second.waitFor(30, TimeUnit.SECONDS));
        long afterKill = recorded(out);
        assertTrue(afterKill > kept, "the second attempt skipped the kept runs and added more");

        List<String> args = new ArrayList<>(List.of("sweep"));
        args.addAll(List.of(SLOW));
        args.addAll(List.of("--out", out.toString()));
        CliHarness.Result last = CliHarness.run(DynamicsSource.FACTORY, args.toArray(String[]::new));
        assertEquals(0, last.code(), last.err());
        assertTrue(last.err().contains("(" + afterKill + " already done in "), last.err());

        args.set(args.size() - 1, dir.resolve("clean").toString());
        assertEquals(0, CliHarness.run(DynamicsSource.FACTORY, args.toArray(String[]::new)).code());
        assertArrayEquals(bytes(dir.resolve("clean").resolve("sweep.csv")), bytes(out.resolve("sweep.csv")),
                "a resumed sweep has the rows of an uninterrupted one");
        assertFalse(Files.exists(dir.resolve("resume.partial")));
    }
}
