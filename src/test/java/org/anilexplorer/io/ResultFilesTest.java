package org.anilexplorer.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.run.Experiment;
import org.anilexplorer.core.run.ExperimentView;
import org.anilexplorer.core.run.RunOptions;
import org.anilexplorer.core.run.RunView;
import org.anilexplorer.core.theory.LambdaStar;
import org.anilexplorer.core.run.Variant;
import org.anilexplorer.testing.ToyDynamics;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultFilesTest {

    @TempDir
    Path dir;

    private ExperimentRecord record(List<Variant> variants, int seeds) throws Exception {
        try (Experiment e = new Experiment(variants, seeds, ToyDynamics::create, RunOptions.DEFAULT, 2, Duration.ofMillis(50))) {
            e.start();
            ExperimentView v = e.await();
            return new ExperimentRecord("Toy", "toy runs", "tests", variants.get(0).params(), variants,
                    List.of("beta > alpha: Theorem 1 assumes β ≤ α."), v, Duration.ofMillis(5));
        }
    }

    @Test
    void fourParseableFilesAgreeWithEachOther() throws Exception {
        Params p = ToyDynamics.smallParams().with("iterations", "400");
        List<Variant> variants = List.of(new Variant("A", p), new Variant("B", p.with("beta", "0.3")),
                new Variant("diverging", p.with("alpha", "1")));
        ExperimentRecord r = record(variants, 2);
        List<Path> written = ResultFiles.write(dir, r, null);
        assertEquals(4, written.size());
        try (var s = Files.list(dir)) {
            assertEquals(4, s.count(), "no temporary files left");
        }

        // risk.csv: one row per recorded risk point, m_test and run, equal to what the runs recorded
        try (Reader in = Files.newBufferedReader(dir.resolve("risk.csv"));
             CSVParser csv = CSVParser.builder().setReader(in)
                     .setFormat(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            assertEquals(RiskCsv.HEADER, csv.getHeaderNames());
            List<CSVRecord> riskRows = csv.getRecords();
            int points = r.view().runs().stream().mapToInt(v -> v.risk().size() * v.risk().mTestCount()).sum();
            assertTrue(points > 0);
            assertEquals(points, riskRows.size());
            org.anilexplorer.core.run.RunView first = r.view().runs().get(0);
            assertEquals(List.of(20, 30), java.util.Arrays.stream(first.risk().mTests()).boxed().toList(),
                    "every m_test of the parameters");
            int n = first.risk().size();
            for (int j = 0; j < 2; j++) {
                for (int i = 0; i < n; i++) {
                    CSVRecord row = riskRows.get(j * n + i);
                    assertEquals(first.label(), row.get("method"));
                    assertEquals(first.risk().mTests()[j], Integer.parseInt(row.get("m_test")));
                    assertEquals(first.risk().iteration(i), Long.parseLong(row.get("iteration")));
                    assertEquals(first.risk().oneStepGd(j, i), Double.parseDouble(row.get("one_step_gd")));
                }
            }
        }

        // metrics.csv: required columns, one row per recorded iteration and run, no NaN anywhere
        List<CSVRecord> rows;
        List<String> header;
        try (Reader in = Files.newBufferedReader(dir.resolve("metrics.csv"));
             CSVParser csv = CSVParser.builder().setReader(in)
                     .setFormat(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            header = csv.getHeaderNames();
            rows = csv.getRecords();
        }
        assertTrue(header.containsAll(List.of("method", "seed", "iteration", "sv2_star_min", "sv2_star_max",
                "sv2_perp_mean", "sv2_perp_max", "bw_norm", "distance", "training_loss", "sv2_star_1", "sv2_star_2")), header.toString());
        int recorded = r.view().runs().stream().mapToInt(v -> v.series().size()).sum();
        assertEquals(recorded, rows.size());
        for (CSVRecord row : rows) {
            assertFalse(row.toString().contains("NaN") || row.toString().contains("Infinity"), row.toString());
            Double.parseDouble(row.get("sv2_star_min"));
            assertEquals(Double.parseDouble(row.get("sv2_star_2")), Double.parseDouble(row.get("sv2_star_min")));
        }

        // summary.json: per method final mean equals the mean of the CSV's final rows for that method
        JsonNode summary = Json.MAPPER.readTree(dir.resolve("summary.json").toFile());
        assertEquals(6, summary.get("runs").size());
        assertFalse(summary.get("all_succeeded").asBoolean());
        Map<String, List<Double>> finalMin = new HashMap<>();
        Map<String, Long> finalIteration = new HashMap<>();
        for (CSVRecord row : rows) {
            finalIteration.merge(row.get("method"), Long.parseLong(row.get("iteration")), Math::max);
        }
        for (CSVRecord row : rows) {
            if (Long.parseLong(row.get("iteration")) == finalIteration.get(row.get("method"))) {
                finalMin.computeIfAbsent(row.get("method"), m -> new ArrayList<>()).add(Double.parseDouble(row.get("sv2_star_min")));
            }
        }
        for (JsonNode m : summary.get("methods")) {
            String label = m.get("label").asText();
            double mean = finalMin.get(label).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            assertEquals(mean, m.get("final_mean").get("sv2_star_min").asDouble(), 1e-12 * Math.abs(mean), label);
        }
        JsonNode theory = summary.get("theory").get("lambda_star");
        double[] lambda = LambdaStar.eigenvalues(p);
        assertEquals(lambda.length, theory.size());
        for (int j = 0; j < lambda.length; j++) {
            assertEquals(lambda[j], theory.get(j).asDouble(), 0.0);
        }
        for (JsonNode run : summary.get("runs")) {
            if (run.get("method").asText().equals("diverging")) {
                assertEquals("diverged", run.get("state").asText());
                assertTrue(run.get("reason").asText().contains("try alpha ≤"), run.toString());
            } else {
                assertEquals("finished", run.get("state").asText());
                assertEquals(400, run.get("final").get("iteration").asLong());
                assertTrue(run.get("iterations_per_second").asDouble() > 0);
            }
        }

        // config.json loads back as a preset that repeats the experiment
        Preset again = PresetReader.read(dir.resolve("config.json"));
        List<Variant> back = again.variants(Map.of());
        assertEquals(variants, back);
        assertEquals("Toy", again.title());
    }

    @Test
    void singleVariantConfigHasNoMethodsAndReadsBack() throws Exception {
        Params p = ToyDynamics.smallParams().withAll(Map.of("iterations", "50", "task_mean", "1,-0.5",
                "task_cov", "0.5,2", "m_test", "5,7", "tasks", "inf"));
        List<Variant> one = List.of(Variant.of(p));
        ExperimentRecord r = record(one, 1);
        ResultFiles.write(dir, r, Json.object().put("hook", "evaluation"));
        JsonNode config = Json.MAPPER.readTree(dir.resolve("config.json").toFile());
        assertFalse(config.has("methods"));
        assertTrue(config.get("params").get("task_cov").isArray());
        assertEquals(2, config.get("params").get("m_test").size());
        assertEquals(p, PresetReader.read(dir.resolve("config.json")).params());
        JsonNode summary = Json.MAPPER.readTree(dir.resolve("summary.json").toFile());
        assertEquals("evaluation", summary.get("evaluation").get("hook").asText());
        RunView run = r.view().runs().get(0);
        assertArrayEquals(run.last().sv2Star(), new double[] {
                summary.get("runs").get(0).get("final").get("sv2_star").get(0).asDouble(),
                summary.get("runs").get(0).get("final").get("sv2_star").get(1).asDouble()}, 0.0);
    }
}
