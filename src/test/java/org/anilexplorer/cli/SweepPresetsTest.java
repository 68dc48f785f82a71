package org.anilexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.anilexplorer.core.run.DynamicsSource;
import org.anilexplorer.io.PresetReader;
import org.anilexplorer.sweep.SweepSection;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bundled sweep presets load, describe themselves, refuse no cell, and run (here with few iterations). */
class SweepPresetsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"sweep-stability", "sweep-tasks"})
    void presetSweepsRun(String name) throws Exception {
        assertTrue(PresetReader.bundledNames().contains(name));
        assertTrue(PresetReader.load(name).description().length() > 200, "described like the other presets");
        SweepSection s = SweepSection.ofPreset(name);
        assertFalse(s.grid().isEmpty());
        Path out = dir.resolve(name);
        CliHarness.Result r = CliHarness.run(DynamicsSource.FACTORY, "sweep", "--preset", name, "--set", "iterations=30",
                "--seeds", "1", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertFalse(r.err().contains("refused"), r.err());
        List<String> rows = Files.readAllLines(out.resolve("sweep.csv"));
        int cells = s.grid().stream().mapToInt(a -> a.size()).reduce(1, (a, b) -> a * b);
        assertEquals(1 + cells, rows.size());
        for (String metric : new String[] {s.metrics().get(0)}) {
            assertTrue(Files.size(out.resolve("phase-" + metric + ".png")) > 10_000, metric);
        }
    }
}
