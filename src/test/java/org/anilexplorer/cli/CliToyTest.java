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
import org.anilexplorer.io.ResultSet;
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
    void unlabelledPresetMethodsAreNamedAsTheWindowNamesThem() throws Exception {
        Path preset = dir.resolve("betas.json");
        Files.writeString(preset, """
                {"title": "β", "params": {"d": 8, "k": 2, "k_prime": 8, "task_cov": "identity", "iterations": 20},
                 "methods": [{}, {"beta": 0.2}]}""");
        Path out = dir.resolve("betas");
        CliHarness.Result r = toy("run", "--preset", preset.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode config = Json.MAPPER.readTree(out.resolve("config.json").toFile());
        assertEquals("FO-ANIL, β = 0.2", config.get("methods").get(1).get("label").asText());
        List<String> rows = Files.readAllLines(out.resolve("metrics.csv"));
        assertTrue(rows.stream().anyMatch(l -> l.startsWith("\"FO-ANIL, β = 0.2\",")), rows.get(rows.size() - 1));
        assertFalse(Files.readString(out.resolve("metrics.csv")).contains("beta=0.2"));
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

        // a write that fails half-way (injected: metrics.csv cannot be created in the staging folder) while replacing
        // the earlier set: one line naming the file and the cause, and the earlier set untouched
        CliContext failing = new CliContext(ToyDynamics::create, 2, () -> false, (o, overwrite) -> {
            ResultSet set = ResultSet.open(o, overwrite);
            Files.createDirectory(set.staging().resolve("metrics.csv"));
            return set;
        });
        CliHarness.Result r = CliHarness.run(failing, with(args, "--overwrite"));
        String e = r.failure();
        assertEquals("error: cannot write " + out.resolve("metrics.csv") + ": is a directory (nothing was written; "
                + out + " is left as it was)", e);
        assertEquals(List.of("config.json", "metrics.csv", "risk.csv", "summary.json"), files(out));
        assertEquals(before, Files.readString(out.resolve("summary.json")));
        assertEquals(List.of("keep"), files(dir), "no staging folder or lock file is left beside the set");

        Path fresh = dir.resolve("fresh");
        CliHarness.run(failing, with(new String[] {"run"}, with(SMALL, "--out", fresh.toString()))).failure();
        assertFalse(Files.exists(fresh), "a failed first write creates no folder");
    }

    @Test
    void aResultSetIsNeverMixedWithAnother() throws Exception {
        Path out = dir.resolve("set");
        assertEquals(0, toy(with(new String[] {"run"}, with(SMALL, "--out", out.toString()))).code());
        String before = Files.readString(out.resolve("config.json"));

        // a second command aimed at the same folder is refused, naming it, and writes nothing
        String e = toy("figure", "--preset", "test-figures-tiny", "--out", out.toString()).usageError();
        assertTrue(e.startsWith("error: --out " + out + ": is not empty (it holds config.json, metrics.csv, "
                + "risk.csv and 1 more); choose another folder, or add --overwrite"), e);
        assertEquals(before, Files.readString(out.resolve("config.json")));

        // --overwrite replaces the set as a whole: no file of the old set survives beside the new one
        CliHarness.Result r = toy("figure", "--preset", "test-figures-tiny", "--set", "iterations=30", "--overwrite",
                "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> now = files(out);
        assertTrue(now.contains("figure2.png") && now.contains("config.json"), now.toString());
        assertFalse(now.contains("metrics.csv") || now.contains("summary.json"), "old files survived: " + now);
        assertEquals(List.of("set"), files(dir), "nothing left beside the set");
        assertTrue(r.out().contains("wrote " + out + ": config.json, distance.csv"), r.out());

        // an empty folder is fine; an empty name is refused
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertEquals(0, toy(with(new String[] {"run"}, with(SMALL, "--out", empty.toString()))).code());
        e = toy("run", "--out", "").usageError();
        assertEquals("error: --out '': an empty folder name; give a folder, e.g. results", e);
    }

    @Test
    void seedsAndSetSeedsMustAgreeAndDryRunWritesNothing() throws Exception {
        String e = toy("run", "--seeds", "3", "--set", "seeds=2", "--out", dir.resolve("x").toString()).usageError();
        assertEquals("error: --seeds 3 and --set seeds=2 disagree; give only one", e);
        assertEquals(0, toy(with(new String[] {"run"}, with(SMALL, "--seeds", "2", "--set", "seeds=2", "--out",
                dir.resolve("same").toString()))).code());

        Path out = dir.resolve("dry");
        CliHarness.Result r = toy(with(new String[] {"run"}, with(SMALL, "--seeds", "2", "--dry-run", "--out",
                out.toString())));
        assertEquals(0, r.code(), r.err());
        assertFalse(Files.exists(out), "--dry-run writes nothing");
        int brace = r.out().lastIndexOf("}\n");
        JsonNode config = Json.MAPPER.readTree(r.out().substring(0, brace + 1));
        assertEquals(8, config.get("params").get("d").asInt(), "the resolved configuration is printed");
        assertEquals(2, config.get("seeds").size());
        assertTrue(r.out().matches("(?s).*\\nestimate: about \\d+ s for 2 run\\(s\\) \\(600 iterations\\) on 2 core\\(s\\), "
                + "about \\d+ MB of memory\\n.*"), r.out());
        assertEquals(0, toy("run", "--dry-run").code(), "--out is not needed for a dry run");
        assertEquals("error: Missing required option: '--out=DIR'", toy("run").usageError());
    }

    @Test
    void theoryIsClaimedOnlyWhereItHolds() throws Exception {
        Path out = dir.resolve("kp");
        assertEquals(0, toy(with(new String[] {"run"}, with(SMALL, "--set", "k_prime=1", "--out", out.toString()))).code());
        JsonNode theory = Json.MAPPER.readTree(out.resolve("summary.json").toFile()).get("theory");
        assertFalse(theory.get("applies").asBoolean());
        assertTrue(theory.get("reason").asText().startsWith("k' = 1 < k = 2: B⋆ᵀB_t has rank at most k'"),
                theory.toString());
        Path ok = dir.resolve("ok");
        assertEquals(0, toy(with(new String[] {"run"}, with(SMALL, "--set", "tasks=inf", "--out", ok.toString()))).code());
        theory = Json.MAPPER.readTree(ok.resolve("summary.json").toFile()).get("theory");
        assertTrue(theory.get("applies").asBoolean(), theory.toString());
        assertTrue(theory.get("reason").asText().contains("FO-ANIL with infinite tasks, as in the theorem"), theory.toString());
        assertFalse(Json.MAPPER.readTree(ok.resolve("summary.json").toFile()).get("interrupted").asBoolean());
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
