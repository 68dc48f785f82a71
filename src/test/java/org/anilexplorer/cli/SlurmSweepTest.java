package org.anilexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.anilexplorer.core.run.DynamicsSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The --slurm path for real: a one-node Slurm started by this test (its own munge key, munged, slurmctld and slurmd
 * in a scratch folder, see src/test/resources/slurm/one-node-slurm.sh), the generated script submitted with bash,
 * and the merged result compared with a sweep on this machine. Skipped, saying how to enable it, when the Slurm and
 * munge packages are not installed or the test does not run as root.
 */
class SlurmSweepTest {

    @TempDir
    static Path scratch;

    private static Path script;
    private static Path cluster;

    @BeforeAll
    static void startSlurm() throws Exception {
        boolean root = "root".equals(System.getProperty("user.name"));
        boolean installed = List.of("/usr/sbin/slurmctld", "/usr/sbin/slurmd", "/usr/bin/sbatch", "/usr/sbin/munged")
                .stream().allMatch(p -> Files.isExecutable(Path.of(p)));
        Assumptions.assumeTrue(installed && root, "Slurm test skipped: it needs root and the Debian packages "
                + "slurm-wlm and munge (apt-get install slurm-wlm munge)");
        script = resource();
        cluster = scratch.resolve("cluster");
        Process p = new ProcessBuilder("bash", script.toString(), "start", cluster.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "Slurm did not start in time: " + log);
        assertEquals(0, p.exitValue(), "Slurm did not start: " + log);
    }

    private static Path resource() throws URISyntaxException {
        return Path.of(SlurmSweepTest.class.getResource("/slurm/one-node-slurm.sh").toURI());
    }

    @AfterAll
    static void stopSlurm() throws Exception {
        if (cluster != null) {
            Process p = new ProcessBuilder("bash", script.toString(), "stop", cluster.toString()).inheritIO().start();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "Slurm daemons did not stop");
        }
    }

    @Test
    void slurmScriptRunsShardsAndMergeIntoTheRowsOfALocalSweep() throws Exception {
        String[] sweep = {"sweep", "--set", "tasks=inf", "--set", "d=10", "--set", "k=2", "--set", "k_prime=6",
            "--set", "iterations=300", "--grid", "alpha=0.1,0.2,0.4", "--grid", "m_in=5,20", "--seeds", "2"};
        Path local = scratch.resolve("local");
        CliHarness.Result r = CliHarness.run(DynamicsSource.FACTORY, append(sweep, "--out", local.toString()));
        assertEquals(0, r.code(), r.err());

        Path submit = scratch.resolve("submit.sh");
        Path out = scratch.resolve("cluster-result");
        CliHarness.Result w = CliHarness.run(DynamicsSource.FACTORY, append(sweep, "--slurm", submit.toString(),
                "--shards", "3", "--slurm-option=--time=0:10:00", "--out", out.toString()));
        assertEquals(0, w.code(), w.err());

        ProcessBuilder pb = new ProcessBuilder("bash", submit.toString()).redirectErrorStream(true);
        pb.environment().put("SLURM_CONF", cluster.resolve("slurm.conf").toString());
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), log);
        assertTrue(log.contains("submitted 3 shards as array job"), log);

        Path csv = out.resolve("sweep.csv");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (!Files.exists(csv) && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertTrue(Files.exists(csv), "no merged result after 4 minutes; logs: " + logs(out));
        assertArrayEquals(Files.readAllBytes(local.resolve("sweep.csv")), Files.readAllBytes(csv),
                "the cluster's merged rows are those of the local sweep");
        assertTrue(Files.exists(out.resolve("phase-sv2_star_min.png")));
    }

    private static String logs(Path out) throws IOException {
        Path dir = out.resolveSibling(out.getFileName() + ".shards").resolve("logs");
        if (!Files.isDirectory(dir)) {
            return "(none)";
        }
        StringBuilder b = new StringBuilder();
        try (var s = Files.list(dir)) {
            for (Path f : s.sorted().toList()) {
                b.append('\n').append(f.getFileName()).append(":\n").append(Files.readString(f));
            }
        }
        return b.toString();
    }

    private static String[] append(String[] a, String... more) {
        String[] out = java.util.Arrays.copyOf(a, a.length + more.length);
        System.arraycopy(more, 0, out, a.length, more.length);
        return out;
    }
}
