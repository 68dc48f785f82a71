package org.anilexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.anilexplorer.core.run.DynamicsSource;
import org.anilexplorer.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line on the real algorithms, on small problems. */
class CliEndToEndTest {

    @TempDir
    Path dir;

    private static final List<String> SMALL = List.of("--set", "d=10", "--set", "k=2", "--set", "k_prime=10",
            "--set", "tasks=40", "--set", "m_in=10", "--set", "m_out=5", "--set", "task_cov=identity");

    private static CliHarness.Result real(List<String> args) {
        return CliHarness.run(DynamicsSource.FACTORY, args.toArray(String[]::new));
    }

    private static List<String> args(String command, List<String> base, String... more) {
        List<String> a = new ArrayList<>();
        a.add(command);
        a.addAll(base);
        a.addAll(List.of(more));
        return a;
    }

    private JsonNode summary(Path out) throws Exception {
        return Json.MAPPER.readTree(out.resolve("summary.json").toFile());
    }

    @Test
    void everyMethodRunsOnASmallProblem() throws Exception {
        String[][] methods = {{"algorithm=fo-anil"}, {"algorithm=fo-anil", "fresh_tasks=true"}, {"algorithm=fo-maml"},
                {"algorithm=anil"}, {"algorithm=maml"}, {"algorithm=burer-monteiro"}, {"algorithm=average-loss"},
                {"algorithm=fo-anil", "m_in=inf", "m_out=inf"}, {"algorithm=fo-anil", "tasks=inf"}};
        for (String[] m : methods) {
            Path out = dir.resolve(String.join("_", m).replace('=', '-'));
            List<String> a = args("run", SMALL, "--set", "iterations=30", "--seeds", "2", "--out", out.toString());
            for (String s : m) {
                a.add("--set");
                a.add(s);
            }
            CliHarness.Result r = real(a);
            assertEquals(0, r.code(), String.join(" ", m) + ": " + r.err());
            JsonNode s = summary(out);
            assertTrue(s.get("all_succeeded").asBoolean(), String.join(" ", m));
            assertEquals(30, s.get("runs").get(1).get("final").get("iteration").asLong());
        }
    }

    @Test
    void infiniteTasksReachTheoremOneLimitReportedInTheSummary() throws Exception {
        // d = 10, k = 2, Σ⋆ = I, σ² = 1, m_in = 10, α = β = 0.1: αΛ⋆ = 10/(11 + 3) = 0.714 for both directions (eq. 8)
        Path out = dir.resolve("inf");
        CliHarness.Result r = real(args("run", SMALL, "--set", "tasks=inf", "--set", "iterations=20000", "--out",
                out.toString()));
        assertEquals(0, r.code(), r.err());
        JsonNode s = summary(out);
        JsonNode lambda = s.get("theory").get("lambda_star");
        assertEquals(10.0 / 14 / 0.1, lambda.get(0).asDouble(), 1e-12);
        JsonNode sv2 = s.get("runs").get(0).get("final").get("sv2_star");
        for (int j = 0; j < 2; j++) {
            assertEquals(lambda.get(j).asDouble(), sv2.get(j).asDouble(), 1e-3 * lambda.get(j).asDouble());
        }
    }

    @Test
    void evaluateAddsTheTableOneProtocol() throws Exception {
        Path out = dir.resolve("eval");
        CliHarness.Result r = real(List.of("run", "--preset", "test-tiny", "--set", "iterations=100", "--set",
                "test_tasks=64", "--seeds", "2", "--evaluate", "--out", out.toString()));
        assertEquals(0, r.code(), r.err());
        JsonNode table = summary(out).get("evaluation").get("table");
        double oracle = Double.NaN;
        double single = Double.NaN;
        int fomaml = 0;
        for (JsonNode row : table) {
            assertEquals(2, row.get("runs").asInt());
            double risk = row.get("half_squared_error").get("mean").asDouble();
            assertTrue(risk > 0, row.toString());
            if (row.get("m_test").asInt() == 20 && row.get("estimator").asText().equals("Oracle ridge")) {
                oracle = risk;
            }
            if (row.get("m_test").asInt() == 20 && row.get("estimator").asText().equals("Single-task ridge")) {
                single = risk;
            }
            if (row.get("method").asText().equals("FO-MAML")) {
                fomaml++;
            }
            assertEquals(2 * row.get("half_squared_error").get("mean").asDouble(),
                    row.get("squared_error").get("mean").asDouble(), 1e-12);
        }
        assertEquals(2 * 3, fomaml, "1-GD, k-step GD and ridge at m_test = 20 and 30");
        assertTrue(oracle < single, "oracle ridge (k = 2 features) beats single-task ridge (d = 12): " + oracle + " vs " + single);
        assertTrue(r.out().contains("Oracle ridge"), r.out());
    }

    @Test
    void divergingRealRunStopsWithAReason() throws Exception {
        Path out = dir.resolve("div");
        String e = real(args("run", SMALL, "--set", "beta=5", "--set", "iterations=1000", "--out", out.toString())).failure();
        assertTrue(e.matches("error: FO-ANIL, seed 1: diverged at iteration \\d+: .*try beta ≤ 0\\.\\d+\\."), e);
        assertEquals("diverged", summary(out).get("runs").get(0).get("state").asText());
    }

    @Test
    void benchTimesTheRealAlgorithm() throws Exception {
        CliHarness.Result r = real(args("bench", SMALL, "--iterations", "20", "--warmup", "2", "--threads", "1", "--json"));
        assertEquals(0, r.code(), r.err());
        JsonNode j = Json.MAPPER.readTree(r.out());
        assertTrue(j.get("iterations_per_second").asDouble() > 0);
        assertTrue(j.get("flops_per_iteration").asDouble() > 0);
        assertEquals("fo-anil", j.get("algorithm").asText());
    }
}
