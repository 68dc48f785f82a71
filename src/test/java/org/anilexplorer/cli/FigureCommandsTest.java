package org.anilexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.anilexplorer.core.run.DynamicsSource;
import org.anilexplorer.figure.PngWriter;
import org.anilexplorer.io.Preset;
import org.anilexplorer.io.PresetReader;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reproduce figures} and {@code figure} end to end on tiny problems: the files, their content, the theory. */
class FigureCommandsTest {

    @TempDir
    static Path dir;

    private static CliHarness.Result figures;

    @BeforeAll
    static void reproduceTinyFigures() {
        System.setProperty("java.awt.headless", "true");
        figures = CliHarness.run(DynamicsSource.FACTORY, "reproduce", "figures", "--preset", "test-figures-tiny", "--out",
                dir.resolve("f").toString());
    }

    private static List<CSVRecord> csv(Path file) throws Exception {
        try (Reader r = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true).get()
                    .parse(r).getRecords();
        }
    }

    private static double number(CSVRecord r, String column) {
        String v = r.get(column);
        return v.isEmpty() ? Double.NaN : Double.parseDouble(v);
    }

    @Test
    void reproduceFiguresWritesPngSvgCsvAndConfig() throws Exception {
        assertEquals(0, figures.code(), figures.err());
        Path f = dir.resolve("f");
        List<String> expected = List.of("figure2.png", "figure2.svg", "figure2.csv", "figure3.png", "figure3.svg",
                "figure3.csv", "config.json");
        for (String name : expected) {
            assertTrue(Files.size(f.resolve(name)) > 0, name);
        }
        try (var listing = Files.list(f)) {
            assertEquals(expected.size(), listing.count(), "only the figures and config.json, no temporary files");
        }
        Preset again = PresetReader.read(f.resolve("config.json"));
        assertEquals(PresetReader.load("test-figures-tiny").variants(Map.of()), again.variants(Map.of()));
    }

    @Test
    void pngCarriesParametersSeedsAndVersion() throws Exception {
        Path png = dir.resolve("f").resolve("figure2.png");
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image);
        assertTrue(image.getWidth() >= 1600, "at least 1600 pixels wide by default: " + image.getWidth());
        Map<String, String> text = PngWriter.readText(png);
        assertTrue(text.get("Title").contains("B⋆ᵀB"), text.toString());
        assertTrue(text.get("Parameters").contains("d=8") && text.get("Parameters").contains("alpha=0.1"), text.toString());
        assertTrue(text.get("Methods").contains("FO-MAML (algorithm=fo-maml)"), text.toString());
        assertEquals("1, 2", text.get("Seeds"));
        assertTrue(text.get("Program").startsWith("anil-explorer "), text.toString());
        assertTrue(text.containsKey("Software"), text.toString());
    }

    @Test
    void svgIsWellFormedWithLegendAndTheory() throws Exception {
        Path svg = dir.resolve("f").resolve("figure2.svg");
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        // well-formedness only: never fetch the SVG DTD
        xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        assertEquals("svg", xml.newDocumentBuilder().parse(svg.toFile()).getDocumentElement().getNodeName());
        String text = Files.readString(svg);
        for (String label : List.of("FO-ANIL infinite samples", "Burer-Monteiro", "Λ⋆")) {
            assertTrue(text.contains(label), label);
        }
    }

    @Test
    void figureTwoCsvHoldsEveryMethodWithBandsAndTheLimitOfTheoremOne() throws Exception {
        List<CSVRecord> rows = csv(dir.resolve("f").resolve("figure2.csv"));
        assertEquals(0, number(rows.get(0), "iteration t"), 0.0);
        assertEquals(300, number(rows.get(rows.size() - 1), "iteration t"), 0.0);
        for (String method : List.of("FO-ANIL", "FO-MAML", "FO-ANIL infinite tasks", "FO-ANIL infinite samples",
                "Burer-Monteiro")) {
            for (CSVRecord r : rows) {
                assertTrue(number(r, "smallest: " + method + " mean") > 0, method);
                assertTrue(number(r, "largest: " + method + " " + org.anilexplorer.core.stats.SeedStatistics.SD) >= 0, method);
            }
        }
        // Σ⋆ = I_2, σ² = 1, m_in = 10, α = 0.1: αΛ⋆ = m_in/((m_in + 1 + k) + σ²) = 10/14 in both directions (eq. 8)
        assertEquals(10.0 / 14 / 0.1, number(rows.get(0), "smallest: Λ⋆ (Theorem 1)"), 1e-9);
        assertEquals(10.0 / 14 / 0.1, number(rows.get(0), "largest: Λ⋆ (Theorem 1)"), 1e-9);
    }

    @Test
    void unlearningCurveFollowsInfiniteTaskFoAnil(@TempDir Path tmp) throws Exception {
        // infinite tasks alone run 8 000 iterations in well under a second; the anchored 1/t law (docs/math.md §4.3) must track
        // ‖B⋆,⊥ᵀB_t‖² to within 2 % an order of magnitude after the anchor
        Path preset = tmp.resolve("inf.json");
        Files.writeString(preset, """
                {"title": "infinite tasks", "params": {"algorithm": "fo-anil", "d": 10, "k": 2, "k_prime": 10,
                 "m_in": 10, "tasks": "inf", "alpha": 0.2, "beta": 0.2, "sigma2": 1, "task_cov": "identity",
                 "iterations": 8000, "seeds": 2},
                 "methods": [{"label": "FO-ANIL infinite tasks"}]}
                """);
        Path out = tmp.resolve("out");
        CliHarness.Result r = CliHarness.run(DynamicsSource.FACTORY, "figure", "--preset", preset.toString(), "--width",
                "600", "--scale", "1", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        for (String name : List.of("figure2", "figure3", "spectrum", "distance")) {
            BufferedImage image = ImageIO.read(out.resolve(name + ".png").toFile());
            assertEquals(600, image.getWidth(), name + ": --width 600 --scale 1");
            assertTrue(Files.exists(out.resolve(name + ".svg")) && Files.exists(out.resolve(name + ".csv")), name);
        }
        List<CSVRecord> rows = csv(out.resolve("figure3.csv"));
        double anchor = Double.NaN;
        List<Double> ratios = new ArrayList<>();
        for (CSVRecord row : rows) {
            double theory = number(row, "largest: 1/t rate (theory)");
            double t = number(row, "iteration t");
            if (Double.isNaN(theory)) {
                continue;
            }
            if (Double.isNaN(anchor)) {
                anchor = t;
                assertEquals(number(row, "largest: FO-ANIL infinite tasks mean"), theory, 1e-12, "anchored at t₀");
            }
            if (t >= 10 * anchor) {
                ratios.add(theory / number(row, "largest: FO-ANIL infinite tasks mean"));
            }
        }
        assertTrue(anchor > 1 && ratios.size() > 10, "anchor " + anchor + ", " + ratios.size() + " points after 10·t₀");
        for (double ratio : ratios) {
            assertEquals(1.0, ratio, 0.02);
        }
    }

    @Test
    void badInputIsOneLine() {
        Path out = dir.resolve("bad");
        String scale = CliHarness.run(DynamicsSource.FACTORY, "reproduce", "figures", "--scale", "100", "--out",
                out.toString()).usageError();
        assertTrue(scale.startsWith("error: --scale: "), scale);
        String missing = CliHarness.run(DynamicsSource.FACTORY, "figure", "--out", out.toString()).usageError();
        assertTrue(missing.contains("--preset"), missing);
        String unknown = CliHarness.run(DynamicsSource.FACTORY, "figure", "--preset", "no-such-preset", "--out",
                out.toString()).usageError();
        assertTrue(unknown.contains("no-such-preset"), unknown);
        assertFalse(Files.exists(out.resolve("figure2.png")));
    }
}
