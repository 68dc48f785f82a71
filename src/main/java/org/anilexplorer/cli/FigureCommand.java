package org.anilexplorer.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The charts of Figures 2–3, the full spectrum and the principal-angle distance, for any preset. */
@Command(name = "figure", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        description = {"Train the methods of a preset on each seed and draw figure2 (σ² of B⋆ᵀBₜ, with Λ⋆), figure3 "
                + "(σ² of B⋆,⊥ᵀBₜ, with the 1/t rate), spectrum (the squared singular values), distance "
                + "(principal angle to col(B⋆)), mean-error (‖Bₜwₜ − B⋆μ⋆‖) and risk as PNG, SVG and CSV, with "
                + "config.json.",
                Cli.EXIT_CODES},
        footer = {"", "Examples:",
                "  anil-explorer figure --preset collins --out collins-figs",
                "  anil-explorer figure --preset presets/collins.json --seeds 3 --width 1200 --out figs",
                "", "Bundled presets: see 'anil-explorer presets'."})
final class FigureCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--preset", required = true, paramLabel = "NAME|FILE",
            description = "A preset file, or the name of a bundled preset.")
    String preset;

    @Mixin
    ExperimentOptions options = new ExperimentOptions();

    @Mixin
    ImageOptions image = new ImageOptions();

    FigureCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        return FigureRun.execute(preset, options, image, FigureSet.ALL, context, spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}
