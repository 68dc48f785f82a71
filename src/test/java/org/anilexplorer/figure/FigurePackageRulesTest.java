package org.anilexplorer.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The figure package draws with AWT/JFreeChart only: the app shows its charts, the CLI writes them (design.md). */
class FigurePackageRulesTest {

    private static final List<String> FORBIDDEN = List.of("import javafx.", "import org.jfree.chart.fx.",
            "import org.anilexplorer.app.", "import org.anilexplorer.cli.");  // io (atomic file writes) is a peer it may use

    @Test
    void noJavaFxAndNoHigherLayers() throws IOException {
        Path dir = Paths.get("src/main/java/org/anilexplorer/figure");
        assertTrue(Files.isDirectory(dir), "run from the project root: " + dir.toAbsolutePath());
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    for (String bad : FORBIDDEN) {
                        if (line.trim().startsWith(bad)) {
                            violations.add(f.getFileName() + ": " + line.trim());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }
}
