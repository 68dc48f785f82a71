package org.anilexplorer.io;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.anilexplorer.core.params.DoubleList;
import org.anilexplorer.core.params.ParamSpec;
import org.anilexplorer.core.params.Params;

/** The project's one JSON mapper and the conventions every file shares (numbers, parameter values). */
public final class Json {

    /** Duplicate keys are an error (a preset listing "alpha" twice is a mistake, not a choice). */
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** A double as a JSON number, or null when it is not finite (JSON has no NaN). */
    public static JsonNode number(double v) {
        return Double.isFinite(v) ? NODES.numberNode(v) : NODES.nullNode();
    }

    public static ArrayNode numbers(double[] values) {
        ArrayNode a = array();
        for (double v : values) {
            a.add(number(v));
        }
        return a;
    }

    /** All parameters as typed JSON values, in {@link ParamSpec} order (readable back by {@link PresetReader}). */
    public static ObjectNode params(Params p) {
        ObjectNode o = object();
        for (ParamSpec s : ParamSpec.values()) {
            o.set(s.key(), paramValue(s, p.get(s)));
        }
        return o;
    }

    /** The given key → text settings as typed JSON values. */
    public static ObjectNode settings(Map<String, String> settings) {
        ObjectNode o = object();
        settings.forEach((k, v) -> o.set(k, paramValue(ParamSpec.byKey(k).orElse(null), v)));
        return o;
    }

    /** A parameter's text as JSON: lists as arrays, numbers as numbers, true/false as booleans, else text. */
    static JsonNode paramValue(ParamSpec spec, String text) {
        boolean list = spec == ParamSpec.M_TEST || spec == ParamSpec.TASK_MEAN
                || (spec == ParamSpec.TASK_COV && !text.isEmpty() && !Character.isLetter(text.charAt(0)));
        if (list) {
            ArrayNode a = array();
            DoubleList values = DoubleList.parse(text);
            for (int i = 0; i < values.size(); i++) {
                a.add(scalar(DoubleList.of(values.get(i)).toString()));
            }
            return a;
        }
        return scalar(text);
    }

    private static JsonNode scalar(String text) {
        if (text.equals("true") || text.equals("false")) {
            return NODES.booleanNode(Boolean.parseBoolean(text));
        }
        try {
            return NODES.numberNode(Long.parseLong(text));
        } catch (NumberFormatException notLong) {
            try {
                double d = Double.parseDouble(text);
                if (Double.isFinite(d) && !text.equalsIgnoreCase("infinity")) {
                    return NODES.numberNode(d);
                }
            } catch (NumberFormatException notNumber) {
                // text
            }
        }
        return NODES.textNode(text);
    }
}
