package org.anilexplorer.app.viewmodel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.anilexplorer.figure.ImageSize;
import org.anilexplorer.io.Json;

/**
 * What the Export dialog was last set to (folder, formats, charts, size, file prefix), kept in a store that survives
 * restarts like the window placement (the user's preferences in the app; a string in tests). Nothing is remembered
 * before the first export; an unreadable stored value is ignored.
 */
public final class ExportMemory {

    /** The dialog's choices. */
    public record Choices(Path folder, Set<ExportFormat> formats, Set<ChartKind> charts, ImageSize size,
                          String prefix) {

        public Choices {
            formats = formats.isEmpty() ? EnumSet.noneOf(ExportFormat.class) : EnumSet.copyOf(formats);
            charts = charts.isEmpty() ? EnumSet.noneOf(ChartKind.class) : EnumSet.copyOf(charts);
        }
    }

    private final Consumer<String> save;
    private Choices last;

    public ExportMemory(Supplier<String> load, Consumer<String> save) {
        this.save = save;
        this.last = decode(load.get()).orElse(null);
    }

    /** Remembers nothing across launches (tests). */
    public static ExportMemory inMemory() {
        return new ExportMemory(() -> null, s -> { });
    }

    /** The choices of the last export, if any. */
    public Optional<Choices> last() {
        return Optional.ofNullable(last);
    }

    public void remember(Choices c) {
        last = c;
        save.accept(encode(c));
    }

    static String encode(Choices c) {
        ObjectNode o = Json.object();
        o.put("folder", c.folder().toString());
        c.formats().forEach(f -> o.withArray("formats").add(f.name()));
        c.charts().forEach(k -> o.withArray("charts").add(k.name()));
        o.put("width", c.size().width());
        o.put("height", c.size().height());
        o.put("scale", c.size().scale());
        o.put("prefix", c.prefix());
        try {
            return Json.MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the export choices", e);
        }
    }

    static Optional<Choices> decode(String stored) {
        if (stored == null || stored.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode o = Json.MAPPER.readTree(stored);
            Set<ExportFormat> formats = EnumSet.noneOf(ExportFormat.class);
            for (JsonNode f : o.path("formats")) {
                formats.add(ExportFormat.valueOf(f.asText()));
            }
            Set<ChartKind> charts = EnumSet.noneOf(ChartKind.class);
            for (JsonNode k : o.path("charts")) {
                charts.add(ChartKind.valueOf(k.asText()));
            }
            return Optional.of(new Choices(Path.of(o.path("folder").asText()), formats, charts,
                    new ImageSize(o.path("width").asDouble(), o.path("height").asDouble(), o.path("scale").asDouble()),
                    o.path("prefix").asText("anil")));
        } catch (JsonProcessingException | RuntimeException e) {
            // a stored value from another version, or damaged: the dialog starts from its defaults
            System.getLogger(ExportMemory.class.getName()).log(System.Logger.Level.INFO,
                    "ignoring stored export choices that cannot be read", e);
            return Optional.empty();
        }
    }
}
