package org.anilexplorer.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.run.Variant;

/**
 * The configuration (parameters, methods, seeds) and the view a figure was drawn with, carried inside the exported
 * image so that the image itself is a preset: two metadata entries, {@value #CONFIGURATION_KEY} (preset JSON, the
 * shape of {@code config.json}) and {@value #VIEW_KEY} (a flat JSON object, e.g. {@code {"chart": "figure2"}}).
 * PNG files keep them as text chunks, SVG files in {@code <metadata>} as elements of the {@value #SVG_NAMESPACE}
 * namespace. {@link #read} gets them back from either.
 */
public final class FigureConfiguration {

    public static final String CONFIGURATION_KEY = "ANIL-Explorer-Configuration";
    public static final String VIEW_KEY = "ANIL-Explorer-View";
    public static final String SVG_NAMESPACE = "urn:anil-explorer:figure-metadata";

    /** What an image carries: the configuration, as a preset, and the view (empty when it has none). */
    public record Embedded(Preset preset, Map<String, String> view) {

        public Embedded {
            view = Map.copyOf(view);
        }
    }

    private FigureConfiguration() {
    }

    /** Whether the file name says PNG or SVG (the files this class can read a configuration from). */
    public static boolean isFigureFile(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".png") || name.endsWith(".svg");
    }

    /** Whether a metadata entry is for the program rather than for people (SVG keeps it out of {@code <desc>}). */
    public static boolean isMachineEntry(String key) {
        return key.equals(CONFIGURATION_KEY) || key.equals(VIEW_KEY);
    }

    /**
     * The configuration of an experiment: {@code base} and, when there are several or one named, its methods as the
     * keys where each differs from {@code base}.
     */
    public static Preset configuration(String title, String description, String source, Params base,
                                       List<Variant> variants) {
        List<MethodSpec> methods = new ArrayList<>();
        boolean plain = variants.size() == 1 && variants.get(0).params().equals(base)
                && variants.get(0).label().equals(base.algorithm().label());
        if (!plain) {
            for (Variant v : variants) {
                methods.add(new MethodSpec(v.label(), ConfigJson.difference(base, v.params())));
            }
        }
        return new Preset("", title, description, source, base, methods);
    }

    /** The two metadata entries to add to a figure. */
    public static Map<String, String> entries(Preset configuration, Map<String, String> view) {
        ObjectNode o = Json.object();
        o.put("format", ConfigJson.FORMAT);
        o.put("version", 1);
        o.put("title", configuration.title().isBlank() ? "ANIL Explorer run" : configuration.title());
        o.put("description", configuration.description());
        o.put("source", configuration.source());
        o.set("params", Json.params(configuration.params()));
        if (!configuration.methods().isEmpty()) {
            o.set("methods", methodsJson(configuration.methods()));
        }
        Map<String, String> out = new LinkedHashMap<>();
        out.put(CONFIGURATION_KEY, compact(o));
        out.putAll(viewEntry(view));
        return out;
    }

    /** A preset's {@code methods} list: each method's label and overrides. */
    static ArrayNode methodsJson(List<MethodSpec> methods) {
        ArrayNode list = Json.array();
        for (MethodSpec m : methods) {
            ObjectNode entry = Json.object();
            entry.put("label", m.label());
            entry.setAll(Json.settings(m.overrides()));
            list.add(entry);
        }
        return list;
    }

    /** The view entry alone, e.g. to give each figure of a set its own chart. */
    public static Map<String, String> viewEntry(Map<String, String> view) {
        ObjectNode v = Json.object();
        view.forEach(v::put);
        return Map.of(VIEW_KEY, compact(v));
    }

    /** The SVG {@code <metadata>} element for the machine entries among {@code metadata}; empty if there are none. */
    public static String svgMetadata(Map<String, String> metadata) {
        StringBuilder b = new StringBuilder();
        metadata.forEach((key, value) -> {
            if (isMachineEntry(key)) {
                b.append("<anil:entry key=\"").append(xml(key)).append("\">").append(xml(value)).append("</anil:entry>");
            }
        });
        return b.length() == 0 ? "" : "<metadata><anil:figure xmlns:anil=\"" + SVG_NAMESPACE + "\">" + b
                + "</anil:figure></metadata>";
    }

    /**
     * The configuration and view stored in a PNG or SVG file written by this program.
     *
     * @throws PresetException in one line naming the file when it cannot be read or carries no configuration
     */
    public static Embedded read(Path file) {
        Map<String, String> entries;
        try {
            String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
            entries = name.endsWith(".svg") ? svgEntries(file) : PngText.read(file);
        } catch (NoSuchFileException e) {
            throw new PresetException(file + ": no such file");
        } catch (IOException e) {
            throw new PresetException(file + ": cannot be read (" + e.getMessage() + ")");
        } catch (XMLStreamException e) {
            throw new PresetException(file + ": not a valid SVG file (" + firstLine(e.getMessage()) + ")");
        }
        String json = entries.get(CONFIGURATION_KEY);
        if (json == null) {
            throw new PresetException(file + ": carries no ANIL Explorer configuration; only figures exported by "
                    + "this program (version 0.2 or later) can be opened as presets");
        }
        Preset preset = PresetReader.parse(json.getBytes(StandardCharsets.UTF_8), file.toString());
        return new Embedded(preset, view(entries.get(VIEW_KEY), file));
    }

    private static Map<String, String> view(String json, Path file) {
        Map<String, String> out = new LinkedHashMap<>();
        if (json == null) {
            return out;
        }
        try {
            JsonNode v = Json.MAPPER.readTree(json);
            if (v != null && v.isObject()) {
                v.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
            }
        } catch (JsonProcessingException e) {
            throw new PresetException(file + ": its view entry is not valid JSON");
        }
        return out;
    }

    private static Map<String, String> svgEntries(Path file) throws IOException, XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // an SVG from elsewhere must not make the reader fetch or expand anything
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader r = factory.createXMLStreamReader(in);
            try {
                while (r.hasNext()) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT && SVG_NAMESPACE.equals(r.getNamespaceURI())
                            && r.getLocalName().equals("entry")) {
                        String key = r.getAttributeValue(null, "key");
                        String text = r.getElementText();
                        if (key != null) {
                            out.put(key, text);
                        }
                    }
                }
            } finally {
                r.close();
            }
        }
        return out;
    }

    private static String compact(ObjectNode o) {
        try {
            return Json.MAPPER.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the figure configuration", e);
        }
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "syntax error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
