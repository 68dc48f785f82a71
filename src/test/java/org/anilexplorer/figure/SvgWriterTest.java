package org.anilexplorer.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class SvgWriterTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        // the DOCTYPE names the W3C DTD: never fetch it
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setValidating(false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    static List<String> texts(Document doc) {
        NodeList nodes = doc.getElementsByTagNameNS("*", "text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent().replace("\uFEFF", ""));
        }
        return out;
    }

    @Test
    void svgIsWellFormedAndHasTheSeriesLabelsAndMetadata() throws Exception {
        CompositeFigure figure = TestFigures.figure2();
        Path file = dir.resolve("figure2.svg");
        SvgWriter.write(figure, file, new ImageSize(900, 420, 2));
        Document doc = parse(Files.readAllBytes(file));
        Element root = doc.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals(900, Double.parseDouble(root.getAttribute("width")));
        assertEquals(420, Double.parseDouble(root.getAttribute("height")));

        List<String> texts = texts(doc);
        for (String expected : List.of("FO-ANIL", "Burer–Monteiro", StandardFigures.LAMBDA_STAR, "smallest",
                "largest", "iteration t", "σ²ₘᵢₙ(B⋆ᵀBₜ)", "σ²ₘₐₓ(B⋆ᵀBₜ)", figure.title())) {
            assertTrue(texts.contains(expected), expected + " not among " + texts);
        }
        assertTrue(texts.contains("10¹") && texts.contains("10²"), "decade tick labels: " + texts);

        // one path per mean curve at least: 2 methods × 2 panels, plus bands and theory levels
        assertTrue(doc.getElementsByTagNameNS("*", "path").getLength() >= 8);
        assertEquals(figure.title(), doc.getElementsByTagNameNS("*", "title").item(0).getTextContent());
        String desc = doc.getElementsByTagNameNS("*", "desc").item(0).getTextContent();
        assertTrue(desc.contains("Parameters: d=50 k=5 α=0.1 β=0.1 σ²=4"), desc);
        assertTrue(desc.contains("Software: ANIL Explorer"), desc);
    }

    /** No clock in an export: the same figure written twice gives the same bytes (JFreeSVG's ids default to one). */
    @Test
    void theSameFigureIsExportedByteForByteTheSame() throws Exception {
        CompositeFigure figure = TestFigures.figure2();
        Path first = dir.resolve("first.svg");
        Path second = dir.resolve("second.svg");
        SvgWriter.write(figure, first, new ImageSize(900, 420, 2));
        Thread.sleep(2); // a clock-derived value would surely differ now
        SvgWriter.write(figure, second, new ImageSize(900, 420, 2));
        String svg = Files.readString(first);
        assertTrue(svg.contains("clip-path="), "the figure uses clip paths, whose ids JFreeSVG derives from a prefix");
        assertEquals(svg, Files.readString(second));
    }

    @Test
    void singlePanelSvgParsesToo() throws Exception {
        String svg = SvgWriter.toSvg(StandardFigures.distance(TestFigures.methods()).withMetadata(
                java.util.Map.of("Note", "a < b & \"c\"")), ImageSize.defaultFor(TestFigures.figure2().panels().get(0)));
        Document doc = parse(svg.getBytes(StandardCharsets.UTF_8));
        assertTrue(texts(doc).contains("dist(Bₜ, B⋆) = ‖B⋆,⊥ᵀB̂ₜ‖₂"));
        assertTrue(doc.getElementsByTagNameNS("*", "desc").item(0).getTextContent().contains("a < b & \"c\""));
        new InputSource(new StringReader(svg)); // the string form is the same document
    }
}
