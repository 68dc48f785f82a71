package org.anilexplorer.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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
 * {@code config.json}, one {@code jobs/<id>.json} per ended job (each written atomically the moment the job ends),
 * and a lock. The same command after a crash, a kill or Ctrl-C finds it, checks that it belongs to the same sweep,
 * and skips the jobs already there. At the end the result set is assembled in {@code DIR.partial/result} and moved
 * to {@code DIR} in one rename, then the work folder is removed: {@code DIR} appears whole or not at all.
 *
 * <p>Kept separate from the commands so that it can give way to a shared staging implementation.
 */
public final class WorkFolder implements AutoCloseable {

    private static final String JOBS = "jobs";
    private static final String CONFIG = "config.json";
    private static final String RESULT = "result";

    private final Path out;
    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private WorkFolder(Path out, Path dir, FileChannel lockChannel, FileLock lock) {
        this.out = out;
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** The work folder of {@code out}: {@code out.partial} beside it. */
    public static Path pathFor(Path out) {
        Path abs = out.toAbsolutePath().normalize();
        return abs.resolveSibling(abs.getFileName() + ".partial");
    }

    /**
     * Opens (or creates) the work folder of {@code out} for {@code config}. Refuses a folder that another process
     * holds, or that belongs to a different sweep. Removes temporary files a killed process left behind.
     */
    public static WorkFolder open(Path out, SweepConfig config) throws IOException {
        Path dir = pathFor(out);
        Files.createDirectories(dir.resolve(JOBS));
        FileChannel channel = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new SweepException("--out " + out + ": another sweep is writing there (" + dir + " is locked)");
        }
        WorkFolder folder = new WorkFolder(out, dir, channel, lock);
        try {
            Path cfg = dir.resolve(CONFIG);
            if (Files.exists(cfg)) {
                String mine = config.render();
                String theirs = Files.readString(cfg);
                if (!theirs.equals(mine)) {
                    throw new SweepException(dir + " holds the unfinished results of a different sweep; "
                            + "run that sweep again to finish it, or delete the folder");
                }
            } else {
                AtomicFiles.writeString(cfg, config.render());
            }
            folder.removeStaleFiles();
        } catch (IOException | RuntimeException e) {
            folder.close();
            throw e;
        }
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
        deleteTree(dir.resolve(RESULT));
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

    /** An empty folder to assemble the final result set in. */
    public Path staging() throws IOException {
        Path r = dir.resolve(RESULT);
        deleteTree(r);
        Files.createDirectories(r);
        return r;
    }

    /**
     * Moves the assembled result set to {@code out} in one rename (replacing an existing {@code out} as a whole when
     * {@code overwrite}), then removes the work folder.
     */
    public void publish(boolean overwrite) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        if (Files.exists(target)) {
            if (!isEmptyDirectory(target) && !overwrite) {
                throw new SweepException("--out " + out + ": not empty; choose another folder or add --overwrite");
            }
            Path old = dir.resolve("replaced");
            deleteTree(old);
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(dir.resolve(RESULT), target, StandardCopyOption.ATOMIC_MOVE);
        close();
        deleteTree(dir);
    }

    public static boolean isEmptyDirectory(Path p) throws IOException {
        if (!Files.isDirectory(p)) {
            return false;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(p)) {
            return !s.iterator().hasNext();
        }
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

    @Override
    public void close() throws IOException {
        if (lock.isValid()) {
            lock.release();
        }
        lockChannel.close();
    }
}
