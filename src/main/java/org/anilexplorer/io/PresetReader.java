package org.anilexplorer.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.anilexplorer.core.params.ParamException;
import org.anilexplorer.core.params.ParamSpec;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.run.Variant;

/**
 * Reads presets: JSON objects with {@code title}, {@code description}, {@code source}, {@code params} (parameter key
 * → number, text, true/false or a list) and optionally {@code methods} (a list of objects of overrides, each with an
 * optional {@code label}). Files written by this program ({@code config.json}, and later sessions) carry extra
 * fields ({@code format}, {@code version}, {@code seeds}, {@code warnings}, {@code runs}), and a preset may carry a
 * {@code sweep} section read by the sweep command; those are accepted and
 * ignored, so any of them can be loaded as a preset. Anything else unknown is an error, because a misspelt field
 * silently ignored would run a different experiment than the one the user wrote down.
 */
public final class PresetReader {

    /** Where bundled presets live on the class path. */
    public static final String BUNDLED_DIR = "presets";

    private static final Set<String> FIELDS = Set.of("title", "description", "source", "params", "methods");
    private static final Set<String> IGNORED = Set.of("format", "version", "seeds", "warnings", "runs", "created", "sweep",
            "history", "view");

    private PresetReader() {
    }

    /**
     * A preset by file path (a preset or config JSON, or a PNG/SVG figure written by this program), by share code
     * ({@code anil1:…}), by lesson ({@code lesson:quick-tour}), or by bare name of a bundled preset ("yuksel-fig2" or "yuksel-fig2.json").
     * A file path wins over a bundled name; a directory does not (an output folder named after a preset, such as
     * the one {@code run --preset teaching --out teaching} creates, must not hide the bundled preset).
     */
    public static Preset load(String nameOrPath) {
        String spec = nameOrPath.strip();
        if (spec.isEmpty()) {
            throw new PresetException("preset: empty name; give a file path or one of the bundled presets: " + bundledList());
        }
        if (ShareCode.isShareCode(spec)) {
            return ShareCode.decode(spec);
        }
        if (spec.startsWith(Lessons.PRESET_PREFIX)) {
            return Lessons.byId(spec.substring(Lessons.PRESET_PREFIX.length())).preset();
        }
        Path path = null;
        try {
            path = Path.of(spec);
        } catch (InvalidPathException e) {
            // not a usable path (handled: the bundled names are tried next)
            System.getLogger(PresetReader.class.getName()).log(System.Logger.Level.DEBUG,
                    "preset '" + spec + "' is not a path", e);
        }
        if (path != null && Files.isRegularFile(path)) {
            return read(path);
        }
        boolean bareName = !spec.contains("/") && !spec.contains("\\");
        if (bareName) {
            String file = spec.endsWith(".json") ? spec : spec + ".json";
            URL url = loader().getResource(BUNDLED_DIR + "/" + file);
            if (url != null) {
                try (InputStream in = url.openStream()) {
                    return parse(in.readAllBytes(), "bundled preset " + spec);
                } catch (IOException e) {
                    throw new PresetException("bundled preset " + spec + ": cannot be read (" + e.getMessage() + ")");
                }
            }
        }
        if (path != null && Files.isDirectory(path)) {
            throw new PresetException(spec + ": is a directory, not a preset file");
        }
        throw new PresetException(spec + ": no such file" + (bareName ? " and no bundled preset of that name" : "")
                + "; bundled presets: " + bundledList());
    }

    /** Reads a preset file, or the configuration a PNG or SVG figure of this program carries. */
    public static Preset read(Path file) {
        if (FigureConfiguration.isFigureFile(file)) {
            return FigureConfiguration.read(file).preset();
        }
        return parse(bytes(file), file.toString());
    }

    /** The file's bytes, or a {@link PresetException} naming the file and why it cannot be read. */
    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new PresetException(file + ": no such file");
        } catch (IOException e) {
            throw new PresetException(file + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    /** Parses preset JSON; {@code origin} names it in messages. */
    public static Preset parse(byte[] json, String origin) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new PresetException(origin + ": not valid JSON" + where + ": " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new PresetException(origin + ": cannot be read (" + e.getMessage() + ")");
        }
        if (root == null || root.isMissingNode()) {
            throw new PresetException(origin + ": the file is empty; a preset is a JSON object");
        }
        if (!root.isObject()) {
            throw new PresetException(origin + ": the top level must be a JSON object {…}, not " + kind(root));
        }
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            String f = field.getKey();
            if (!FIELDS.contains(f) && !IGNORED.contains(f)) {
                throw new PresetException(origin + ": unknown field '" + f + "'; a preset has title, description, source, params and methods");
            }
        }
        String title = text(root, "title", origin, true);
        String description = text(root, "description", origin, false);
        String source = text(root, "source", origin, false);

        JsonNode paramsNode = root.get("params");
        if (paramsNode == null || paramsNode.isNull()) {
            throw new PresetException(origin + ": field 'params' is missing; it is an object of parameter keys → values");
        }
        Map<String, String> settings = settings(paramsNode, "params", origin);
        Params params = apply(Params.defaults(), settings, "params", origin);

        List<MethodSpec> methods = new ArrayList<>();
        JsonNode methodsNode = root.get("methods");
        if (methodsNode != null && !methodsNode.isNull()) {
            if (!methodsNode.isArray()) {
                throw new PresetException(origin + ": field 'methods' must be a list of objects, not " + kind(methodsNode));
            }
            Set<String> labels = new TreeSet<>();
            for (int i = 0; i < methodsNode.size(); i++) {
                String field = "methods[" + i + "]";
                JsonNode m = methodsNode.get(i);
                if (!m.isObject()) {
                    throw new PresetException(origin + ": field '" + field + "' must be an object of overrides, not " + kind(m));
                }
                String label = null;
                JsonNode labelNode = m.get("label");
                if (labelNode != null) {
                    if (!labelNode.isTextual() || labelNode.asText().isBlank()) {
                        throw new PresetException(origin + ": field '" + field + ".label' must be non-empty text");
                    }
                    label = labelNode.asText().strip();
                }
                Map<String, String> overrides = settings(m, field, origin);
                overrides.remove("label");
                apply(params, overrides, field, origin);
                MethodSpec spec = new MethodSpec(label, overrides);
                if (!labels.add(spec.label())) {
                    throw new PresetException(origin + ": field '" + field + ".label': '" + spec.label()
                            + "' is used twice; every method needs its own label");
                }
                methods.add(spec);
            }
            if (methods.isEmpty()) {
                throw new PresetException(origin + ": field 'methods' is an empty list; remove it or list at least one method");
            }
        }
        Preset preset = new Preset(origin, title, description, source, params, methods);
        for (int i = 0; i < Math.max(1, methods.size()); i++) {
            Variant v = preset.variants(Map.of()).get(i);
            try {
                v.params().validate();
            } catch (ParamException e) {
                String field = methods.isEmpty() ? "params" : "methods[" + i + "]";
                throw new PresetException(origin + ": field '" + field + "': " + e.getMessage());
            }
        }
        return preset;
    }

    /** The names of the bundled presets (without ".json"), sorted. */
    public static List<String> bundledNames() {
        Set<String> names = new TreeSet<>();
        try {
            Enumeration<URL> dirs = loader().getResources(BUNDLED_DIR);
            while (dirs.hasMoreElements()) {
                collect(dirs.nextElement(), names);
            }
        } catch (IOException e) {
            // the list only decorates messages: give what was found, and leave a trace
            System.getLogger(PresetReader.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot list the bundled presets", e);
        }
        return List.copyOf(names);
    }

    private static void collect(URL dir, Set<String> names) {
        try {
            URI uri = dir.toURI();
            if (uri.getScheme().equals("jar")) {
                FileSystem fs;
                boolean opened = false;
                try {
                    fs = FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                    opened = true;
                }
                try {
                    list(fs.getPath("/" + BUNDLED_DIR), names);
                } finally {
                    if (opened) {
                        fs.close();
                    }
                }
            } else if (uri.getScheme().equals("file")) {
                list(Path.of(uri), names);
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // best effort: the listing then lacks the bundled presets, which a log line explains
            System.getLogger(PresetReader.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot list the bundled presets", e);
        }
    }

    private static void list(Path dir, Set<String> names) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json"))
                    .forEach(n -> names.add(n.substring(0, n.length() - ".json".length())));
        }
    }

    private static String bundledList() {
        List<String> names = bundledNames();
        return names.isEmpty() ? "(none)" : String.join(", ", names);
    }

    private static ClassLoader loader() {
        ClassLoader l = Thread.currentThread().getContextClassLoader();
        return l != null ? l : PresetReader.class.getClassLoader();
    }

    private static String text(JsonNode root, String field, String origin, boolean required) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                throw new PresetException(origin + ": field '" + field + "' is missing; it is one line of text");
            }
            return "";
        }
        if (!n.isTextual()) {
            throw new PresetException(origin + ": field '" + field + "' must be text, not " + kind(n));
        }
        if (required && n.asText().isBlank()) {
            throw new PresetException(origin + ": field '" + field + "' is empty");
        }
        return n.asText().strip();
    }

    /** An object of key → scalar or list as key → text (lists joined by commas), keys checked against ParamSpec. */
    private static Map<String, String> settings(JsonNode obj, String field, String origin) {
        if (!obj.isObject()) {
            throw new PresetException(origin + ": field '" + field + "' must be an object of parameter keys → values, not " + kind(obj));
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : obj.properties()) {
            String key = e.getKey();
            String where = field + "." + key;
            if (key.equals("label") && !field.equals("params")) {
                out.put(key, e.getValue().asText());
                continue;
            }
            if (ParamSpec.byKey(key).isEmpty()) {
                throw new PresetException(origin + ": field '" + where + "': unknown parameter; known parameters are " + ParamSpec.keys());
            }
            out.put(key, valueText(e.getValue(), where, origin));
        }
        return out;
    }

    private static String valueText(JsonNode v, String where, String origin) {
        if (v.isNumber() || v.isTextual() || v.isBoolean()) {
            return v.asText();
        }
        if (v.isArray()) {
            StringBuilder b = new StringBuilder();
            for (JsonNode e : v) {
                if (!(e.isNumber() || e.isTextual())) {
                    throw new PresetException(origin + ": field '" + where + "': list entries must be numbers, not " + kind(e));
                }
                b.append(b.length() == 0 ? "" : ",").append(e.asText());
            }
            return b.toString();
        }
        throw new PresetException(origin + ": field '" + where + "': expected a number, text, true/false or a list, not " + kind(v));
    }

    private static Params apply(Params base, Map<String, String> settings, String field, String origin) {
        Params p = base;
        for (Map.Entry<String, String> e : settings.entrySet()) {
            try {
                p = p.with(e.getKey(), e.getValue());
            } catch (ParamException ex) {
                String problem = ex.getMessage().substring(ex.field().length() + 2); // drop the "key: " prefix
                throw new PresetException(origin + ": field '" + field + "." + e.getKey() + "': " + problem);
            }
        }
        return p;
    }

    private static String kind(JsonNode n) {
        if (n.isObject()) {
            return "an object";
        }
        if (n.isArray()) {
            return "a list";
        }
        if (n.isTextual()) {
            return "text";
        }
        if (n.isNumber()) {
            return "a number";
        }
        if (n.isBoolean()) {
            return "true/false";
        }
        return "null";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "syntax error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
