package org.anilexplorer.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.anilexplorer.core.lesson.PauseCondition;
import org.anilexplorer.core.run.Variant;
import org.junit.jupiter.api.Test;

class LessonsTest {

    @Test
    void theLectureStartsWithTheQuickTourAndNumbersItsLessons() {
        List<Lesson> lessons = Lessons.bundled();
        assertEquals("quick-tour", lessons.get(0).id());
        assertEquals("teaching", lessons.get(0).presetName());
        for (int i = 0; i < lessons.size(); i++) {
            assertEquals(i + 1, lessons.get(i).number());
        }
        assertTrue(lessons.size() >= 6, "a lecture, not a demo: " + lessons.size());
    }

    @Test
    void everyLessonIsAValidPresetWhosePausesNameItsMethods() {
        for (Lesson lesson : Lessons.bundled()) {
            List<String> labels = lesson.preset().variants(Map.of()).stream().map(Variant::label).toList();
            lesson.pauses().forEach(p -> assertTrue(labels.contains(p.method()), lesson.id() + ": " + p.method()));
            for (Variant v : lesson.preset().variants(Map.of())) {
                v.params().validate();
            }
            lesson.tracker(); // accepts its own pause points
            assertTrue(lesson.preset().description().contains("(Lesson"), lesson.preset().description());
        }
    }

    @Test
    void aSmallerLessonSaysWhatItChangedAndKeepsTheFullPreset() {
        Lesson figures = Lessons.byId("figures-2-3");
        assertTrue(figures.preset().description().contains("d = 20 instead of 50"), figures.preset().description());
        assertTrue(figures.preset().description().contains("--preset figures-2-3"));
        assertEquals(50, PresetReader.load("figures-2-3").params().d(), "the full setting stays for the command line");
        assertEquals(figures.preset().variants(Map.of()), PresetReader.load("lesson:figures-2-3").variants(Map.of()));
        // method overrides of the preset still win over the lesson's settings
        assertEquals(org.anilexplorer.core.params.Count.INFINITE,
                figures.preset().variants(Map.of()).get(2).params().tasks());
    }

    @Test
    void pauseConditionsAreReadFromTheirFields() {
        List<Lesson> lessons = Lessons.parse(("""
                {"lessons": [{"id": "a", "preset": "test-tiny", "pauses": [
                  {"method": "FO-ANIL", "when": "learned", "within": 0.05, "caption": "c1"},
                  {"method": "FO-ANIL", "when": "below", "metric": "distance", "value": 0.001, "caption": "c2"},
                  {"method": "FO-ANIL", "when": "reached", "iteration": 100, "caption": "c3"}]}]}""")
                .getBytes(StandardCharsets.UTF_8), "test");
        var pauses = lessons.get(0).pauses();
        assertEquals(new PauseCondition.Learned(0.05), pauses.get(0).condition());
        assertEquals(new PauseCondition.Below(org.anilexplorer.core.run.SeriesMetric.DISTANCE, 0.001),
                pauses.get(1).condition());
        assertEquals(new PauseCondition.Reached(100), pauses.get(2).condition());
        assertEquals("c3", pauses.get(2).caption());
    }

    @Test
    void mistakesAreNamedInOneLine() {
        assertEquals("test: lessons[0].pauses[0].method: 'nobody' is not a method of this lesson; its methods are "
                + "[FO-ANIL, FO-MAML]", error("""
                {"lessons": [{"id": "a", "preset": "test-tiny", "pauses": [
                  {"method": "nobody", "when": "learned", "within": 0.05, "caption": "c"}]}]}"""));
        assertTrue(error("""
                {"lessons": [{"id": "a", "preset": "test-tiny", "set": {"d": 1}}]}""")
                .startsWith("test: lessons[0].set.d: "));
        assertTrue(error("""
                {"lessons": [{"id": "a", "preset": "test-tiny", "pauses": [
                  {"method": "FO-ANIL", "when": "soon", "caption": "c"}]}]}""").contains("'soon' is not one of"));
        assertTrue(error("""
                {"lessons": [{"id": "a", "preset": "test-tiny", "pauses": [
                  {"method": "FO-ANIL", "when": "learned", "within": -1, "caption": "c"}]}]}""").contains("within"));
        assertTrue(error("""
                {"lessons": [{"id": "a", "preset": "test-tiny", "speed": 2}]}""").contains("unknown field 'speed'"));
        assertTrue(error("""
                {"lessons": [{"id": "a", "preset": "test-tiny"}, {"id": "a", "preset": "test-tiny"}]}""")
                .contains("used twice"));
        String m = assertThrows(PresetException.class, () -> PresetReader.load("lesson:nope")).getMessage();
        assertTrue(m.startsWith("lesson:nope: no such lesson; the lessons are quick-tour, "), m);
    }

    private static String error(String json) {
        String m = assertThrows(PresetException.class,
                () -> Lessons.parse(json.getBytes(StandardCharsets.UTF_8), "test")).getMessage();
        assertFalse(m.contains("\n"), m);
        return m;
    }
}
