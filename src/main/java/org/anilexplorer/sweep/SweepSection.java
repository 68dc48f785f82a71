package org.anilexplorer.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.anilexplorer.core.sweep.GridAxis;
import org.anilexplorer.core.sweep.Shard;
import org.anilexplorer.core.sweep.SweepException;
import org.anilexplorer.io.Json;
import org.anilexplorer.io.PresetReader;

/**
 * The optional {@code sweep} section of a preset (and of a sweep's own {@code config.json}):
 * <pre>
 *   "sweep": {"grid": ["alpha=0.05:1.6:6:log", "m_in=5,20,80"], "seeds": 2, "metrics": ["sv2_star_min"],
 *             "set": {"iterations": 2000}, "evaluate": false, "shard": "1/1"}
 * </pre>
 * {@code grid} entries use the command line's {@code --grid} syntax, or {@code {"key", "values", "log"}} objects
 * (what config.json writes, so that rounded range values are kept exactly). Everything but {@code grid} is optional.
 *
 * @param grid     the grid entries (empty when the preset has no sweep section)
 * @param seeds    runs per cell and method, or null for the preset's {@code seeds}
 * @param metrics  metrics to draw phase diagrams of (empty = the default set)
 * @param settings extra key → value settings applied like {@code --set}
 * @param evaluate whether to evaluate the trained models on test tasks
 * @param shard    the part this folder holds (config.json of a shard), or null
 */
public record SweepSection(List<GridAxis> grid, Integer seeds, List<String> metrics, Map<String, String> settings,
                           boolean evaluate, Shard shard) {

    private static final Set<String> FIELDS = Set.of("grid", "seeds", "metrics", "set", "evaluate", "shard");

    public static final SweepSection NONE = new SweepSection(List.of(), null, List.of(), Map.of(), false, null);

    public SweepSection {
        grid = List.copyOf(grid);
        metrics = List.copyOf(metrics);
        settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** The sweep section of a preset given by path or bundled name, {@link #NONE} when it has none. */
    public static SweepSection ofPreset(String nameOrPath) {
        if (nameOrPath == null) {
            return NONE;
        }
        byte[] bytes = presetBytes(nameOrPath.strip());
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(bytes);
        } catch (IOException e) {
            return NONE; // PresetReader has already reported what is wrong with the file
        }
        JsonNode node = root == null ? null : root.get("sweep");
        return node == null || node.isNull() ? NONE : parse(node, nameOrPath.strip());
    }

    /** Parses a {@code sweep} object; {@code origin} names the file in messages. */
    public static SweepSection parse(JsonNode node, String origin) {
        String where = origin + ": field 'sweep'";
        if (!node.isObject()) {
            throw new SweepException(where + " must be an object");
        }
        node.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                throw new SweepException(where + ": unknown field '" + f + "'; it has grid, seeds, metrics, set, evaluate and shard");
            }
        });
        List<GridAxis> grid = new ArrayList<>();
        JsonNode g = node.get("grid");
        if (g == null || !g.isArray() || g.isEmpty()) {
            throw new SweepException(where + ".grid must be a non-empty list such as [\"alpha=0.05:1:6:log\"]");
        }
        for (JsonNode entry : g) {
            if (entry.isTextual()) {
                grid.add(GridAxis.parse(entry.asText()));
            } else if (entry.isObject() && entry.has("key") && entry.get("values") != null && entry.get("values").isArray()) {
                StringBuilder spec = new StringBuilder(entry.get("key").asText()).append('=');
                List<String> values = new ArrayList<>();
                entry.get("values").forEach(v -> values.add(v.asText()));
                spec.append(String.join(",", values));
                GridAxis parsed = GridAxis.parse(spec.toString());
                grid.add(new GridAxis(parsed.key(), parsed.values(), entry.path("log").asBoolean(false)));
            } else {
                throw new SweepException(where + ".grid: each entry is \"KEY=…\" text or {\"key\", \"values\", \"log\"}");
            }
        }
        Integer seeds = null;
        if (node.has("seeds")) {
            JsonNode s = node.get("seeds");
            if (!s.canConvertToInt() || s.asInt() < 1 || s.asInt() > 64 || !s.isIntegralNumber()) {
                throw new SweepException(where + ".seeds must be an integer in [1, 64]");
            }
            seeds = s.asInt();
        }
        List<String> metrics = new ArrayList<>();
        if (node.has("metrics")) {
            node.get("metrics").forEach(m -> metrics.add(m.asText()));
        }
        Map<String, String> settings = new LinkedHashMap<>();
        if (node.has("set")) {
            JsonNode set = node.get("set");
            if (!set.isObject()) {
                throw new SweepException(where + ".set must be an object of parameter keys → values");
            }
            set.fields().forEachRemaining(e -> settings.put(e.getKey(), text(e.getValue())));
        }
        boolean evaluate = node.path("evaluate").asBoolean(false);
        Shard shard = node.has("shard") ? Shard.parse(node.get("shard").asText()) : null;
        return new SweepSection(grid, seeds, metrics, settings, evaluate, shard);
    }

    private static String text(JsonNode v) {
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            v.forEach(e -> parts.add(e.asText()));
            return String.join(",", parts);
        }
        return v.asText();
    }

    /** The preset's bytes, found the way {@link PresetReader#load} finds it (a file first, then a bundled name). */
    private static byte[] presetBytes(String spec) {
        try {
            Path path = Path.of(spec);
            if (Files.isRegularFile(path)) {
                return Files.readAllBytes(path);
            }
        } catch (InvalidPathException | IOException e) {
            // fall through to the bundled presets
        }
        String file = spec.endsWith(".json") ? spec : spec + ".json";
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        URL url = (loader != null ? loader : SweepSection.class.getClassLoader())
                .getResource(PresetReader.BUNDLED_DIR + "/" + file);
        if (url == null) {
            return new byte[0];
        }
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
