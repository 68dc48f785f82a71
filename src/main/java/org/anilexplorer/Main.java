package org.anilexplorer;

import java.nio.file.Path;
import java.util.Optional;
import org.anilexplorer.app.DesktopLauncher;
import org.anilexplorer.cli.Cli;

/**
 * The jar's entry point: with no arguments, the desktop app; {@code open [FILE]} opens the desktop app on a preset or
 * session file (what the installed desktop entry passes for a double-clicked file); any other arguments go to the
 * command line ({@link Cli}). The command-line path never touches the app package, so it never loads JavaFX.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.exit(DesktopLauncher.launch(args));
        }
        if (args[0].equals("open")) {
            if (args.length > 2) {
                System.err.println("error: open takes one preset or session file (usage: open [FILE])");
                System.exit(DesktopLauncher.CANNOT_START);
            }
            System.exit(DesktopLauncher.open(args.length == 2 ? Optional.of(Path.of(args[1])) : Optional.empty()));
        }
        System.exit(Cli.execute(args));
    }
}
