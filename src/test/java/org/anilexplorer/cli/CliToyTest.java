package org.anilexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.anilexplorer.io.Json;
import org.anilexplorer.testing.ToyDynamics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end on the toy dynamics: exit codes, files, one-line errors, nothing half-written. */
class CliToyTest {

    @TempDir
    Path dir;

    private static final String[] SMALL = {"--set", "d=8", "--set", "k=2", "--set", "k_prime=8", "--set",
            "task_cov=identity", "--set", "sigma2=1", "--set", "iterations=300"};

    private CliHarness.Result toy(String... args) {
        return CliHarness.run(ToyDynamics::create, args);
    }

    private static String[] with(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    private List<String> files(Path d) throws IOException {
        if (!Files.exists(d)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void versionAndHelpOnEveryCommand() {
        CliHarness.Result v = toy("--version");
        assertEquals(0, v.code());
        assertTrue(v.out().strip().matches("anil-explorer \\d+\\.\\d+\\.\\d+.*"), v.out());
        for (String[] help : new String[][] {{"--help"}, {"run", "--help"}, {"bench", "--help"}, {"params", "--help"},
                {"presets", "--help"}}) {
            CliHarness.Result h = toy(help);
            assertEquals(0, h.code(), String.join(" ", help));
            assertTrue(h.out().startsWith("Usage: anil-explorer"), h.out());
        }
        assertEquals(0, toy("run", "--version").code());
    }

    @Test
    void runWritesThreeParseableFiles() throws Exception {
        Path out = dir.resolve("results");
        CliHarness.Result r = toy(with(new String[] {"run"}, with(SMALL, "--seeds", "3", "--out", out.toString())));
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("config.json", "metrics.csv", "risk.csv", "summary.json"), files(out));
        JsonNode summary = Json.MAPPER.readTree(out.resolve("summary.json").toFile());
        assertEquals(3, summary.get("runs").size());
        assertTrue(summary.get("all_succeeded").asBoolean());
        List<String> csv = Files.readAllLines(out.resolve("metrics.csv"));
        assertTrue(csv.get(0).startsWith("method,seed,iteration,sv2_star_min,sv2_star_max,sv2_perp_mean,sv2_perp_max,"
                + "bw_norm,distance,training_loss"), csv.get(0));
        long perSeed = java.util.stream.LongStream.rangeClosed(0, 300)
                .filter(t -> t == 300 || org.anilexplorer.core.metrics.RecordingSchedule.DEFAULT.records(t)).count();
        assertEquals(1 + 3 * perSeed, csv.size(), "header, then the default schedule's records up to 300 (incl.) for 3 seeds");
        JsonNode config = Json.MAPPER.readTree(out.resolve("config.json").toFile());
        assertEquals(3, config.get("params").get("seeds").asInt());
        assertEquals(8, config.get("params").get("d").asInt());
        assertTrue(r.out().contains("wrote "), r.out());
    }

    @Test
    void presetMethodsAndUserSettingsReachTheFiles() throws Exception {
        Path out = dir.resolve("cmp");
        CliHarness.Result r = toy("run", "--preset", "test-tiny", "--set", "iterations=50", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode config = Json.MAPPER.readTree(out.resolve("config.json").toFile());
        assertEquals(2, config.get("methods").size());
        assertEquals("FO-MAML", config.get("methods").get(1).get("label").asText());
        assertEquals(50, config.get("params").get("iterations").asInt());
        assertTrue(r.out().contains("FO-ANIL") && r.out().contains("FO-MAML"), r.out());

        CliHarness.Result over = toy("run", "--preset", "test-tiny", "--set", "iterations=5", "--set", "algorithm=anil",
                "--out", dir.resolve("over").toString());
        assertEquals(0, over.code(), over.err());
        assertTrue(over.err().contains("warning: --set algorithm=anil replaces algorithm = fo-maml of the method 'FO-MAML'"),
                over.err());
    }

    @Test
    void badInputIsOneLineExitTwoAndWritesNothing() throws Exception {
        Path out = dir.resolve("never");
        String o = out.toString();
        Path badPreset = dir.resolve("bad.json");
        Files.writeString(badPreset, "{\"title\": \"x\", \"params\": {\"beta\": \"fast\"}}");
        Path aFile = dir.resolve("plain.txt");
        Files.writeString(aFile, "x");

        String e = toy("run", "--set", "alpah=0.1", "--out", o).usageError();
        assertTrue(e.startsWith("error: --set alpah: unknown parameter; known parameters are algorithm"), e);
        e = toy("run", "--set", "alpha=-1", "--out", o).usageError();
        assertEquals("error: --set alpha: must be a number in [10^-9, 100], got '-1'", e);
        e = toy("run", "--set", "alpha=NaN", "--out", o).usageError();
        assertTrue(e.contains("alpha: must be a number in [10^-9, 100], got 'NaN'"), e);
        e = toy("run", "--set", "alpha", "--out", o).usageError();
        assertTrue(e.contains("expected key=value"), e);
        e = toy("run", "--set", "k=30", "--out", o).usageError();
        assertEquals("error: k: must be in [1, d-1] = [1, 19], got 30", e);
        e = toy("run", "--set", "algorithm=maml", "--set", "tasks=inf", "--out", o).usageError();
        assertTrue(e.contains("tasks: maml is defined for finite N only"), e);
        e = toy("run", "--seeds", "0", "--out", o).usageError();
        assertEquals("error: --seeds: must be an integer in [1, 64], got '0'", e);
        e = toy("run", "--preset", badPreset.toString(), "--out", o).usageError();
        assertEquals("error: " + badPreset + ": field 'params.beta': must be a number in [10^-9, 1000], got 'fast'", e);
        e = toy("run", "--preset", dir.resolve("absent.json").toString(), "--out", o).usageError();
        assertTrue(e.contains("absent.json: no such file"), e);
        e = toy("run", "--preset", "not-a-bundled-name", "--out", o).usageError();
        assertTrue(e.contains("no bundled preset of that name"), e);
        e = toy("run", "--out", aFile.toString()).usageError();
        assertEquals("error: --out " + aFile + ": is a file, not a directory", e);
        e = toy("run", "--out", aFile.resolve("sub").toString()).usageError();
        assertTrue(e.startsWith("error: --out " + aFile.resolve("sub") + ": cannot create the directory"), e);
        e = toy("run").usageError();
        assertTrue(e.contains("Missing required option: '--out=DIR'"), e);
        e = toy("run", "--out", o, "--frobnicate").usageError();
        assertTrue(e.contains("Unknown option: '--frobnicate'"), e);
        e = toy("frobnicate").usageError();
        assertTrue(e.contains("frobnicate"), e);
        e = toy("bench", "--iterations", "0").usageError();
        assertTrue(e.contains("--iterations: must be an integer ≥ 1"), e);
        e = toy("bench", "--set", "k_prime=0").usageError();
        assertTrue(e.contains("k_prime: must be an integer in [1, d], got '0'"), e);
        assertFalse(Files.exists(out), "bad input must not create the output directory");
    }

    @Test
    void divergenceExitsOneWithTheReasonAndCompleteFiles() throws Exception {
        Path out = dir.resolve("div");
        // α·σ̃ = 1·√3 > 1: the toy explodes (ρ > 1)
        CliHarness.Result r = toy(with(new String[] {"run"}, with(SMALL, "--set", "alpha=1", "--set", "iterations=100000",
                "--out", out.toString())));
        String e = r.failure();
        assertTrue(e.startsWith("error: FO-ANIL, seed 1: diverged at iteration "), e);
        assertTrue(e.contains("α·σ̃ = 1.7") && e.contains("try alpha ≤ 0.57"), e);
        assertEquals(List.of("config.json", "metrics.csv", "risk.csv", "summary.json"), files(out));
        String csv = Files.readString(out.resolve("metrics.csv"));
        assertFalse(csv.contains("NaN") || csv.contains("Infinity"));
        JsonNode run = Json.MAPPER.readTree(out.resolve("summary.json").toFile()).get("runs").get(0);
        assertEquals("diverged", run.get("state").asText());
        assertTrue(e.endsWith(run.get("reason").asText()), run.get("reason").asText());
    }

    @Test
    void earlierResultsSurviveAFailedRunAndAFailedWriteLeavesNoPartialSet() throws Exception {
        Path out = dir.resolve("keep");
        String[] args = with(new String[] {"run"}, with(SMALL, "--out", out.toString()));
        assertEquals(0, toy(args).code());
        String before = Files.readString(out.resolve("summary.json"));
        toy("run", "--set", "beta=-1", "--out", out.toString()).usageError();
        assertEquals(before, Files.readString(out.resolve("summary.json")));

        Path blocked = dir.resolve("blocked");
        Files.createDirectories(blocked.resolve("metrics.csv"));
        String e = toy(with(new String[] {"run"}, with(SMALL, "--out", blocked.toString()))).failure();
        assertTrue(e.startsWith("error: cannot write the results to " + blocked + ": "), e);
        assertEquals(List.of("metrics.csv"), files(blocked), "no config.json or summary.json without metrics.csv");
    }

    @Test
    void benchPrintsOneJsonObject() throws Exception {
        CliHarness.Result r = toy(with(new String[] {"bench"}, with(SMALL, "--iterations", "200", "--warmup", "10", "--json")));
        assertEquals(0, r.code(), r.err());
        JsonNode j = Json.MAPPER.readTree(r.out());
        assertEquals(200, j.get("iterations").asLong());
        assertTrue(j.get("iterations_per_second").asDouble() > 0);
        assertEquals(3.0 * 8 * 8, j.get("flops_per_iteration").asDouble());
        assertEquals(1, r.out().strip().split("\\R").length);
        CliHarness.Result text = toy(with(new String[] {"bench"}, with(SMALL, "--iterations", "100", "--warmup", "0")));
        assertEquals(0, text.code());
        assertTrue(text.out().contains("iterations/s") && text.out().contains("GFLOP/s"), text.out());
    }

    @Test
    void paramsAndPresetsList() {
        CliHarness.Result p = toy("params");
        assertEquals(0, p.code());
        assertTrue(p.out().contains("alpha") && p.out().contains("number in [10^-9, 100]"), p.out());
        CliHarness.Result md = toy("params", "--markdown");
        assertEquals(0, md.code());
        assertEquals(org.anilexplorer.core.params.ParamSpec.markdownTable(), md.out());
        CliHarness.Result l = toy("presets");
        assertEquals(0, l.code());
        assertTrue(l.out().contains("test-tiny") && l.out().contains("Tiny test preset"), l.out());
    }
}
