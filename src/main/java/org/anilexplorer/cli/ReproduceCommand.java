package org.anilexplorer.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code reproduce table1} and {@code reproduce figures}: the papers' results from their presets. */
@Command(name = "reproduce", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Reproduce a published result from its bundled preset: Table 1 or Figures 2–3 of Yüksel, "
                + "Boursier, Flammarion (ICLR 2024).",
        footer = {"", "Examples:",
                "  anil-explorer reproduce table1 --seeds 10 --out table1",
                "  anil-explorer reproduce figures --out figures"})
final class ReproduceCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new UsageException("a subcommand is required: table1 or figures (see 'anil-explorer reproduce --help')");
    }
}
