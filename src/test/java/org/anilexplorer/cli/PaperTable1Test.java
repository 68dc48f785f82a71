package org.anilexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.anilexplorer.core.eval.PublishedTable1;
import org.anilexplorer.core.run.DynamicsSource;
import org.anilexplorer.io.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The paper's own numbers as the oracle: {@code reproduce table1} at the paper's full setting (the bundled
 * {@code table1} preset) with 3 of its 10 seeds, compared with Table 1 as printed. About a minute on two idle cores.
 *
 * <p>Two claims are checked. README and decision record 0005 promise every entry within 0.06 of the printed value.
 * The 1-GD column has no calibrated part (no λ grid: one gradient step on the head), so its entries must also lie
 * within two of the paper's own run-to-run standard deviations. The ridge entries of "FO-ANIL infinite samples" sit
 * about three of those below the paper (the λ grid of Appendix I is unknown), which is why the first claim is the
 * absolute one.
 */
class PaperTable1Test {

    private static final int SEEDS = 3;
    private static final double DOCUMENTED_TOLERANCE = 0.06;

    @TempDir
    static Path dir;

    private static CliHarness.Result result;
    private static JsonNode entries;

    @BeforeAll
    static void reproduceThePaperSetting() throws Exception {
        result = CliHarness.run(DynamicsSource.FACTORY, "reproduce", "table1", "--seeds", Integer.toString(SEEDS),
                "--quiet", "--out", dir.resolve("t1").toString());
        entries = Json.MAPPER.readTree(dir.resolve("t1").resolve("table1.json").toFile());
    }

    @Test
    void theRunIsThePapersSetting() {
        assertEquals(0, result.code(), result.err());
        assertFalse(result.out().contains("the paper column does not apply"), result.out());
        assertEquals(PublishedTable1.cells().size(), entries.size(), "one entry per printed cell");
    }

    @Test
    void everyEntryIsWithinTheDocumentedToleranceOfThePaper() {
        List<String> far = new ArrayList<>();
        for (JsonNode e : entries) {
            assertEquals(SEEDS, e.get("seeds").asInt());
            double difference = e.get("mean").asDouble() - e.get("paper").asDouble();
            if (!(Math.abs(difference) <= DOCUMENTED_TOLERANCE)) {
                far.add(describe(e, difference));
            }
        }
        assertTrue(far.isEmpty(), "entries farther than " + DOCUMENTED_TOLERANCE + " from Table 1: " + far);
    }

    @Test
    void oneStepEntriesAreWithinThePapersRunToRunSpread() {
        List<String> far = new ArrayList<>();
        int checked = 0;
        for (JsonNode e : entries) {
            if (!e.get("estimator").asText().equals("1-GD")) {
                continue;
            }
            checked++;
            double difference = e.get("mean").asDouble() - e.get("paper").asDouble();
            if (!(Math.abs(difference) <= 2 * e.get("paper_std").asDouble())) {
                far.add(describe(e, difference));
            }
        }
        assertEquals(8, checked, "four meta-learning methods × two m_test have a 1-GD entry");
        assertTrue(far.isEmpty(), "1-GD entries farther than 2 paper sd from Table 1: " + far);
    }

    private static String describe(JsonNode e, double difference) {
        return String.format(Locale.ROOT, "%s m_test=%d %s: ours %.3f, paper %.2f ± %.2f, difference %+.3f",
                e.get("method").asText(), e.get("m_test").asInt(), e.get("estimator").asText(),
                e.get("mean").asDouble(), e.get("paper").asDouble(), e.get("paper_std").asDouble(), difference);
    }
}
