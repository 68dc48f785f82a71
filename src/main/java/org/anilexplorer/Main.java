package org.anilexplorer;

import org.anilexplorer.app.DesktopLauncher;
import org.anilexplorer.cli.Cli;

/**
 * The jar's entry point: with arguments, the command line ({@link Cli}); with none, the desktop app. The command-line
 * path never touches the app package, so it never loads JavaFX.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            DesktopLauncher.launch(args);
            return;
        }
        System.exit(Cli.execute(args));
    }
}
