package org.anilexplorer.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The files of a finished experiment, written together and atomically into one directory. */
public final class ResultFiles {

    public static final String CONFIG = "config.json";
    public static final String METRICS = "metrics.csv";
    public static final String SUMMARY = "summary.json";
    public static final String RISK = "risk.csv";

    private ResultFiles() {
    }

    /**
     * Writes {@code config.json}, {@code metrics.csv}, {@code risk.csv} and {@code summary.json} into {@code dir}
     * (which must exist). All are rendered and staged before any is renamed into place.
     *
     * @return the paths written
     */
    public static List<Path> write(Path dir, ExperimentRecord r, JsonNode evaluation) throws IOException {
        String config = ConfigJson.render(r);
        String summary = SummaryJson.render(r, evaluation);
        Map<Path, AtomicFiles.TextContent> files = new LinkedHashMap<>();
        files.put(dir.resolve(CONFIG), out -> out.write(config));
        files.put(dir.resolve(METRICS), out -> MetricsCsv.write(r, out));
        files.put(dir.resolve(RISK), out -> RiskCsv.write(r, out));
        files.put(dir.resolve(SUMMARY), out -> out.write(summary));
        AtomicFiles.writeAll(files);
        return List.copyOf(files.keySet());
    }
}
