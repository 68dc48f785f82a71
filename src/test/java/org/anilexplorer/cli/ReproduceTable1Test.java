package org.anilexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.anilexplorer.core.eval.PublishedTable1;
import org.anilexplorer.core.eval.Table1Column;
import org.anilexplorer.core.run.DynamicsSource;
import org.anilexplorer.io.Json;
import org.anilexplorer.io.Preset;
import org.anilexplorer.io.PresetReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reproduce table1} end to end on the real algorithms, on a tiny version of the Table 1 setting (d = 8, k = 2,
 * 60 tasks, 100 test tasks, 2 seeds): the files' structure, the comparison with the paper, and orderings any faithful
 * run must show (docs/math.md §9, I12).
 */
class ReproduceTable1Test {

    @TempDir
    static Path dir;

    private static CliHarness.Result result;
    private static JsonNode entries;

    @BeforeAll
    static void reproduceTinyTable() throws Exception {
        result = CliHarness.run(DynamicsSource.FACTORY, "reproduce", "table1", "--preset", "test-table1-tiny", "--out",
                dir.resolve("t1").toString());
        entries = Json.MAPPER.readTree(dir.resolve("t1").resolve("table1.json").toFile());
    }

    /** (method, m_test, estimator) → mean. */
    private static Map<String, Double> means() {
        Map<String, Double> out = new HashMap<>();
        for (JsonNode e : entries) {
            out.put(e.get("method").asText() + "|" + e.get("m_test").asInt() + "|" + e.get("estimator").asText(),
                    e.get("mean").asDouble());
        }
        return out;
    }

    @Test
    void writesTheThreeFilesAndSucceeds() {
        assertEquals(0, result.code(), result.err());
        for (String f : List.of("table1.md", "table1.json", "config.json")) {
            assertTrue(Files.isRegularFile(dir.resolve("t1").resolve(f)), f);
        }
        try (var listing = Files.list(dir.resolve("t1"))) {
            assertEquals(3, listing.count(), "no temporary files left behind");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertTrue(result.out().contains("largest |difference|"), result.out());
    }

    @Test
    void anotherSettingSaysThePaperColumnDoesNotApply() throws Exception {
        String note = result.out().lines().filter(l -> l.startsWith("note: ")).findFirst().orElse("");
        assertTrue(note.startsWith("note: the setting differs from the paper's (bundled preset 'table1'): ")
                && note.endsWith("the paper column does not apply to these numbers and the differences are shown "
                        + "for reference only"), result.out());
        assertTrue(result.out().contains("— not a comparison: the setting differs from the paper's"), result.out());
        assertTrue(Files.readString(dir.resolve("t1").resolve("table1.md")).contains("the paper column does not apply"));
        // the paper's own preset with other seeds is the paper's setting
        assertTrue(ReproduceTable1Command.paperSettingDiffers(
                ExperimentDriver.resolve("table1", List.of(), "3")).isEmpty());
        assertTrue(ReproduceTable1Command.paperSettingDiffers(ExperimentDriver.resolve("table1",
                List.of("alpha=0.1"), null)).orElseThrow().contains(": alpha; the paper column does not apply"));
    }

    @Test
    void everyEntryHasTheDocumentedFieldsAndTheMethodsTheirEstimators() {
        assertTrue(entries.isArray());
        // 2 baselines × 2 m_test (ridge only) + Burer–Monteiro × 2 (ridge only) + 4 meta methods × 2 m_test × 2
        assertEquals(4 + 2 + 16, entries.size());
        for (JsonNode e : entries) {
            for (String field : List.of("method", "m_test", "estimator", "mean", "std", "paper", "difference")) {
                assertTrue(e.has(field), field + " in " + e);
            }
            String estimator = e.get("estimator").asText();
            assertTrue(Set.of("1-GD", "ridge").contains(estimator), estimator);
            String method = e.get("method").asText();
            if (Set.of(PublishedTable1.SINGLE_TASK_RIDGE, PublishedTable1.ORACLE_RIDGE, PublishedTable1.BURER_MONTEIRO)
                    .contains(method)) {
                assertEquals("ridge", estimator, method + " has no 1-GD column");
            }
            assertEquals(2, e.get("seeds").asInt());
            assertTrue(e.get("mean").asDouble() > 0 && e.get("std").asDouble() >= 0, e.toString());
        }
    }

    @Test
    void paperValuesAndDifferencesComeFromThePublishedTable() {
        for (JsonNode e : entries) {
            Table1Column column = e.get("estimator").asText().equals("1-GD") ? Table1Column.ONE_STEP_GD
                    : Table1Column.RIDGE;
            PublishedTable1.Cell paper = PublishedTable1.find(e.get("method").asText(), e.get("m_test").asInt(), column)
                    .orElseThrow(() -> new AssertionError("the paper has " + e));
            assertEquals(paper.mean(), e.get("paper").asDouble(), 0.0);
            assertEquals(e.get("mean").asDouble() - paper.mean(), e.get("difference").asDouble(), 1e-12);
        }
    }

    @Test
    void baselinesAndMethodsAreOrderedSensibly() {
        Map<String, Double> m = means();
        for (int mTest : List.of(20, 30)) {
            double oracle = m.get("Oracle ridge|" + mTest + "|ridge");
            double single = m.get("Single-task ridge|" + mTest + "|ridge");
            assertTrue(oracle < single, "oracle (k = 2 true features) beats single-task ridge (d = 8)");
            for (String method : List.of("FO-ANIL", "FO-MAML", "FO-ANIL infinite tasks", "FO-ANIL infinite samples",
                    "Burer-Monteiro")) {
                double ridge = m.get(method + "|" + mTest + "|ridge");
                assertTrue(oracle < ridge && ridge < single, method + " ridge between the baselines at m_test = "
                        + mTest + ": " + oracle + " < " + ridge + " < " + single);
                if (!method.equals("Burer-Monteiro")) {
                    assertTrue(ridge <= m.get(method + "|" + mTest + "|1-GD"), method + ": ridge ≤ 1-GD");
                }
            }
        }
        // the m_test = 20 test task is a prefix of the m_test = 30 one: more samples, lower risk
        for (JsonNode e : entries) {
            if (e.get("m_test").asInt() == 20) {
                String key = e.get("method").asText() + "|30|" + e.get("estimator").asText();
                assertTrue(m.get(key) < e.get("mean").asDouble(), key);
            }
        }
    }

    @Test
    void markdownShowsOursBesideThePaperAndConfigRepeatsTheRun() throws Exception {
        String md = Files.readString(dir.resolve("t1").resolve("table1.md"));
        assertTrue(md.contains("| method | m_test = 20, 1-GD | m_test = 20, Ridge | m_test = 30, 1-GD | m_test = 30, Ridge |"), md);
        assertTrue(md.contains("| Oracle ridge | — | "), md);
        assertTrue(md.contains("(0.50 ± 0.01)"), "the paper's oracle value beside ours: " + md);
        assertTrue(md.contains("## Differences (ours − paper)"), md);
        assertFalse(md.contains("NaN"), md);
        Preset again = PresetReader.read(dir.resolve("t1").resolve("config.json"));
        Preset original = PresetReader.load("test-table1-tiny");
        assertEquals(original.variants(Map.of()), again.variants(Map.of()), "config.json repeats the same runs");
    }

    @Test
    void badInputIsOneLineAndWritesNothing() {
        Path out = dir.resolve("bad");
        String e = CliHarness.run(DynamicsSource.FACTORY, "reproduce", "table1", "--seeds", "0", "--out",
                out.toString()).usageError();
        assertTrue(e.startsWith("error: --seeds: "), e);
        assertFalse(Files.exists(out.resolve("table1.json")));
        String sub = CliHarness.run(DynamicsSource.FACTORY, "reproduce").usageError();
        assertTrue(sub.contains("table1"), sub);
    }
}
