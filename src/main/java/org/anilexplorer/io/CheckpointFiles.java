package org.anilexplorer.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.anilexplorer.core.run.RunCheckpoint;

/**
 * The {@code checkpoints/} folder of a result set: one file per run and checkpoint iteration,
 * {@code t<iteration>-m<method>-s<seed>.ckpt}, where the method is its position in the experiment's list (labels
 * may hold any character) and the content is {@link CheckpointCodec}'s. Each file is written atomically
 * ({@link AtomicFiles}) into the set's staging folder, so the checkpoints appear together with the set's other files.
 */
public final class CheckpointFiles {

    public static final String FOLDER = "checkpoints";

    private static final Pattern NAME = Pattern.compile("t(\\d+)-m(\\d+)-s(-?\\d+)\\.ckpt");

    /** One run of the experiment: the method's position in its list, and the seed. */
    public record RunId(int method, long seed) implements Comparable<RunId> {

        @Override
        public int compareTo(RunId o) {
            return method != o.method ? Integer.compare(method, o.method) : Long.compare(seed, o.seed);
        }
    }

    private CheckpointFiles() {
    }

    /** The file of run {@code id}'s checkpoint at {@code iteration} inside result set {@code dir}. */
    public static Path file(Path dir, RunId id, long iteration) {
        return dir.resolve(FOLDER).resolve("t" + iteration + "-m" + id.method() + "-s" + id.seed() + ".ckpt");
    }

    /** Writes one checkpoint into result set (or staging folder) {@code dir}, creating the folder. */
    public static Path write(Path dir, int method, RunCheckpoint c) throws IOException {
        Path file = file(dir, new RunId(method, c.seed()), c.iteration());
        Files.createDirectories(file.getParent());
        AtomicFiles.writeBytes(file, out -> CheckpointCodec.write(c, out));
        return file;
    }

    /** Every checkpoint iteration of result set {@code dir}, with the runs that have one there (empty: none). */
    public static Map<Long, Set<RunId>> index(Path dir) throws IOException {
        Map<Long, Set<RunId>> out = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir.resolve(FOLDER))) {
            for (Path f : files) {
                Matcher m = NAME.matcher(f.getFileName().toString());
                if (m.matches()) {
                    out.computeIfAbsent(Long.parseLong(m.group(1)), t -> new TreeSet<>())
                            .add(new RunId(Integer.parseInt(m.group(2)), Long.parseLong(m.group(3))));
                }
            }
        } catch (NoSuchFileException e) {
            return out;
        }
        return out;
    }

    /**
     * Reads run {@code id}'s checkpoint at {@code iteration}.
     *
     * @throws CheckpointFormatException naming the file when it is damaged or of another version
     */
    public static RunCheckpoint read(Path dir, RunId id, long iteration) throws IOException {
        Path file = file(dir, id, iteration);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            RunCheckpoint c = CheckpointCodec.read(in);
            if (c.iteration() != iteration || c.seed() != id.seed()) {
                throw new CheckpointFormatException("holds seed " + c.seed() + " at iteration " + c.iteration());
            }
            return c;
        } catch (CheckpointFormatException e) {
            throw new CheckpointFormatException(file + ": " + e.getMessage());
        }
    }
}
