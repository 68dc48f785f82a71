package org.anilexplorer.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * An output folder that appears whole or not at all: its files are written into a hidden staging folder beside it,
 * which {@link #commit()} renames into place in one step. Used by every command that writes a result set.
 *
 * <pre>{@code
 * try (ResultSet set = ResultSet.open(out, overwrite)) {   // refuses a non-empty out unless overwrite
 *     write files into set.staging();
 *     set.commit();                                         // out now holds exactly these files
 * }                                                         // without commit: staging removed, out untouched
 * }</pre>
 *
 * <p>Rules, and why:
 * <ul>
 *   <li>A non-empty {@code out} is refused unless {@code overwrite}; then the old set is replaced as a whole (renamed
 *       aside, the new one renamed in, the old one deleted), never merged file by file, so no folder ever holds
 *       one run's config beside another's summary. Only a result set of ours (a {@code config.json} in our format)
 *       is ever replaced, and never a folder holding the current one.</li>
 *   <li>One writer per folder: {@code .NAME.lock} beside it carries an operating-system lock for as long as the set
 *       is open. A second process (or command) aiming at the same folder is refused at once. The kernel releases the
 *       lock when its holder dies, even by SIGKILL, so a lock is never stale. The holder deletes the file as it
 *       finishes; a writer that locked a file just deleted sees its identity (inode) change and locks the new one.</li>
 *   <li>Whoever takes the lock removes the staging folders {@code .NAME.staging-PID} (and replaced sets
 *       {@code .NAME.replaced-PID}) left by killed processes: their owners cannot be alive, since they held the
 *       lock.</li>
 * </ul>
 */
public final class ResultSet implements AutoCloseable {

    private static final int LOCK_ATTEMPTS = 5;

    private final Path target;
    private final boolean overwrite;
    private final Path staging;
    private final Path lockFile;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private boolean committed;
    private boolean closed;

    private ResultSet(Path target, boolean overwrite, Path staging, Path lockFile, FileChannel lockChannel,
            FileLock lock) {
        this.target = target;
        this.overwrite = overwrite;
        this.staging = staging;
        this.lockFile = lockFile;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Takes the folder for writing and creates an empty staging folder beside it (creating missing parents).
     *
     * @param out       the folder the results will be in
     * @param overwrite whether an existing non-empty folder may be replaced (as a whole, at {@link #commit()})
     * @throws OutputRefusedException when {@code out} is empty text, a file, not empty without {@code overwrite},
     *                                or being written by another process; the message names the folder
     * @throws IOException            when the staging folder cannot be created
     */
    public static ResultSet open(Path out, boolean overwrite) throws OutputRefusedException, IOException {
        if (out.toString().isBlank()) {
            throw new OutputRefusedException("'': an empty folder name; give a folder, e.g. results");
        }
        Path target = out.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null || target.getFileName() == null) {
            throw new OutputRefusedException(out + ": is the root of the file system; give a folder inside it");
        }
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new OutputRefusedException(out + ": is a file, not a directory");
        }
        if (overwrite && Path.of("").toAbsolutePath().normalize().startsWith(target)) {
            throw new OutputRefusedException(out + ": holds the current folder; --overwrite would delete it");
        }
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new OutputRefusedException(out + ": cannot create the directory (" + reason(e) + ")");
        }
        String name = target.getFileName().toString();
        Path lockFile = parent.resolve("." + name + ".lock");
        FileChannel channel = null;
        FileLock lock = null;
        for (int attempt = 0; attempt < LOCK_ATTEMPTS && lock == null; attempt++) {
            try {
                channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw new OutputRefusedException(out + ": cannot write in " + parent + " (" + reason(e)
                        + "), where the results are staged before they move into place");
            }
            Object opened = fileKey(lockFile);
            lock = tryLock(channel);
            if (lock == null) {
                String holder = holder(lockFile);
                channel.close();
                throw new OutputRefusedException(out + ": another anil-explorer process" + holder
                        + " is writing there; wait for it or choose another folder");
            }
            Object locked = fileKey(lockFile);
            if (opened == null || !opened.equals(locked)) {
                // the previous holder deleted this lock file as it finished: lock the new one instead
                lock.release();
                channel.close();
                lock = null;
            } else {
                writePid(channel);
            }
        }
        if (lock == null) {
            throw new OutputRefusedException(out + ": its lock file " + lockFile + " keeps changing; try again");
        }
        try {
            removeLeftovers(parent, name);
            if (Files.isDirectory(target) && !isEmpty(target)) {
                if (!overwrite) {
                    throw new OutputRefusedException(out + ": is not empty (" + describeContents(target)
                            + "); choose another folder, or add --overwrite to replace it as a whole");
                }
                if (!isResultSet(target)) {
                    throw new OutputRefusedException(out + ": is not empty and is not an anil-explorer result set (no "
                            + "config.json of ours in it); --overwrite replaces only result sets");
                }
            }
            Path staging = parent.resolve("." + name + ".staging-" + ProcessHandle.current().pid());
            Files.createDirectory(staging);
            return new ResultSet(target, overwrite, staging, lockFile, channel, lock);
        } catch (IOException e) {
            release(lockFile, channel, lock);
            throw new OutputRefusedException(out + ": cannot write in " + parent + " (" + reason(e)
                    + "), where the results are staged before they move into place");
        } catch (OutputRefusedException | RuntimeException e) {
            release(lockFile, channel, lock);
            throw e;
        }
    }

    /** The folder to write the files into; it becomes {@link #target()} at {@link #commit()}. */
    public Path staging() {
        return staging;
    }

    /** The folder the results go to (absolute). */
    public Path target() {
        return target;
    }

    /** The file in the staging folder with this name. */
    public Path file(String name) {
        return staging.resolve(name);
    }

    /** Whether {@link #commit()} has put the set in place. */
    public boolean isCommitted() {
        return committed;
    }

    /**
     * Puts the staged files in place as the folder {@link #target()}, replacing an earlier set as a whole when opened
     * with overwrite. On failure the earlier set is left as it was.
     *
     * @throws IOException when the rename fails, or the folder was filled by something else meanwhile (then the
     *                     staged files are kept in a visible folder named in the message)
     */
    public synchronized void commit() throws IOException {
        if (closed || committed) {
            throw new IllegalStateException("the result set " + target + " is already " + (closed ? "closed" : "committed"));
        }
        if (Files.isDirectory(target) && isEmpty(target)) {
            Files.delete(target);
        }
        if (Files.exists(target)) {
            if (!overwrite) {
                Path kept = target.resolveSibling(target.getFileName() + ".new-" + ProcessHandle.current().pid());
                Files.move(staging, kept, StandardCopyOption.ATOMIC_MOVE);
                committed = true; // nothing left to remove
                throw new FileSystemException(target.toString(), null, "was filled by something else while this "
                        + "command ran; the new results are in " + kept);
            }
            Path old = target.resolveSibling("." + target.getFileName() + ".replaced-" + ProcessHandle.current().pid());
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
                throw e;
            }
            committed = true;
            // what remains is only the hidden old copy; the next writer removes it if this fails
            deleteRecursively(old);
        } else {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            committed = true;
        }
    }

    /** Removes the staging folder (if not committed) and gives up the folder; the target is left as it was. */
    public synchronized void abort() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!committed) {
                deleteRecursively(staging);
            }
        } finally {
            release(lockFile, lockChannel, lock);
        }
    }

    /** As {@link #abort()}: without a commit the staged files are removed. */
    @Override
    public void close() throws IOException {
        abort();
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this very process (another command running in the same JVM)
        }
    }

    /**
     * The file's identity (device and inode), or null when it is gone. Read with stat, never by opening the file: the
     * holder closing any descriptor of the lock file would drop its POSIX lock.
     */
    private static Object fileKey(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null; // deleted meanwhile: the caller retries
        }
    }

    /** Our pid in the lock file, for the message another writer gets. */
    private static void writePid(FileChannel channel) throws IOException {
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)), 0);
    }

    private static String holder(Path lockFile) {
        try {
            String pid = Files.readString(lockFile, StandardCharsets.US_ASCII).strip();
            return pid.matches("\\d+") ? " (pid " + pid + ")" : "";
        } catch (IOException e) {
            return ""; // only decorates the message
        }
    }

    /**
     * Deletes the lock file while still holding the lock, so no one locks a file that is about to vanish unseen. Where
     * an open file cannot be deleted (Windows), it is deleted after the lock is released; another writer holding it
     * open then keeps it, which is harmless.
     */
    private static void release(Path lockFile, FileChannel channel, FileLock lock) throws IOException {
        boolean deleted;
        try {
            Files.deleteIfExists(lockFile);
            deleted = true;
        } catch (IOException e) {
            deleted = false; // handled below: retried once the lock is released
        }
        try {
            lock.release();
        } finally {
            channel.close();
        }
        if (!deleted) {
            try {
                Files.deleteIfExists(lockFile);
            } catch (IOException e) {
                System.getLogger(ResultSet.class.getName()).log(System.Logger.Level.DEBUG,
                        "lock file " + lockFile + " left in place (another writer has it open)", e);
            }
        }
    }

    private static void removeLeftovers(Path parent, String name) throws IOException {
        List<Path> stale = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent, "." + name + ".{staging,replaced}-*")) {
            entries.forEach(stale::add);
        }
        for (Path p : stale) {
            deleteRecursively(p);
        }
    }

    /**
     * Whether a folder was written by this program, so that {@code --overwrite} may delete it: every command's set holds
     * a {@code config.json} of ours. A mistyped {@code --out ~ --overwrite} must not delete a home folder.
     */
    private static boolean isResultSet(Path dir) throws IOException {
        Path config = dir.resolve(ResultFiles.CONFIG);
        if (!Files.isRegularFile(config)) {
            return false;
        }
        try {
            return ConfigJson.FORMAT.equals(Json.MAPPER.readTree(config.toFile()).path("format").asText());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return false; // not JSON: not ours
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    private static String describeContents(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<String> names = s.map(p -> p.getFileName().toString()).sorted().toList();
            String shown = String.join(", ", names.subList(0, Math.min(3, names.size())));
            return "it holds " + shown + (names.size() > 3 ? " and " + (names.size() - 3) + " more" : "");
        }
    }

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        List<Path> all;
        try (Stream<Path> s = Files.walk(root)) {
            all = s.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : all) {
            Files.deleteIfExists(p);
        }
    }

    /**
     * A short cause for a user: "permission denied", "No space left on device", … From the innermost I/O cause, since
     * image writers wrap it ("I/O error writing PNG file!" hides a full disk).
     */
    public static String reason(IOException e) {
        IOException inner = e;
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof IOException io) {
                inner = io;
            }
        }
        if (inner instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (inner instanceof NoSuchFileException) {
            return "no such file or directory: " + inner.getMessage();
        }
        if (inner instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return inner.getMessage() == null ? inner.getClass().getSimpleName() : inner.getMessage();
    }

    /**
     * The file a write failure concerns, named as it will be in the target folder ("out/figure2.png"), or the target
     * itself when the failure names no file in the staging folder.
     */
    public Path failedPath(IOException e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof FileSystemException fse && fse.getFile() != null) {
                Path file = Path.of(fse.getFile()).toAbsolutePath();
                if (file.startsWith(staging) && !file.equals(staging)) {
                    Path name = staging.relativize(file);
                    // a temporary file of AtomicFiles (".NAME.123.tmp") stands for NAME
                    String n = name.getFileName().toString();
                    if (n.startsWith(".") && n.endsWith(".tmp") && n.indexOf('.', 1) > 0) {
                        n = n.substring(1, n.lastIndexOf('.', n.length() - 5));
                        name = name.resolveSibling(n);
                    }
                    return target.resolve(name);
                }
            }
        }
        return target;
    }
}
