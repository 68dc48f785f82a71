package org.anilexplorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers, checked on the compiled classes with the JDK's {@code jdeps} (every reference the bytecode makes, not
 * only imports): core ← io ← figure ← cli and app; inside the app, view → viewmodel → sim and never back, and the
 * views never touch the simulation; and no two packages depend on each other through any path.
 */
class LayeringTest {

    private static final Path CLASSES = Path.of("target", "classes");
    private static final String ROOT = "org.anilexplorer";

    /** Package → the project's packages its classes refer to (itself excluded). */
    private static Map<String, Set<String>> graph;
    /** Class-level edges, "a.B -> c.D", for messages. */
    private static List<String> classEdges;

    @BeforeAll
    static void analyse() {
        assertTrue(Files.isDirectory(CLASSES.resolve("org/anilexplorer")), "compile first: " + CLASSES);
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("no jdeps in this JDK"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = jdeps.run(new PrintWriter(out), new PrintWriter(err), "-verbose:class", "-e",
                "org\\.anilexplorer\\..*", CLASSES.toString());
        assertEquals(0, code, err.toString());
        graph = new TreeMap<>();
        classEdges = new ArrayList<>();
        Pattern edge = Pattern.compile("^\\s+(org\\.anilexplorer\\.[\\w.$]+)\\s+->\\s+(org\\.anilexplorer\\.[\\w.$]+)");
        for (String line : out.toString().split("\\R")) {
            Matcher m = edge.matcher(line);
            if (m.find()) {
                String from = packageOf(m.group(1));
                String to = packageOf(m.group(2));
                graph.computeIfAbsent(from, k -> new TreeSet<>());
                if (!from.equals(to)) {
                    graph.get(from).add(to);
                    classEdges.add(m.group(1) + " -> " + m.group(2));
                }
            }
        }
    }

    private static String packageOf(String className) {
        return className.substring(0, className.lastIndexOf('.')).substring(ROOT.length()).replaceFirst("^\\.", "");
    }

    @Test
    void theAnalysisSeesTheKnownDependencies() {
        assertTrue(graph.getOrDefault("cli", Set.of()).contains("core.run"), graph.toString());
        assertTrue(graph.getOrDefault("app.viewmodel", Set.of()).contains("app.sim"), graph.toString());
        assertTrue(graph.getOrDefault("figure", Set.of()).contains("core.metrics"), graph.toString());
        assertTrue(graph.size() > 12, graph.keySet().toString());
    }

    @Test
    void noPackageCycles() {
        List<String> cycles = new ArrayList<>();
        for (String start : graph.keySet()) {
            for (String next : graph.get(start)) {
                if (reaches(next, start, new TreeSet<>())) {
                    cycles.add(start + " -> " + next + " -> … -> " + start);
                }
            }
        }
        assertEquals(List.of(), cycles);
    }

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        assertOnly("core", "core");
        assertOnly("io", "core", "io");
        assertOnly("figure", "core", "io", "figure");
        // sweeps (phase diagrams over a parameter grid) sit beside figure, below the command line
        assertOnly("sweep", "core", "io", "figure", "sweep");
        assertOnly("cli", "core", "io", "figure", "sweep", "cli");
        assertOnly("app.sim", "core", "app.sim");
        // the Sweep view runs the command line's sweep code (sweep: its config, rows and figures), not a copy of it
        assertOnly("app.viewmodel", "core", "io", "figure", "sweep", "app.sim", "app.viewmodel");
        assertOnly("app.view", "core", "io", "figure", "app.viewmodel", "app.view");
    }

    @Test
    void theCheckWouldCatchAViolation() {
        Map<String, Set<String>> real = graph;
        try {
            graph = Map.of("io", Set.of("figure"), "figure", Set.of("io"));
            assertTrue(violations("io", List.of("core", "io")).contains("io -> figure"));
            assertTrue(reaches("figure", "io", new TreeSet<>()), "io -> figure -> io is a cycle");
        } finally {
            graph = real;
        }
    }

    /** Every package under {@code layer} (itself and its sub-packages) depends only on packages under {@code allowed}. */
    private static void assertOnly(String layer, String... allowed) {
        List<String> bad = violations(layer, List.of(allowed));
        List<String> detail = new ArrayList<>();
        for (String v : bad) {
            String[] ends = v.split(" -> ");
            classEdges.stream().filter(e -> e.startsWith(ROOT + "." + ends[0] + ".")
                    && e.contains("-> " + ROOT + "." + ends[1] + ".")).limit(3).forEach(detail::add);
        }
        assertEquals(List.of(), bad, String.join("\n", detail));
    }

    private static List<String> violations(String layer, List<String> allowed) {
        List<String> bad = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : graph.entrySet()) {
            if (!within(e.getKey(), layer)) {
                continue;
            }
            for (String to : e.getValue()) {
                if (allowed.stream().noneMatch(a -> within(to, a))) {
                    bad.add(e.getKey() + " -> " + to);
                }
            }
        }
        return bad;
    }

    private static boolean within(String pkg, String layer) {
        return pkg.equals(layer) || pkg.startsWith(layer + ".");
    }

    private static boolean reaches(String from, String target, Set<String> seen) {
        if (from.equals(target)) {
            return true;
        }
        if (!seen.add(from)) {
            return false;
        }
        for (String next : graph.getOrDefault(from, Set.of())) {
            if (reaches(next, target, seen)) {
                return true;
            }
        }
        return false;
    }
}
