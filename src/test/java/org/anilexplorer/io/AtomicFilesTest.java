package org.anilexplorer.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesAndReplaces() throws Exception {
        Path f = dir.resolve("a.txt");
        AtomicFiles.writeString(f, "one");
        AtomicFiles.writeString(f, "two");
        assertEquals("two", Files.readString(f));
        assertEquals(List.of("a.txt"), names());
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        }
    }

    @Test
    void aFailingWriteKeepsTheOldFileAndLeavesNoTemporary() throws Exception {
        Path f = dir.resolve("a.txt");
        AtomicFiles.writeString(f, "old");
        assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> {
            out.write("half of the new cont");
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(f));
        assertEquals(List.of("a.txt"), names());
    }

    @Test
    void aFailureInAnyFileOfASetWritesNoneOfThem() throws Exception {
        Map<Path, AtomicFiles.TextContent> files = new LinkedHashMap<>();
        files.put(dir.resolve("config.json"), out -> out.write("{}"));
        files.put(dir.resolve("metrics.csv"), out -> {
            out.write("method,seed\n");
            throw new IllegalStateException("broken series");
        });
        files.put(dir.resolve("summary.json"), out -> out.write("{}"));
        assertThrows(IllegalStateException.class, () -> AtomicFiles.writeAll(files));
        assertEquals(List.of(), names());
    }

    @Test
    void anUnwritableDirectoryFailsWithoutLeftovers() throws Exception {
        Path missing = dir.resolve("missing").resolve("a.txt");
        assertThrows(IOException.class, () -> AtomicFiles.writeString(missing, "x"));
        assertFalse(Files.exists(missing.getParent()));
    }

    @Test
    void aDirectoryInTheWayStopsTheWholeSetBeforeAnyRename() throws Exception {
        Files.createDirectory(dir.resolve("metrics.csv"));
        Map<Path, AtomicFiles.TextContent> files = new LinkedHashMap<>();
        files.put(dir.resolve("config.json"), out -> out.write("{}"));
        files.put(dir.resolve("metrics.csv"), out -> out.write("method\n"));
        assertThrows(IOException.class, () -> AtomicFiles.writeAll(files));
        assertEquals(List.of("metrics.csv"), names());
    }
}
