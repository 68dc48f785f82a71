package org.anilexplorer.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.anilexplorer.io.Preset;
import org.anilexplorer.io.PresetException;
import org.anilexplorer.io.PresetReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Lists the bundled presets with their titles. */
@Command(name = "presets", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List the bundled presets (use them with 'run --preset NAME').")
final class PresetsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (String name : PresetReader.bundledNames()) {
            String title;
            try {
                Preset p = PresetReader.load(name);
                title = p.title();
            } catch (PresetException e) {
                title = "(unreadable: " + e.getMessage() + ")";
            }
            out.printf("%-28s %s%n", name, title);
        }
        return Cli.OK;
    }
}
