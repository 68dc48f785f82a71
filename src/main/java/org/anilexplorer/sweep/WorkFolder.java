package org.anilexplorer.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.anilexplorer.core.sweep.JobResult;
import org.anilexplorer.core.sweep.JobStatus;
import org.anilexplorer.core.sweep.SweepColumns;
import org.anilexplorer.core.sweep.SweepException;
import org.anilexplorer.core.sweep.SweepJob;
import org.anilexplorer.core.sweep.SweepPlan;
import org.anilexplorer.io.AtomicFiles;
import org.anilexplorer.io.Json;

/**
 * Where an unfinished sweep keeps its results: {@code DIR.partial} beside {@code --out DIR}, holding the sweep's
 * {@code config.json} and one {@code jobs/<id>.json} per ended job (each written atomically the moment the job
 * ends). The same command after a crash, a kill or Ctrl-C finds it, checks that it belongs to the same sweep, and
 * skips the jobs already there. It outlives the process on purpose, unlike the result set's staging folder
 * ({@link org.anilexplorer.io.ResultSet}), which holds the finished set until it is renamed into place; the caller
 * holds that result set (and its lock on {@code DIR}) while it uses this folder, and deletes the folder once the set
 * is committed.
 */
public final class WorkFolder {

    private static final String JOBS = "jobs";
    private static final String CONFIG = "config.json";

    private final Path dir;

    private WorkFolder(Path dir) {
        this.dir = dir;
    }

    /** The work folder of {@code out}: {@code out.partial} beside it. */
    public static Path pathFor(Path out) {
        Path abs = out.toAbsolutePath().normalize();
        return abs.resolveSibling(abs.getFileName() + ".partial");
    }

    /**
     * Opens (or creates) the work folder of {@code out} for {@code config}; refuses one that belongs to a different
     * sweep, and removes temporary files a killed process left behind. The caller must hold the result set of
     * {@code out}, whose lock keeps other processes away.
     */
    public static WorkFolder open(Path out, SweepConfig config) throws IOException {
        Path dir = pathFor(out);
        Files.createDirectories(dir.resolve(JOBS));
        WorkFolder folder = new WorkFolder(dir);
        Path cfg = dir.resolve(CONFIG);
        if (Files.exists(cfg)) {
            if (!Files.readString(cfg).equals(config.render())) {
                throw new SweepException(dir + " holds the unfinished results of a different sweep; "
                        + "run that sweep again to finish it, or delete the folder");
            }
        } else {
            AtomicFiles.writeString(cfg, config.render());
        }
        folder.removeStaleFiles();
        return folder;
    }

    public Path dir() {
        return dir;
    }

    private void removeStaleFiles() throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve(JOBS))) {
            for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The results already recorded for jobs of {@code plan}, by job index. */
    public Map<Integer, JobResult> recorded(SweepPlan plan, SweepColumns columns) throws IOException {
        Map<Integer, JobResult> out = new HashMap<>();
        for (SweepJob job : plan.jobs()) {
            Path f = jobFile(job);
            if (Files.isRegularFile(f)) {
                out.put(job.index(), readJob(f, job, columns));
            }
        }
        return out;
    }

    /** Records one job's result atomically. */
    public void record(SweepJob job, JobResult r, SweepColumns columns) throws IOException {
        ObjectNode o = Json.object();
        o.put("job", job.id());
        o.put("status", r.status().key());
        o.put("iteration", r.iteration());
        ObjectNode values = o.putObject("values");
        for (int c = 0; c < columns.size(); c++) {
            values.set(columns.metrics().get(c), Json.number(r.value(c)));
        }
        o.put("reason", r.reason());
        o.put("active_seconds", r.activeNanos() / 1e9);
        AtomicFiles.writeString(jobFile(job), Json.MAPPER.writeValueAsString(o));
    }

    private Path jobFile(SweepJob job) {
        return dir.resolve(JOBS).resolve(job.id() + ".json");
    }

    private static JobResult readJob(Path f, SweepJob job, SweepColumns columns) throws IOException {
        JsonNode o = Json.MAPPER.readTree(f.toFile());
        double[] values = new double[columns.size()];
        JsonNode v = o.path("values");
        for (int c = 0; c < columns.size(); c++) {
            JsonNode x = v.get(columns.metrics().get(c));
            values[c] = x == null || x.isNull() ? Double.NaN : x.asDouble();
        }
        return new JobResult(job.index(), JobStatus.parse(o.path("status").asText()), o.path("iteration").asLong(),
                values, o.path("reason").asText(""), (long) (o.path("active_seconds").asDouble(0) * 1e9));
    }

    /** Removes the work folder (once the result set is in place). */
    public void delete() throws IOException {
        deleteTree(dir);
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        }
    }

}
