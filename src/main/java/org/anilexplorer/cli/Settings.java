package org.anilexplorer.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anilexplorer.core.params.ParamException;
import org.anilexplorer.core.params.ParamSpec;
import org.anilexplorer.core.params.Params;

/** {@code --set key=value} flags: parsed in order, each key and value checked against {@link ParamSpec}. */
final class Settings {

    private Settings() {
    }

    /**
     * Parses the flags and checks each against {@code base} (unknown key, bad value), so that a mistake is reported
     * as the user typed it before any work starts.
     */
    static Map<String, String> parse(List<String> flags, Params base) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String flag : flags) {
            int eq = flag.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("--set '" + flag + "': expected key=value, e.g. --set alpha=0.05");
            }
            String key = flag.substring(0, eq).strip();
            String value = flag.substring(eq + 1).strip();
            try {
                base.with(key, value);
            } catch (ParamException e) {
                throw new UsageException("--set " + e.getMessage());
            }
            out.put(ParamSpec.byKey(key).orElseThrow().key(), value);
        }
        return out;
    }
}
