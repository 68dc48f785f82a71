package org.anilexplorer.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.anilexplorer.core.run.Variant;
import org.anilexplorer.io.FigureConfiguration;
import org.anilexplorer.io.Preset;
import org.anilexplorer.io.PresetException;
import org.anilexplorer.io.PresetReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An exported figure is a preset: the configuration and view written into PNG and SVG files read back equal. */
class FigureConfigurationTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"png", "svg"})
    void aWrittenFigureReadsBackAsTheSameConfigurationAndView(String format) throws Exception {
        Preset preset = PresetReader.load("collins");
        Map<String, String> settings = Map.of("seeds", "3", "iterations", "700");
        List<Variant> variants = preset.variants(settings);
        Preset configuration = FigureConfiguration.configuration(preset.title(), preset.description(),
                preset.source(), preset.params().withAll(settings), variants);
        Map<String, String> view = Map.of("chart", "figure3", "y", "log");
        Figure figure = TestFigures.figure3().withMetadata(FigureConfiguration.entries(configuration, view));

        Path file = dir.resolve("figure3." + format);
        if (format.equals("png")) {
            PngWriter.write(figure, file, new ImageSize(500, 300, 1));
        } else {
            SvgWriter.write(figure, file, new ImageSize(500, 300, 1));
        }

        FigureConfiguration.Embedded back = FigureConfiguration.read(file);
        assertEquals(variants, back.preset().variants(Map.of()), "same methods, parameters and seeds");
        assertEquals(preset.title(), back.preset().title());
        assertEquals(preset.description(), back.preset().description());
        assertEquals(view, back.view());
        // and the preset loader takes the image wherever it takes a preset file
        assertEquals(variants, PresetReader.load(file.toString()).variants(Map.of()));
    }

    @Test
    void svgKeepsTheConfigurationOutOfTheHumanDescription() throws Exception {
        Preset preset = PresetReader.load("teaching");
        Figure figure = TestFigures.figure2().withMetadata(FigureConfiguration.entries(preset, Map.of()));
        String svg = SvgWriter.toSvg(figure, new ImageSize(500, 300, 1));
        String desc = svg.substring(svg.indexOf("<desc>"), svg.indexOf("</desc>"));
        assertFalse(desc.contains(FigureConfiguration.CONFIGURATION_KEY), desc);
        assertTrue(svg.contains("<metadata><anil:figure xmlns:anil=\"" + FigureConfiguration.SVG_NAMESPACE + "\">"));
    }

    @Test
    void aFigureWithoutConfigurationIsRefusedInOneLine() throws Exception {
        Path png = dir.resolve("plain.png");
        PngWriter.write(TestFigures.figure2(), png, new ImageSize(400, 300, 1));
        String m = assertThrows(PresetException.class, () -> PresetReader.load(png.toString())).getMessage();
        assertTrue(m.startsWith(png + ": carries no ANIL Explorer configuration"), m);

        Path notSvg = dir.resolve("broken.svg");
        Files.writeString(notSvg, "<svg><metadata>", StandardCharsets.UTF_8);
        m = assertThrows(PresetException.class, () -> FigureConfiguration.read(notSvg)).getMessage();
        assertTrue(m.startsWith(notSvg + ": not a valid SVG file"), m);
        assertFalse(m.contains("\n"), m);

        Path notPng = dir.resolve("text.png");
        Files.writeString(notPng, "hello", StandardCharsets.UTF_8);
        m = assertThrows(PresetException.class, () -> FigureConfiguration.read(notPng)).getMessage();
        assertTrue(m.startsWith(notPng + ": cannot be read"), m);
    }

    @Test
    void anSvgCannotMakeTheReaderFetchEntities() throws Exception {
        Path svg = dir.resolve("entity.svg");
        Files.writeString(svg, "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\"><metadata><anil:figure xmlns:anil=\""
                + FigureConfiguration.SVG_NAMESPACE + "\"><anil:entry key=\"" + FigureConfiguration.CONFIGURATION_KEY
                + "\">&x;</anil:entry></anil:figure></metadata></svg>", StandardCharsets.UTF_8);
        assertThrows(PresetException.class, () -> FigureConfiguration.read(svg));
    }
}
