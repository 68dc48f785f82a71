package org.anilexplorer.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.anilexplorer.core.params.Params;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ShareCodeTest {

    static List<String> bundledPresets() {
        List<String> names = PresetReader.bundledNames();
        assertTrue(names.contains("teaching"), "the bundled presets are on the class path: " + names);
        return names;
    }

    @ParameterizedTest
    @MethodSource("bundledPresets")
    void everyPresetRoundTripsToTheSameConfiguration(String name) {
        Preset preset = PresetReader.load(name);
        String code = ShareCode.encode(preset);
        assertTrue(code.startsWith(ShareCode.PREFIX), code);
        assertTrue(code.substring(ShareCode.PREFIX.length()).matches("[A-Za-z0-9_-]+"), "pasteable: " + code);

        Preset back = ShareCode.decode(code);
        assertEquals(preset.title(), back.title());
        assertEquals(preset.params(), back.params());
        assertEquals(preset.methods(), back.methods());
        assertEquals(preset.variants(Map.of()), back.variants(Map.of()), "the same runs, seeds included");
    }

    @Test
    void codesAreShortEnoughForAChat() {
        for (String name : bundledPresets()) {
            String code = ShareCode.encode(PresetReader.load(name));
            assertTrue(code.length() < 600, name + ": " + code.length() + " characters");
        }
        Preset defaults = new Preset("x", "Defaults", "", "", Params.defaults(), List.of());
        assertTrue(ShareCode.encode(defaults).length() < 80, ShareCode.encode(defaults));
    }

    @Test
    void lineBreaksFromAChatClientAreIgnored() {
        Preset preset = PresetReader.load("collins");
        String code = ShareCode.encode(preset);
        String wrapped = "  " + code.substring(0, 20) + "\n" + code.substring(20, 40) + " \r\n" + code.substring(40) + "\n";
        assertEquals(preset.variants(Map.of()), ShareCode.decode(wrapped).variants(Map.of()));
    }

    @Test
    void damagedCodesAreRefusedWithOneLine() {
        String code = ShareCode.encode(PresetReader.load("teaching"));
        assertEquals("share code: must start with anil1:", message("https://example.org"));
        assertTrue(message(code.substring(0, code.length() / 2)).contains("copied completely"));
        assertTrue(message(code + "!!").contains("characters other than"));
        assertTrue(message("anil1:AAAA").startsWith("share code: "));
        for (String m : List.of(message(code.substring(0, code.length() / 2)), message("anil1:AAAA"))) {
            assertTrue(!m.contains("\n"), m);
        }
    }

    @Test
    void aCodeIsCheckedLikeAPresetFile() {
        // a configuration another version could have written, with a value out of range
        Preset bad = new Preset("x", "Bad", "", "", Params.defaults(), List.of(new MethodSpec("m", Map.of("d", "1"))));
        String m = message(ShareCode.encode(bad));
        assertTrue(m.startsWith("share code: field 'methods[0].d'"), m);
    }

    @Test
    void presetLoaderAcceptsACode() {
        Preset preset = PresetReader.load("task-mean");
        Preset loaded = PresetReader.load(ShareCode.encode(preset));
        assertEquals(preset.variants(Map.of()), loaded.variants(Map.of()));
    }

    private static String message(String code) {
        return assertThrows(PresetException.class, () -> ShareCode.decode(code)).getMessage();
    }
}
