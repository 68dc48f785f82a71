package org.anilexplorer;

import java.nio.file.Path;
import java.util.Optional;
import org.anilexplorer.app.DesktopLauncher;
import org.anilexplorer.cli.Cli;

/**
 * The jar's entry point: with no arguments, the desktop app; {@code open [--locked] [FILE]} opens the desktop app on a
 * preset or session file (what the installed desktop entry passes for a double-clicked file), {@code --locked} as a
 * student station (only the run, the lessons and the charts); any other arguments go to the
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
            java.util.List<String> rest = new java.util.ArrayList<>(java.util.List.of(args).subList(1, args.length));
            boolean locked = rest.remove(DesktopLauncher.LOCKED);
            if (rest.size() > 1 || rest.stream().anyMatch(a -> a.startsWith("--"))) {
                System.err.println("error: open takes one preset or session file and --locked (usage: open [--locked] "
                        + "[FILE])");
                System.exit(DesktopLauncher.CANNOT_START);
            }
            System.exit(DesktopLauncher.open(rest.isEmpty() ? Optional.empty() : Optional.of(Path.of(rest.get(0))),
                    locked));
        }
        System.exit(Cli.execute(args));
    }
}
