package org.anilexplorer.installer;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Checks installer/build-linux.sh against pom.xml without building anything: the script must take
 * every piece of the application's identity from the pom, the pom must define those pieces in a form
 * jpackage and Debian accept, and the files the script ships (templates, icons) must fit together.
 */
class InstallerScriptTest {

    private static final Path ROOT = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    private static final Path SCRIPT = ROOT.resolve("installer/build-linux.sh");
    private static final Path TEMPLATES = ROOT.resolve("installer/linux");
    private static final Path ASSETS = ROOT.resolve("assets");
    private static final Path WINDOW_ICONS = ROOT.resolve("src/main/resources/org/anilexplorer/app");

    /** The @TOKENS@ the script's fill_template replaces. */
    private static final Set<String> FILLED_TOKENS =
            Set.of("APP_TITLE", "DESCRIPTION", "PACKAGE_NAME", "INSTALL_DIR", "WM_CLASS", "JAR_NAME");

    private static String script;
    private static String pomText;
    private static Element project;

    @BeforeAll
    static void read() throws Exception {
        script = Files.readString(SCRIPT, StandardCharsets.UTF_8);
        pomText = Files.readString(ROOT.resolve("pom.xml"), StandardCharsets.UTF_8);
        project = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder().parse(ROOT.resolve("pom.xml").toFile()).getDocumentElement();
    }

    @Test
    void scriptIsAnExecutableStrictBashScript() {
        assertAll(
                () -> assertTrue(Files.isRegularFile(SCRIPT), SCRIPT + " is missing"),
                () -> assertTrue(Files.isExecutable(SCRIPT), SCRIPT + " is not executable"),
                () -> assertTrue(script.startsWith("#!/usr/bin/env bash\n"), "first line must be the bash shebang"),
                () -> assertTrue(script.contains("\nset -euo pipefail\n"), "script must run with set -euo pipefail"));
    }

    @Test
    void scriptParsesAsBash() throws Exception {
        Process bash = new ProcessBuilder("bash", "-n", SCRIPT.toString()).redirectErrorStream(true).start();
        assertTrue(bash.waitFor(10, TimeUnit.SECONDS), "bash -n did not finish");
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, bash.exitValue(), "bash -n reports: " + output);
    }

    @Test
    void identityIsReadFromThePomAndNotWrittenIntoTheScript() {
        String version = child(project, "version");
        String mainClass = property("main.class");
        String jarName = child(childElement(project, "build"), "finalName") + ".jar";
        assertAll(
                () -> assertEvaluates("project.artifactId"),
                () -> assertEvaluates("project.version"),
                () -> assertEvaluates("project.name"),
                () -> assertEvaluates("project.description"),
                () -> assertEvaluates("main.class"),
                () -> assertEvaluates("project.build.finalName"),
                () -> assertFalse(script.contains(version), "script hard-codes the version " + version),
                () -> assertFalse(script.contains(mainClass), "script hard-codes the main class " + mainClass),
                () -> assertFalse(script.contains(jarName), "script hard-codes the jar name " + jarName),
                () -> assertTrue(script.contains("--main-class \"$main_class\""), "main class must come from the pom"),
                () -> assertTrue(script.contains("--main-jar \"$jar_name\""), "jar name must come from the pom"),
                () -> assertTrue(script.contains("jar=\"target/$jar_name\""), "the jar is looked for in target/"),
                () -> assertTrue(script.contains("--name \"$package_name\""), "package name must be the artifactId"),
                () -> assertTrue(script.contains("--app-version \"$app_version\""), "version must come from the pom"));
    }

    @Test
    void pomDefinesTheIdentityInAFormJpackageAndDebianAccept() {
        String artifactId = child(project, "artifactId");
        String version = child(project, "version");
        String mainClass = property("main.class");
        assertAll(
                // Debian package names: lower case letters, digits, + - . ; at least two characters
                () -> assertTrue(artifactId.matches("[a-z0-9][a-z0-9+.-]+"), "artifactId " + artifactId),
                // the script ships the numeric part before any -qualifier (same rule as the script)
                () -> assertTrue(version.matches("[0-9]+(\\.[0-9]+){0,2}(-.*)?"), "version " + version),
                () -> assertFalse(child(project, "name").isBlank(), "pom <name> is the menu title"),
                () -> assertFalse(child(project, "description").isBlank(), "pom <description> is the package summary"),
                () -> assertTrue(mainClass.matches("org\\.anilexplorer(\\.[a-z]\\w*)*\\.[A-Z]\\w*"), "main.class " + mainClass),
                () -> assertFalse(child(childElement(project, "build"), "finalName").isBlank(), "pom <finalName> names the jar"));
    }

    @Test
    void mainClassIsAPlainLauncherInTheSources() throws IOException {
        Path source = ROOT.resolve("src/main/java/" + property("main.class").replace('.', '/') + ".java");
        assertTrue(Files.isRegularFile(source), "main.class has no source: " + source);
        // A main class extending Application fails from a class-path launcher ("JavaFX runtime components are missing").
        assertFalse(Files.readString(source).contains("extends Application"), source + " must not extend Application");
    }

    @Test
    void theJarManifestNamesTheSameMainClassTheScriptChecks() {
        // The script refuses a jar whose Main-Class differs from ${main.class}; both manifests must use it.
        Matcher mainClassEntries = Pattern.compile("<mainClass>([^<]*)</mainClass>").matcher(pomText);
        List<String> entries = new ArrayList<>();
        while (mainClassEntries.find()) {
            entries.add(mainClassEntries.group(1));
        }
        assertEquals(List.of("${main.class}", "${main.class}"), entries, "jar and shade manifests");
        assertTrue(pomText.contains("<Implementation-Version>${project.version}</Implementation-Version>"),
                "the script compares the jar's Implementation-Version with the pom version");
    }

    @Test
    void templatesUseOnlyTokensTheScriptFills() throws IOException {
        Set<String> used = new TreeSet<>();
        List<Path> templates;
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            templates = files.sorted().toList();
        }
        for (Path template : templates) {
            Matcher token = Pattern.compile("@([A-Z_]+)@").matcher(Files.readString(template));
            while (token.find()) {
                used.add(token.group(1));
            }
        }
        assertEquals(List.of("app.desktop", "postinst", "prerm"),
                templates.stream().map(p -> p.getFileName().toString()).toList());
        assertTrue(FILLED_TOKENS.containsAll(used), "unfilled tokens: " + used);
        for (String token : FILLED_TOKENS) {
            assertTrue(script.contains("s|@" + token + "@|"), "script does not fill @" + token + "@");
        }
        assertTrue(Files.isExecutable(TEMPLATES.resolve("postinst")) && Files.isExecutable(TEMPLATES.resolve("prerm")));
    }

    @Test
    void iconsAreDrawnAtEverySizeTheirNameClaims() throws IOException {
        for (int size : new int[] {16, 24, 32, 48, 64, 128, 256, 512}) {
            Path png = ASSETS.resolve("icon-" + size + ".png");
            BufferedImage image = ImageIO.read(png.toFile());
            assertNotNull(image, png + " is not a readable PNG");
            assertEquals(size, image.getWidth(), png + " width");
            assertEquals(size, image.getHeight(), png + " height");
        }
        assertTrue(Files.isRegularFile(ASSETS.resolve("icon.svg")), "icon source");
        assertTrue(script.contains("--icon assets/icon-256.png"), "the app image uses the 256 px icon");
        for (int size : new int[] {16, 32, 48, 64, 256}) {
            assertArrayEquals(Files.readAllBytes(ASSETS.resolve("icon-" + size + ".png")),
                    Files.readAllBytes(WINDOW_ICONS.resolve("icon-" + size + ".png")),
                    "window icon " + size + " px differs from assets/; run assets/render-icons.sh");
        }
    }

    @Test
    void runtimeIsTrimmedAndKeepsWhatJdepsCannotSee() {
        Matcher modules = Pattern.compile("\nmodules=\"\\$jdeps_modules,([^\"]*)\"").matcher(script);
        assertTrue(modules.find(), "modules line");
        Set<String> added = Set.of(modules.group(1).split(","));
        assertAll(
                () -> assertTrue(script.contains("jdeps --multi-release 17 --ignore-missing-deps --print-module-deps \"$jar\"")),
                () -> assertTrue(added.containsAll(Set.of("java.net.http", "java.logging")), "ControlsFX needs " + added),
                // the Vector-API kernels: in the runtime, and resolved by the launcher (docs/decisions/0041)
                () -> assertTrue(added.contains("jdk.incubator.vector"), "the kernels need " + added),
                () -> assertTrue(script.contains("--java-options \"--add-modules=jdk.incubator.vector\"")),
                () -> assertTrue(script.contains("--add-modules \"$modules\"")),
                () -> assertTrue(script.contains(
                        "--jlink-options \"--strip-debug --no-man-pages --no-header-files --generate-cds-archive\"")));
    }

    @Test
    void debIsGzippedAndDeclaresWhatJavaFxNeeds() {
        assertAll(
                () -> assertTrue(script.contains("DPKG_DEB_COMPRESSOR_TYPE=gzip jpackage --type deb")),
                () -> assertTrue(script.contains("deps=\"libgtk-3-0, libgl1, libxxf86vm1")),
                () -> assertTrue(script.contains("--linux-package-deps \"$deps\"")),
                () -> assertTrue(script.contains("--resource-dir \"$work/resources\"")));
    }

    @Test
    void buildingTheInstallerIsNotPartOfTheMavenBuild() {
        assertFalse(pomText.contains("build-linux"), "mvn verify must not build the installer");
        assertFalse(pomText.contains("jpackage"), "mvn verify must not run jpackage");
    }

    private static void assertEvaluates(String expression) {
        assertTrue(script.contains("=$(pom_value " + expression + ")"), "script does not read " + expression + " from the pom");
    }

    private static String property(String name) {
        return child(childElement(project, "properties"), name);
    }

    /** Text of the direct child element {@code name} (direct only: dependencies have artifactIds too). */
    private static String child(Element parent, String name) {
        return childElement(parent, name).getTextContent().trim();
    }

    private static Element childElement(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        throw new AssertionError("pom.xml: <" + parent.getTagName() + "> has no <" + name + ">");
    }
}
