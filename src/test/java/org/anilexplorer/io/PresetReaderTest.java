package org.anilexplorer.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.anilexplorer.core.params.Algorithm;
import org.anilexplorer.core.params.Count;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.run.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PresetReaderTest {

    @TempDir
    Path dir;

    private Path file(String name, String json) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, json, StandardCharsets.UTF_8);
        return p;
    }

    private String error(String json) throws Exception {
        Path p = file("bad.json", json);
        PresetException e = assertThrows(PresetException.class, () -> PresetReader.read(p));
        assertTrue(e.getMessage().startsWith(p.toString() + ": "), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void readsEveryKindOfValue() throws Exception {
        Path p = file("good.json", """
                {"title": "T", "description": "D", "source": "S",
                 "params": {"d": 30, "k": 3, "alpha": 0.05, "tasks": "inf", "fresh_tasks": false,
                            "task_cov": [1, 0.5, 0.25], "task_mean": [1, -0.5, 0], "m_test": [10, 40],
                            "algorithm": "fo-anil", "init_scale": 1e-3}}""");
        Preset preset = PresetReader.read(p);
        Params expected = Params.defaults().withAll(Map.of("d", "30", "k", "3", "alpha", "0.05", "tasks", "inf",
                "task_cov", "1,0.5,0.25", "task_mean", "1,-0.5,0", "m_test", "10,40", "init_scale", "0.001"));
        assertEquals(expected, preset.params());
        assertEquals(Count.INFINITE, preset.params().tasks());
        assertEquals("T", preset.title());
        assertEquals("D", preset.description());
        assertEquals("S", preset.source());
        assertEquals(List.of(), preset.methods());
        assertEquals(1, preset.variants(Map.of()).size());
    }

    @Test
    void methodsBecomeVariantsAndUserSettingsWin() throws Exception {
        Preset preset = PresetReader.load("test-tiny");
        assertEquals("bundled preset test-tiny", preset.origin());
        List<Variant> v = preset.variants(Map.of("beta", "0.05"));
        assertEquals(List.of("FO-ANIL", "FO-MAML"), v.stream().map(Variant::label).toList());
        assertEquals(Algorithm.FO_MAML, v.get(1).params().algorithm());
        assertEquals(0.05, v.get(0).params().beta());
        assertEquals(12, v.get(1).params().d());
        // a user setting wins over a method's own override
        assertEquals(Algorithm.ANIL, preset.variants(Map.of("algorithm", "anil")).get(1).params().algorithm());
    }

    @Test
    void unlabelledMethodsGetTheAlgorithmNameOrTheirOverrides() throws Exception {
        Path p = file("m.json", """
                {"title": "T", "params": {},
                 "methods": [{"algorithm": "fo-maml"}, {"beta": 0.02, "alpha": 0.04}]}""");
        Preset preset = PresetReader.read(p);
        assertEquals("FO-MAML", preset.methods().get(0).label());
        assertEquals("beta=0.02, alpha=0.04", preset.methods().get(1).label());
    }

    @Test
    void unlabelledMethodsRunUnderTheWindowsNamesDerivedFromWhatDiffers() throws Exception {
        Path p = file("n.json", """
                {"title": "T", "params": {"beta": 0.1},
                 "methods": [{"label": "mine", "beta": 0.3}, {"beta": 0.2}, {"algorithm": "fo-maml", "tasks": 40},
                             {"alpha": 0.05, "beta": 0.2}]}""");
        Preset preset = PresetReader.read(p);
        assertEquals(List.of("mine", "FO-ANIL, β = 0.2", "FO-MAML, N = 40", "FO-ANIL, α = 0.05, β = 0.2"),
                preset.variants(Map.of()).stream().map(Variant::label).toList());
        // --set beta=0.2 applies to every method: β no longer tells them apart; equal names get a number
        assertEquals(List.of("mine", "FO-ANIL", "FO-MAML, N = 40", "FO-ANIL, α = 0.05"),
                preset.variants(Map.of("beta", "0.2")).stream().map(Variant::label).toList());
        assertEquals(List.of("mine", "FO-ANIL", "FO-MAML, N = 40", "FO-ANIL (2)"),
                preset.variants(Map.of("beta", "0.2", "alpha", "0.05")).stream().map(Variant::label).toList());
    }

    @Test
    void malformedPresetsNameFileFieldAndProblem() throws Exception {
        assertTrue(error("{\"title\": \"T\", \"params\": {\"d\": 10,}}").contains("not valid JSON at line 1"));
        assertTrue(error("[1, 2]").contains("the top level must be a JSON object"));
        assertTrue(error("").contains("empty"));
        assertTrue(error("{\"params\": {}}").contains("field 'title' is missing"));
        assertTrue(error("{\"title\": 3, \"params\": {}}").contains("field 'title' must be text"));
        assertTrue(error("{\"title\": \"T\"}").contains("field 'params' is missing"));
        assertTrue(error("{\"title\": \"T\", \"params\": {}, \"parms\": {}}").contains("unknown field 'parms'"));
        String m = error("{\"title\": \"T\", \"params\": {\"alpha\": -1}}");
        assertTrue(m.contains("field 'params.alpha': must be a number in [10^-9, 100], got '-1'"), m);
        m = error("{\"title\": \"T\", \"params\": {\"alpah\": 0.1}}");
        assertTrue(m.contains("field 'params.alpah': unknown parameter; known parameters are algorithm, d, k"), m);
        m = error("{\"title\": \"T\", \"params\": {\"m_test\": [[20]]}}");
        assertTrue(m.contains("field 'params.m_test': list entries must be numbers"), m);
        m = error("{\"title\": \"T\", \"params\": {\"d\": {\"value\": 3}}}");
        assertTrue(m.contains("field 'params.d': expected a number, text, true/false or a list, not an object"), m);
        m = error("{\"title\": \"T\", \"params\": {\"alpha\": 0.1, \"alpha\": 0.2}}");
        assertTrue(m.contains("not valid JSON") && m.contains("Duplicate field 'alpha'"), m);
        m = error("{\"title\": \"T\", \"params\": {\"d\": 20, \"k\": 30}}");
        assertTrue(m.contains("field 'params': k: must be in [1, d-1] = [1, 19], got 30"), m);
        m = error("{\"title\": \"T\", \"params\": {}, \"methods\": {\"algorithm\": \"maml\"}}");
        assertTrue(m.contains("field 'methods' must be a list of objects"), m);
        m = error("{\"title\": \"T\", \"params\": {}, \"methods\": [{\"algorithm\": \"fo-anil\"}, {\"algorithm\": \"reptile\"}]}");
        assertTrue(m.contains("field 'methods[1].algorithm': must be one of fo-anil, fo-maml"), m);
        m = error("{\"title\": \"T\", \"params\": {\"tasks\": \"inf\"}, \"methods\": [{\"algorithm\": \"maml\"}]}");
        assertTrue(m.contains("field 'methods[0]': tasks: maml is defined for finite N only"), m);
        m = error("{\"title\": \"T\", \"params\": {}, \"methods\": [{\"label\": \"a\"}, {\"label\": \"a\", \"beta\": 1}]}");
        assertTrue(m.contains("field 'methods[1].label': 'a' is used twice"), m);
        m = error("{\"title\": \"T\", \"params\": {}, \"methods\": []}");
        assertTrue(m.contains("field 'methods' is an empty list"), m);
    }

    @Test
    void missingFilesAndDirectoriesAreNamed() throws Exception {
        PresetException e = assertThrows(PresetException.class, () -> PresetReader.load("no-such-preset"));
        assertTrue(e.getMessage().startsWith("no-such-preset: no such file and no bundled preset of that name; bundled presets: "),
                e.getMessage());
        assertTrue(e.getMessage().contains("test-tiny"), e.getMessage());
        String missing = dir.resolve("absent.json").toString();
        e = assertThrows(PresetException.class, () -> PresetReader.load(missing));
        assertTrue(e.getMessage().startsWith(missing + ": no such file;"), e.getMessage());
        e = assertThrows(PresetException.class, () -> PresetReader.load(dir.toString()));
        assertEquals(dir + ": is a directory, not a preset file", e.getMessage());
    }

    @Test
    void aFolderNamedLikeABundledPresetDoesNotHideIt() throws Exception {
        // e.g. the output folder of `run --preset test-tiny --out test-tiny`, in the working directory
        Path folder = Path.of("test-tiny");
        boolean created = !Files.exists(folder);
        if (created) {
            Files.createDirectory(folder);
        }
        try {
            assertTrue(Files.isDirectory(folder));
            assertEquals("Tiny test preset", PresetReader.load("test-tiny").title());
        } finally {
            if (created) {
                Files.delete(folder);
            }
        }
    }

    @Test
    void aFileWinsOverABundledNameAndExtensionIsOptional() throws Exception {
        assertEquals("Tiny test preset", PresetReader.load("test-tiny.json").title());
        assertTrue(PresetReader.bundledNames().contains("test-tiny"));
    }

    @Test
    void everyBundledPresetLoadsAndValidates() {
        List<String> names = PresetReader.bundledNames();
        assertTrue(names.size() >= 2, names.toString());
        for (String name : names) {
            Preset p = PresetReader.load(name);
            assertTrue(!p.title().isBlank(), name);
            for (Variant v : p.variants(Map.of())) {
                v.params().validate();
            }
        }
    }
}
