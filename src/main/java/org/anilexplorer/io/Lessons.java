package org.anilexplorer.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.anilexplorer.core.lesson.PauseCondition;
import org.anilexplorer.core.lesson.PausePoint;
import org.anilexplorer.core.params.ParamException;
import org.anilexplorer.core.params.ParamSpec;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.run.SeriesMetric;
import org.anilexplorer.core.run.Variant;

/**
 * The lecture: {@value #INDEX}, a JSON object whose {@code lessons} list gives the order. Each lesson names a bundled
 * {@code preset}, may {@code set} parameters on the preset's own (method overrides still win), may replace its
 * {@code methods}, {@code title} and {@code description}, and lists {@code pauses}: {@code method} (a label),
 * {@code when} (learned, one-over-t, stalled, frozen with {@code within}; below with {@code metric} and {@code value};
 * reached with {@code iteration}) and {@code caption}. The full preset stays available under its own name.
 */
public final class Lessons {

    /** Where the lecture lives on the class path. */
    public static final String INDEX = PresetReader.BUNDLED_DIR + "/lessons/index.json";

    /** {@code lesson:ID} loads a lesson as a preset. */
    public static final String PRESET_PREFIX = "lesson:";

    private static final Set<String> LESSON_FIELDS = Set.of("id", "preset", "title", "description", "set", "methods",
            "pauses");
    private static final Set<String> PAUSE_FIELDS = Set.of("method", "when", "within", "metric", "value", "iteration",
            "caption");

    private static List<Lesson> bundled;

    private Lessons() {
    }

    /** The bundled lecture, in order. */
    public static synchronized List<Lesson> bundled() {
        if (bundled == null) {
            ClassLoader l = Thread.currentThread().getContextClassLoader();
            URL url = (l != null ? l : Lessons.class.getClassLoader()).getResource(INDEX);
            if (url == null) {
                throw new PresetException(INDEX + ": missing from the program");
            }
            try (InputStream in = url.openStream()) {
                bundled = parse(in.readAllBytes(), "lessons");
            } catch (IOException e) {
                throw new PresetException("lessons: cannot be read (" + e.getMessage() + ")");
            }
        }
        return bundled;
    }

    /** A bundled lesson by id. */
    public static Lesson byId(String id) {
        for (Lesson lesson : bundled()) {
            if (lesson.id().equals(id)) {
                return lesson;
            }
        }
        throw new PresetException(PRESET_PREFIX + id + ": no such lesson; the lessons are "
                + String.join(", ", bundled().stream().map(Lesson::id).toList()));
    }

    /** Parses a lecture; {@code origin} names it in messages. */
    public static List<Lesson> parse(byte[] json, String origin) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new PresetException(origin + ": not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        JsonNode list = root == null ? null : root.get("lessons");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new PresetException(origin + ": field 'lessons' must be a non-empty list");
        }
        List<Lesson> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            Lesson lesson = lesson(list.get(i), i + 1, origin + ": lessons[" + i + "]");
            if (!ids.add(lesson.id())) {
                throw new PresetException(origin + ": lessons[" + i + "].id: '" + lesson.id() + "' is used twice");
            }
            out.add(lesson);
        }
        return List.copyOf(out);
    }

    private static Lesson lesson(JsonNode node, int number, String where) {
        if (!node.isObject()) {
            throw new PresetException(where + ": must be an object");
        }
        node.fieldNames().forEachRemaining(f -> {
            if (!LESSON_FIELDS.contains(f)) {
                throw new PresetException(where + ": unknown field '" + f + "'; a lesson has " + LESSON_FIELDS);
            }
        });
        String id = requiredText(node, "id", where);
        String presetName = requiredText(node, "preset", where);
        Preset base = PresetReader.load(presetName);

        Map<String, String> set = new LinkedHashMap<>();
        JsonNode setNode = node.get("set");
        if (setNode != null) {
            setNode.properties().forEach(e -> set.put(e.getKey(), e.getValue().isArray()
                    ? String.join(",", e.getValue().valueStream().map(JsonNode::asText).toList())
                    : e.getValue().asText()));
        }
        Params params;
        try {
            params = base.params().withAll(set);
        } catch (ParamException e) {
            throw new PresetException(where + ".set." + e.getMessage());
        }

        ObjectNode preset = Json.object();
        preset.put("title", text(node, "title", base.title()));
        String description = text(node, "description", base.description());
        preset.put("description", description + " " + note(presetName, base, params, node.has("methods")));
        preset.put("source", base.source());
        preset.set("params", Json.params(params));
        if (node.has("methods")) {
            preset.set("methods", node.get("methods"));
        } else if (!base.methods().isEmpty()) {
            preset.set("methods", FigureConfiguration.methodsJson(base.methods()));
        }
        Preset resolved;
        try {
            resolved = PresetReader.parse(Json.MAPPER.writeValueAsBytes(preset), where + " (preset " + presetName + ")");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render lesson " + id, e);
        }

        List<String> labels = resolved.variants(Map.of()).stream().map(Variant::label).toList();
        List<PausePoint> pauses = new ArrayList<>();
        JsonNode pauseList = node.get("pauses");
        if (pauseList != null) {
            for (int p = 0; p < pauseList.size(); p++) {
                pauses.add(pause(pauseList.get(p), labels, where + ".pauses[" + p + "]"));
            }
        }
        return new Lesson(number, id, presetName, resolved, pauses);
    }

    private static PausePoint pause(JsonNode node, List<String> labels, String where) {
        node.fieldNames().forEachRemaining(f -> {
            if (!PAUSE_FIELDS.contains(f)) {
                throw new PresetException(where + ": unknown field '" + f + "'; a pause has " + PAUSE_FIELDS);
            }
        });
        String method = requiredText(node, "method", where);
        if (!labels.contains(method)) {
            throw new PresetException(where + ".method: '" + method + "' is not a method of this lesson; its methods are "
                    + labels);
        }
        String when = requiredText(node, "when", where);
        PauseCondition condition;
        try {
            condition = switch (when) {
                case "learned" -> new PauseCondition.Learned(number(node, "within", where));
                case "one-over-t" -> new PauseCondition.OneOverT(number(node, "within", where));
                case "stalled" -> new PauseCondition.Stalled(number(node, "within", where));
                case "frozen" -> new PauseCondition.Frozen(number(node, "within", where));
                case "below" -> new PauseCondition.Below(metric(requiredText(node, "metric", where), where),
                        number(node, "value", where));
                case "reached" -> new PauseCondition.Reached((long) number(node, "iteration", where));
                default -> throw new PresetException(where + ".when: '" + when
                        + "' is not one of learned, one-over-t, stalled, frozen, below, reached");
            };
        } catch (IllegalArgumentException e) {
            throw new PresetException(where + ": " + e.getMessage());
        }
        return new PausePoint(method, condition, requiredText(node, "caption", where));
    }

    private static SeriesMetric metric(String key, String where) {
        for (SeriesMetric m : SeriesMetric.values()) {
            if (m.key().equals(key)) {
                return m;
            }
        }
        throw new PresetException(where + ".metric: '" + key + "' is not a recorded curve");
    }

    /** What the lesson changed from the preset, so nobody mistakes it for the paper's setting. */
    private static String note(String presetName, Preset base, Params params, boolean methodsReplaced) {
        List<String> changes = new ArrayList<>();
        for (ParamSpec s : ParamSpec.values()) {
            if (!params.get(s).equals(base.params().get(s))) {
                changes.add(String.format(Locale.ROOT, "%s = %s instead of %s", s.key(), params.get(s),
                        base.params().get(s)));
            }
        }
        if (methodsReplaced) {
            changes.add("its own methods");
        }
        if (changes.isEmpty()) {
            return "(Lesson: the preset '" + presetName + "' as it is.)";
        }
        return "(Lesson version of the preset '" + presetName + "', smaller to run live: " + String.join(", ", changes)
                + ". The full setting: --preset " + presetName + ".)";
    }

    private static String requiredText(JsonNode node, String field, String where) {
        JsonNode n = node.get(field);
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            throw new PresetException(where + "." + field + ": must be non-empty text");
        }
        return n.asText().strip();
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode n = node.get(field);
        return n != null && n.isTextual() ? n.asText().strip() : fallback;
    }

    private static double number(JsonNode node, String field, String where) {
        JsonNode n = node.get(field);
        if (n == null || !n.isNumber()) {
            throw new PresetException(where + "." + field + ": must be a number");
        }
        return n.asDouble();
    }
}
