package org.anilexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.anilexplorer.core.run.DynamicsSource;
import org.anilexplorer.io.PresetReader;
import org.anilexplorer.io.ShareCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A figure drawn by {@code figure} is a preset for {@code run}: the run it reproduces records the same numbers as the
 * run that drew it. The same for a share code.
 */
class FigureAsPresetTest {

    @TempDir
    Path dir;

    @Test
    void runWithAFigureAsPresetReproducesTheRunThatDrewIt() throws Exception {
        System.setProperty("java.awt.headless", "true");
        String[] settings = {"--set", "iterations=120", "--seeds", "2"};
        CliHarness.Result drawn = run("figure", "--preset", "test-tiny", settings[0], settings[1], settings[2],
                settings[3], "--out", dir.resolve("drawn").toString());
        assertEquals(0, drawn.code(), drawn.err());
        CliHarness.Result original = run("run", "--preset", dir.resolve("drawn/config.json").toString(), "--out",
                dir.resolve("original").toString());
        assertEquals(0, original.code(), original.err());

        for (String image : List.of("figure2.png", "distance.svg")) {
            Path again = dir.resolve("again-" + image);
            CliHarness.Result r = run("run", "--preset", dir.resolve("drawn").resolve(image).toString(), "--out",
                    again.toString());
            assertEquals(0, r.code(), r.err());
            assertEquals(data(dir.resolve("original/metrics.csv")), data(again.resolve("metrics.csv")), image);
        }

        String code = ShareCode.encode(PresetReader.read(dir.resolve("drawn/figure3.png")));
        CliHarness.Result shared = run("run", "--preset", code, "--out", dir.resolve("shared").toString());
        assertEquals(0, shared.code(), shared.err());
        assertEquals(data(dir.resolve("original/metrics.csv")), data(dir.resolve("shared/metrics.csv")));
        assertEquals(PresetReader.load("test-tiny").variants(Map.of("iterations", "120", "seeds", "2")),
                PresetReader.load(code).variants(Map.of()));
    }

    @Test
    void aFigureFromTheCommandLineOpensInTheWindowAsTheSameSettingAndChart() throws Exception {
        System.setProperty("java.awt.headless", "true");
        CliHarness.Result drawn = run("figure", "--preset", "test-tiny", "--set", "iterations=60", "--out",
                dir.resolve("drawn").toString());
        assertEquals(0, drawn.code(), drawn.err());
        List<org.anilexplorer.core.run.Variant> expected = PresetReader.read(dir.resolve("drawn/config.json"))
                .variants(Map.of());
        for (String image : List.of("distance.png", "mean-error.svg", "spectrum.png")) {
            org.anilexplorer.app.viewmodel.MainViewModel window = new org.anilexplorer.app.viewmodel.MainViewModel(
                    org.anilexplorer.app.sim.FakeDriver::new, Runnable::run);
            try {
                assertTrue(window.openFile(dir.resolve("drawn").resolve(image)), String.valueOf(window.getMessage()));
                List<org.anilexplorer.core.run.Variant> opened = new java.util.ArrayList<>();
                window.parameters().getRequest().methods()
                        .forEach(m -> opened.add(new org.anilexplorer.core.run.Variant(m.label(), m.params())));
                assertEquals(expected, opened, image + ": the same methods and parameters, seeds included");
                String chart = image.substring(0, image.indexOf('.'));
                assertEquals(chart, window.charts().storyChartProperty().get().id(),
                        image + ": the window shows the chart the figure is");
            } finally {
                window.close();
            }
        }
    }

    @Test
    void aDamagedShareCodeIsBadInput() {
        String message = run("run", "--preset", "anil1:AAAA", "--out", dir.resolve("x").toString()).usageError();
        assertTrue(message.startsWith("error: share code: "), message);
    }

    private static CliHarness.Result run(String... args) {
        return CliHarness.run(DynamicsSource.FACTORY, args);
    }

    /** The recorded numbers, without comment lines (which name the preset's origin). */
    private static List<String> data(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv).stream().filter(l -> !l.startsWith("#")).toList();
        assertTrue(lines.size() > 10, "a few records: " + lines.size());
        return lines;
    }
}
