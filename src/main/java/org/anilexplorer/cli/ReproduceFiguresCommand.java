package org.anilexplorer.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Figures 2 and 3 of [Y] from their preset. */
@Command(name = "figures", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        description = {"Reproduce Figures 2 and 3 (learning col(B⋆), unlearning its complement): train every method of "
                + "the preset on each seed and write figure2 and figure3 as PNG, SVG and CSV, and config.json.",
                Cli.EXIT_CODES},
        footer = {"", "Examples:",
                "  anil-explorer reproduce figures --out figures",
                "  anil-explorer reproduce figures --seeds 5 --scale 4 --out figures-hires"})
final class ReproduceFiguresCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--preset", paramLabel = "NAME|FILE", defaultValue = "figures-2-3",
            description = "The preset to reproduce (default: ${DEFAULT-VALUE}).")
    String preset;

    @Mixin
    ExperimentOptions options = new ExperimentOptions();

    @Mixin
    ImageOptions image = new ImageOptions();

    ReproduceFiguresCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        return FigureRun.execute(preset, options, image, FigureSet.PAPER, context, spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}
