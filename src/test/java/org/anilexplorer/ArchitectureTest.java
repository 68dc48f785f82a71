package org.anilexplorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The toolkit rule, checked on the source files (the package layering is {@link LayeringTest}, on the classes): core is pure (no UI toolkit, no charting, no files layer, no
 * front end), and nothing but the app uses JavaFX. Comments and string literals are stripped first, so a word in a
 * comment does not count but a fully qualified name in code does.
 */
class ArchitectureTest {

    private static final Path MAIN = Path.of("src", "main", "java", "org", "anilexplorer");

    /** Package prefixes core must not use. */
    private static final Pattern CORE_FORBIDDEN = Pattern.compile(
            "\\b(javafx\\.|java\\.awt\\.|org\\.jfree\\.|org\\.anilexplorer\\.(app|cli|figure|io)\\b)");
    /** What the non-app layers (io, figure, cli) must not use. */
    private static final Pattern NO_JAVAFX = Pattern.compile("\\b(javafx\\.|org\\.anilexplorer\\.app\\b)");

    @Test
    void coreUsesNoToolkitChartingFilesLayerOrFrontEnd() throws IOException {
        List<Path> files = javaFiles(MAIN.resolve("core"));
        assertTrue(files.size() > 30, "expected the core sources, found " + files.size());
        assertEquals(List.of(), violations(files, CORE_FORBIDDEN));
    }

    @Test
    void onlyTheAppUsesJavaFx() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String layer : new String[] {"io", "figure", "cli"}) {
            files.addAll(javaFiles(MAIN.resolve(layer)));
        }
        assertTrue(files.size() > 10, "expected io and cli sources, found " + files.size());
        assertEquals(List.of(), violations(files, NO_JAVAFX));
    }

    /** One name, one class: the app once had its own ExperimentView, RunStatus and ExperimentDriver beside core's. */
    @Test
    void noTwoClassesShareASimpleName() throws IOException {
        java.util.Map<String, List<Path>> byName = new java.util.TreeMap<>();
        for (Path f : javaFiles(MAIN)) {
            String name = f.getFileName().toString();
            if (!name.equals("package-info.java")) {
                byName.computeIfAbsent(name, n -> new ArrayList<>()).add(f);
            }
        }
        assertTrue(byName.size() > 100, "expected the main sources, found " + byName.size());
        byName.values().removeIf(files -> files.size() < 2);
        assertEquals(java.util.Map.of(), byName);
    }

    @Test
    void theCheckSeesCodeButNotCommentsOrStrings() {
        assertTrue(CORE_FORBIDDEN.matcher(code("import javafx.scene.Node;")).find());
        assertTrue(CORE_FORBIDDEN.matcher(code("class A { java.awt.Color c; }")).find());
        assertTrue(CORE_FORBIDDEN.matcher(code("import static org.anilexplorer.io.Json.MAPPER;")).find());
        assertTrue(CORE_FORBIDDEN.matcher(code("import org.anilexplorer.cli.Cli;")).find());
        assertTrue(CORE_FORBIDDEN.matcher(code("import org.jfree.chart.JFreeChart;")).find());
        assertTrue(!CORE_FORBIDDEN.matcher(code("// see javafx.scene\n/* org.anilexplorer.io */ String s = \"java.awt.\";")).find());
        assertTrue(!CORE_FORBIDDEN.matcher(code("import org.anilexplorer.core.io2.X; import org.anilexplorer.iota.Y;")).find());
    }

    private static List<Path> javaFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static List<String> violations(List<Path> files, Pattern forbidden) throws IOException {
        List<String> found = new ArrayList<>();
        for (Path f : files) {
            Matcher m = forbidden.matcher(code(Files.readString(f, StandardCharsets.UTF_8)));
            while (m.find()) {
                found.add(f + " uses " + m.group(1));
            }
        }
        return found;
    }

    /** The source without comments, string and character literals (text blocks included). */
    static String code(String src) {
        StringBuilder b = new StringBuilder(src.length());
        int i = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
                while (i < n && src.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
                int end = src.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                b.append(' ');
            } else if (src.startsWith("\"\"\"", i)) {
                int end = src.indexOf("\"\"\"", i + 3);
                i = end < 0 ? n : end + 3;
                b.append("\"\"");
            } else if (c == '"' || c == '\'') {
                i++;
                while (i < n && src.charAt(i) != c) {
                    i += src.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
                b.append("\"\"");
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }
}
