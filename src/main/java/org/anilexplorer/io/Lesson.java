package org.anilexplorer.io;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anilexplorer.core.lesson.LessonTracker;
import org.anilexplorer.core.lesson.PausePoint;
import org.anilexplorer.core.run.Variant;

/**
 * One lesson of the lecture: a preset, possibly made smaller so that it runs to its end live within a minute, and
 * the pause points where the run stops for a caption.
 *
 * @param number     its place in the lecture, from 1
 * @param id         short name, also {@code lesson:ID} as a preset on the command line
 * @param presetName the bundled preset it is a version of
 * @param preset     what runs (title, description with a note on what was made smaller, parameters, methods)
 * @param pauses     where the run stops, in the order they are listed
 */
public record Lesson(int number, String id, String presetName, Preset preset, List<PausePoint> pauses) {

    public Lesson {
        pauses = List.copyOf(pauses);
    }

    /** A fresh tracker for this lesson's runs. */
    public LessonTracker tracker() {
        Map<String, org.anilexplorer.core.params.Params> byMethod = new LinkedHashMap<>();
        for (Variant v : preset.variants(Map.of())) {
            byMethod.put(v.label(), v.params());
        }
        return new LessonTracker(pauses, byMethod);
    }
}
