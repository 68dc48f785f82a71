package org.anilexplorer.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.anilexplorer.core.params.Params;

/**
 * A whole configuration as one short line of text that survives a chat window: {@code anil1:} followed by the
 * base64url (no padding) of the raw-deflated preset JSON, holding the title, the parameters that differ from the
 * defaults (seeds included) and the methods with their overrides. Description and source are left out to keep it
 * short. Decoding goes through {@link PresetReader#parse}, so a share code is checked like any preset file.
 */
public final class ShareCode {

    /** Every share code starts with this; the digit is the format version. */
    public static final String PREFIX = "anil1:";

    /** Inflated JSON larger than this is refused (a real configuration is a few hundred bytes). */
    private static final int MAX_JSON_BYTES = 1 << 20;

    private ShareCode() {
    }

    /** Whether {@code text} looks like a share code (it may still be damaged). */
    public static boolean isShareCode(String text) {
        return text != null && text.strip().regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    /** The share code of a configuration. */
    public static String encode(Preset preset) {
        ObjectNode o = Json.object();
        o.put("title", preset.title());
        o.set("params", Json.settings(ConfigJson.difference(Params.defaults(), preset.params())));
        if (!preset.methods().isEmpty()) {
            o.set("methods", FigureConfiguration.methodsJson(preset.methods()));
        }
        byte[] json;
        try {
            json = Json.MAPPER.writeValueAsBytes(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render a share code", e);
        }
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(deflate(json));
    }

    /**
     * The configuration a share code holds. White space anywhere (line breaks added by a chat client) is ignored.
     *
     * @throws PresetException naming the problem when the text is not a complete, valid share code
     */
    public static Preset decode(String code) {
        String compact = code == null ? "" : code.replaceAll("\\s+", "");
        if (!isShareCode(compact)) {
            throw new PresetException("share code: must start with " + PREFIX);
        }
        byte[] packed;
        try {
            packed = Base64.getUrlDecoder().decode(compact.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new PresetException("share code: contains characters other than A–Z, a–z, 0–9, '-' and '_' "
                    + "after " + PREFIX + "; was it copied completely?");
        }
        return PresetReader.parse(inflate(packed), "share code");
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[1024];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static byte[] inflate(byte[] data) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(data);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new PresetException("share code: incomplete; was it copied completely?");
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_JSON_BYTES) {
                    throw new PresetException("share code: too large to be a configuration");
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new PresetException("share code: damaged; was it copied completely?");
        } finally {
            inflater.end();
        }
    }
}
