package org.anilexplorer.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options every experiment command shares ({@code run}, {@code reproduce table1}, {@code reproduce figures},
 * {@code figure}, {@code sweep}), declared once and mixed into each; only {@code --preset}, whose default differs,
 * is per command.
 */
final class ExperimentOptions {

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Set one parameter (repeatable); applied after the preset and its methods.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--seeds", paramLabel = "N",
            description = "Runs per method (seeds seed … seed+N−1); the same as --set seeds=N (give one of them).")
    String seeds;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder: new or empty (see --overwrite). The "
            + "files appear there together when the command ends; nothing is written on bad input.")
    Path out;

    @Option(names = "--overwrite", description = "Replace a non-empty --out as a whole (the old set stays until the new "
            + "one is complete).")
    boolean overwrite;

    @Option(names = "--dry-run", description = "Print the resolved configuration and its time and memory estimate; "
            + "run and write nothing.")
    boolean dryRun;

    @Option(names = "--quiet", description = "No progress output on stderr (warnings and errors are still shown).")
    boolean quiet;

    @Option(names = "--cores", paramLabel = "N", description = "Cores to use in total (default: all).")
    Integer cores;

    @Option(names = "--checkpoint-every", paramLabel = "N", description = "Also keep the complete state of every "
            + "method and seed at every N-th iteration (t = 0 included) in the set's checkpoints/ folder, to continue "
            + "from with 'run --from DIR --at T'. Not for a sweep, which keeps each run's final values only.")
    Long checkpointEvery;
}
