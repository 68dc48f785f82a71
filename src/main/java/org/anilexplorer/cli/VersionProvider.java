package org.anilexplorer.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** The version from the build (resources-filtered/org/anilexplorer/version.properties). */
final class VersionProvider implements CommandLine.IVersionProvider {

    static String version() {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/org/anilexplorer/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // the version only labels output: say "unknown" and leave a trace for whoever packaged the jar
            System.getLogger(VersionProvider.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot read version.properties", e);
        }
        String v = p.getProperty("version", "unknown");
        return v.contains("${") ? "unknown" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"anil-explorer " + version()};
    }
}
