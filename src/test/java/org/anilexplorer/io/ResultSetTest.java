package org.anilexplorer.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A result set appears whole or not at all, is never mixed with another, and cleans up after killed writers. */
class ResultSetTest {

    @TempDir
    Path dir;

    private static List<String> names(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** A set of ours: a config.json in our format, and one more file. */
    private static void commitOne(Path out, boolean overwrite, String file) throws Exception {
        try (ResultSet set = ResultSet.open(out, overwrite)) {
            Files.writeString(set.file(ResultFiles.CONFIG), "{\"format\": \"" + ConfigJson.FORMAT + "\"}");
            Files.writeString(set.file(file), file);
            assertFalse(Files.exists(out.resolve(file)), "nothing is visible before the commit");
            set.commit();
        }
    }

    @Test
    void commitPutsTheSetInPlaceAndNothingElse() throws Exception {
        Path out = dir.resolve("a/b/out");
        commitOne(out, false, "x.txt");
        assertEquals(List.of("config.json", "x.txt"), names(out));
        assertEquals(List.of("out"), names(dir.resolve("a/b")), "no staging folder or lock file remains");
    }

    @Test
    void aNonEmptyFolderIsRefusedUnlessOverwriteThenReplacedAsAWhole() throws Exception {
        Path out = dir.resolve("out");
        commitOne(out, false, "old.txt");
        OutputRefusedException e = assertThrows(OutputRefusedException.class, () -> ResultSet.open(out, false));
        assertEquals(out + ": is not empty (it holds config.json, old.txt); choose another folder, or add --overwrite to "
                + "replace it as a whole", e.getMessage());
        commitOne(out, true, "new.txt");
        assertEquals(List.of("config.json", "new.txt"), names(out), "the old set is gone as a whole");
        assertEquals(List.of("out"), names(dir));
    }

    @Test
    void withoutCommitTheTargetStaysAsItWas() throws Exception {
        Path out = dir.resolve("out");
        commitOne(out, false, "old.txt");
        try (ResultSet set = ResultSet.open(out, true)) {
            Files.writeString(set.file("half.txt"), "half");
        }
        assertEquals(List.of("config.json", "old.txt"), names(out));
        assertEquals(List.of("out"), names(dir));
    }

    @Test
    void overwriteReplacesOnlyOurResultSets() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.writeString(home.resolve("thesis.tex"), "years of work");
        OutputRefusedException e = assertThrows(OutputRefusedException.class, () -> ResultSet.open(home, true));
        assertEquals(home + ": is not empty and is not an anil-explorer result set (no config.json of ours in it); "
                + "--overwrite replaces only result sets", e.getMessage());
        Files.writeString(home.resolve("config.json"), "{\"format\": \"someone else's\"}");
        assertThrows(OutputRefusedException.class, () -> ResultSet.open(home, true));
        assertEquals(List.of("config.json", "thesis.tex"), names(home));
        Path cwd = Path.of("").toAbsolutePath();
        assertTrue(assertThrows(OutputRefusedException.class, () -> ResultSet.open(cwd.getParent(), true))
                .getMessage().endsWith(": holds the current folder; --overwrite would delete it"));
    }

    @Test
    void aSecondWriterOfTheSameFolderIsRefused() throws Exception {
        Path out = dir.resolve("out");
        try (ResultSet first = ResultSet.open(out, false)) {
            OutputRefusedException e = assertThrows(OutputRefusedException.class, () -> ResultSet.open(out, true));
            assertTrue(e.getMessage().startsWith(out + ": another anil-explorer process (pid "
                    + ProcessHandle.current().pid() + ") is writing there"), e.getMessage());
            Files.writeString(first.file("x.txt"), "x");
            first.commit();
        }
        assertEquals(List.of("x.txt"), names(out));
        Files.writeString(out.resolve(ResultFiles.CONFIG), "{\"format\": \"" + ConfigJson.FORMAT + "\"}");
        commitOne(out, true, "y.txt"); // the lock is free again
    }

    @Test
    void leftoversOfAKilledWriterAreRemovedByTheNext() throws Exception {
        Path out = dir.resolve("out");
        // what SIGKILL leaves: a staging folder with a half-written file, a replaced set, the lock file
        Path staging = Files.createDirectories(dir.resolve(".out.staging-999999999"));
        Files.writeString(staging.resolve(".metrics.csv.123.tmp"), "half");
        Files.createDirectories(dir.resolve(".out.replaced-999999998"));
        Files.writeString(dir.resolve(".out.lock"), "999999999");
        Files.createDirectories(dir.resolve(".other.staging-1")); // another folder's: not ours to remove
        commitOne(out, false, "x.txt");
        assertEquals(List.of(".other.staging-1", "out"), names(dir));
    }

    @Test
    void badFoldersAreRefusedWithTheirName() throws Exception {
        Path file = Files.writeString(dir.resolve("plain"), "x");
        assertEquals(file + ": is a file, not a directory",
                assertThrows(OutputRefusedException.class, () -> ResultSet.open(file, true)).getMessage());
        assertTrue(assertThrows(OutputRefusedException.class, () -> ResultSet.open(file.resolve("sub"), true))
                .getMessage().startsWith(file.resolve("sub") + ": cannot create the directory"));
        assertEquals("'': an empty folder name; give a folder, e.g. results",
                assertThrows(OutputRefusedException.class, () -> ResultSet.open(Path.of(""), true)).getMessage());
    }

    @Test
    void aWriteFailureNamesTheFileAsItWouldBeInTheTarget() throws Exception {
        Path out = dir.resolve("out");
        try (ResultSet set = ResultSet.open(out, false)) {
            Files.createDirectory(set.file("figure2.png"));
            IOException e = assertThrows(IOException.class,
                    () -> AtomicFiles.writeString(set.file("figure2.png"), "x"));
            assertEquals(set.target().resolve("figure2.png"), set.failedPath(e));
            assertEquals("is a directory", ResultSet.reason(e));
        }
        assertFalse(Files.exists(out));
    }
}
