package org.anilexplorer.figure;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** "ANIL Explorer 0.1.0", read from the version resource the build fills in; the default value of "Software". */
final class ProgramVersion {

    static final String SOFTWARE = read();

    private ProgramVersion() {
    }

    private static String read() {
        Properties p = new Properties();
        try (InputStream in = ProgramVersion.class.getResourceAsStream("/org/anilexplorer/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // the version only labels figures: fall back to the defaults and leave a trace
            System.getLogger(ProgramVersion.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot read version.properties", e);
        }
        String name = p.getProperty("name", "ANIL Explorer");
        String version = p.getProperty("version", "");
        if (name.startsWith("${")) {
            name = "ANIL Explorer";
        }
        return version.isEmpty() || version.startsWith("${") ? name : name + " " + version;
    }
}
