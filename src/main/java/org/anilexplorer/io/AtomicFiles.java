package org.anilexplorer.io;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes files so that a reader sees either the old file or the complete new one, never a half-written one: the
 * content goes to a hidden temporary file in the same directory, is flushed to disk, and is then renamed over the
 * target with {@link StandardCopyOption#ATOMIC_MOVE}. On any failure the temporary file is deleted.
 */
public final class AtomicFiles {

    /** Writes text to a writer; may throw. */
    @FunctionalInterface
    public interface TextContent {
        void writeTo(Writer out) throws IOException;
    }

    /** Writes bytes to a stream (images, binary formats); may throw. */
    @FunctionalInterface
    public interface ByteContent {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text));
    }

    public static void write(Path target, TextContent content) throws IOException {
        Map<Path, TextContent> one = new LinkedHashMap<>();
        one.put(target, content);
        writeAll(one);
    }

    public static void writeBytes(Path target, ByteContent content) throws IOException {
        Map<Path, ByteContent> one = new LinkedHashMap<>();
        one.put(target, content);
        writeAllBytes(one);
    }

    /** Temporary files are created owner-only; give the result the target's permissions, or the usual rw-r--r--. */
    private static void copyPermissions(Path target, Path tmp) {
        try {
            Set<PosixFilePermission> perms = Files.exists(target)
                    ? Files.getPosixFilePermissions(target)
                    : PosixFilePermissions.fromString("rw-r--r--");
            Files.setPosixFilePermissions(tmp, perms);
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the file keeps the system's default permissions
            System.getLogger(AtomicFiles.class.getName()).log(System.Logger.Level.DEBUG,
                    "cannot set the permissions of " + tmp, e);
        }
    }

    /**
     * Writes several files as one step as far as a file system allows: every file is staged first, and only when all
     * are complete are they renamed into place. If staging fails nothing is renamed, so a failure leaves the old
     * files (or none) and no partial ones.
     */
    public static void writeAll(Map<Path, TextContent> files) throws IOException {
        Map<Path, ByteContent> bytes = new LinkedHashMap<>();
        files.forEach((target, text) -> bytes.put(target, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            text.writeTo(w);
            w.flush();
        }));
        writeAllBytes(bytes);
    }

    /** As {@link #writeAll}, for byte content. */
    public static void writeAllBytes(Map<Path, ByteContent> files) throws IOException {
        for (Path target : files.keySet()) {
            if (Files.isDirectory(target)) {
                // checked up front: a rename onto a directory would fail after earlier files were already in place
                throw new FileSystemException(target.toString(), null, "is a directory");
            }
        }
        Map<Path, Path> staged = new LinkedHashMap<>();
        try {
            for (Map.Entry<Path, ByteContent> e : files.entrySet()) {
                Path target = e.getKey().toAbsolutePath();
                Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
                staged.put(target, tmp);
                copyPermissions(target, tmp);
                try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                    OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel));
                    e.getValue().writeTo(out);
                    out.flush();
                    channel.force(true); // on disk before the rename makes it visible
                } catch (FileSystemException named) {
                    throw named;
                } catch (IOException unnamed) {
                    // "No space left on device" names no file: say which one failed
                    FileSystemException named = new FileSystemException(target.toString(), null,
                            unnamed.getMessage() == null ? unnamed.getClass().getSimpleName() : unnamed.getMessage());
                    named.initCause(unnamed);
                    throw named;
                }
            }
            List<Path> moved = new ArrayList<>();
            for (Map.Entry<Path, Path> e : staged.entrySet()) {
                Files.move(e.getValue(), e.getKey(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                moved.add(e.getValue());
            }
            moved.forEach(staged.values()::remove);
        } finally {
            for (Path tmp : staged.values()) {
                Files.deleteIfExists(tmp);
            }
        }
    }
}
