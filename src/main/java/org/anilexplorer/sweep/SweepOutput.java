package org.anilexplorer.sweep;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anilexplorer.core.sweep.JobResult;
import org.anilexplorer.core.sweep.JobStatus;
import org.anilexplorer.core.sweep.SweepColumns;
import org.anilexplorer.core.sweep.SweepJob;
import org.anilexplorer.core.sweep.SweepPlan;
import org.anilexplorer.figure.PhaseFigures;
import org.anilexplorer.io.AtomicFiles;
import org.anilexplorer.io.Json;

/**
 * Writes a sweep's result set into a (staging) folder: {@code sweep.csv}, {@code config.json}, {@code summary.json}
 * (counts, reasons, and the wall-clock figures that must stay out of sweep.csv), and for a complete sweep the phase
 * diagrams {@code phase-<metric>.png/.svg}.
 */
public final class SweepOutput {

    public static final String CONFIG = "config.json";
    public static final String SUMMARY = "summary.json";

    private SweepOutput() {
    }

    /**
     * @param results  results by job index (a shard's jobs only, or all)
     * @param timing   wall-clock facts for summary.json (may be empty)
     * @param figures  whether to draw the phase diagrams (only for a complete sweep)
     * @return the files written
     */
    public static List<Path> write(Path dir, SweepConfig config, SweepPlan plan, Map<Integer, JobResult> results,
            Map<String, Object> timing, boolean figures) throws IOException {
        SweepColumns columns = config.columns();
        List<Path> written = new ArrayList<>();
        Path csv = dir.resolve(SweepCsv.FILE);
        AtomicFiles.write(csv, out -> SweepCsv.write(plan, columns, results, out));
        written.add(csv);
        Path cfg = dir.resolve(CONFIG);
        AtomicFiles.writeString(cfg, config.render());
        written.add(cfg);
        if (figures) {
            written.addAll(PhaseFigures.write(dir, config.preset().title(), plan, columns, results, config.metrics(),
                    config::cellParams));
        }
        Path summary = dir.resolve(SUMMARY);
        AtomicFiles.writeString(summary, Json.MAPPER.writeValueAsString(summary(config, plan, results, timing, written)) + "\n");
        written.add(summary);
        return written;
    }

    static ObjectNode summary(SweepConfig config, SweepPlan plan, Map<Integer, JobResult> results,
            Map<String, Object> timing, List<Path> files) {
        ObjectNode o = Json.object();
        o.put("format", "anil-explorer/sweep-summary");
        o.put("version", 1);
        o.put("title", config.preset().title());
        ArrayNode grid = o.putArray("grid");
        config.describeGrid().forEach(grid::add);
        ArrayNode methods = o.putArray("methods");
        plan.methodLabels().forEach(methods::add);
        o.put("seeds_per_cell", plan.seeds());
        o.put("cells", plan.grid().cellCount());
        o.put("shard", config.shard().toString());
        o.put("jobs", results.size());
        Map<JobStatus, Integer> counts = new EnumMap<>(JobStatus.class);
        ArrayNode notFinished = Json.array();
        long cpuNanos = 0;
        for (SweepJob job : plan.jobs()) {
            JobResult r = results.get(job.index());
            if (r == null) {
                continue;
            }
            counts.merge(r.status(), 1, Integer::sum);
            cpuNanos += r.activeNanos();
            if (r.status() != JobStatus.FINISHED) {
                ObjectNode n = Json.object();
                n.set("cell", Json.settings(plan.grid().settings(job.cell())));
                n.put("method", job.methodLabel());
                n.put("seed", job.seed());
                n.put("status", r.status().key());
                n.put("reason", r.reason());
                notFinished.add(n);
            }
        }
        ObjectNode c = o.putObject("status_counts");
        for (JobStatus s : JobStatus.values()) {
            c.put(s.key(), counts.getOrDefault(s, 0));
        }
        o.set("not_finished", notFinished);
        o.put("run_seconds_total", cpuNanos / 1e9);
        ObjectNode t = o.putObject("timing");
        Map<String, Object> ordered = new LinkedHashMap<>(timing);
        ordered.forEach((k, v) -> {
            if (v instanceof Integer || v instanceof Long) {
                t.put(k, ((Number) v).longValue());
            } else if (v instanceof Number n) {
                t.put(k, n.doubleValue());
            } else {
                t.put(k, String.valueOf(v));
            }
        });
        ObjectNode theory = o.putObject("theory");
        theory.put("applies_to", "fo-anil with k' ≥ k (Yüksel et al., Theorem 1)");
        theory.put("stability_limit", "αβ·max_j s_j < 1: the limit of Theorem 1 is linearly stable (the dashed boundary)");
        theory.put("predictions", "sv2_star_min/max → eigenvalues of Λ⋆ (eq. 8); sv2_perp_max with tasks = inf → "
                + "m_in/(2α²βσ̃²T) (the 1/t law at the final iteration)");
        ArrayNode f = o.putArray("files");
        files.forEach(p -> f.add(p.getFileName().toString()));
        f.add(SUMMARY);
        return o;
    }
}
