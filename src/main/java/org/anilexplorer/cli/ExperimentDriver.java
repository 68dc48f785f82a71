package org.anilexplorer.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.anilexplorer.core.params.ParamException;
import org.anilexplorer.core.run.Experiment;
import org.anilexplorer.core.run.ExperimentView;
import org.anilexplorer.core.run.RunOptions;
import org.anilexplorer.core.run.RunState;
import org.anilexplorer.core.run.RunView;
import org.anilexplorer.core.run.Variant;
import org.anilexplorer.io.Preset;

/**
 * What the reproduction commands share: resolving a preset with {@code --set} and {@code --seeds} into checked
 * variants, and running them on every seed with a progress bar.
 */
final class ExperimentDriver {

    private ExperimentDriver() {
    }

    /** The variants of a preset after the user's settings, validated, with the warnings to show. */
    record Resolved(Preset preset, Map<String, String> settings, List<Variant> variants, List<String> warnings) {

        int seeds() {
            return variants.get(0).params().seeds();
        }

        List<Long> seedList() {
            List<Long> out = new ArrayList<>();
            for (int i = 0; i < seeds(); i++) {
                out.add(variants.get(0).params().seedOf(i));
            }
            return out;
        }
    }

    /**
     * Loads {@code presetName}, applies {@code sets} and {@code seeds} (null keeps the preset's), and checks every
     * variant; bad input becomes a {@link UsageException} naming the field.
     */
    static Resolved resolve(String presetName, List<String> sets, String seeds) {
        Preset chosen = RunCommand.loadPreset(presetName);
        Map<String, String> settings = Settings.parse(sets, chosen.params());
        if (seeds != null) {
            try {
                chosen.params().with("seeds", seeds);
            } catch (ParamException e) {
                throw new UsageException("--seeds: " + e.getMessage().substring("seeds: ".length()));
            }
            settings.put("seeds", seeds);
        }
        List<Variant> variants;
        try {
            variants = chosen.variants(settings);
        } catch (ParamException e) {
            throw new UsageException(e.getMessage());
        }
        List<String> warnings = new ArrayList<>(RunCommand.overriddenMethodSettings(chosen, settings));
        RunCommand.validate(variants).forEach(w -> {
            if (!warnings.contains(w)) {
                warnings.add(w);
            }
        });
        Variant first = variants.get(0);
        for (Variant v : variants) {
            if (v.params().seeds() != first.params().seeds() || v.params().seed() != first.params().seed()) {
                throw new UsageException(v.label() + ": seed and seeds must be the same for every method, so that "
                        + "methods are compared on the same tasks");
            }
        }
        return new Resolved(chosen, settings, variants, warnings);
    }

    /** Runs every variant on every seed on {@code cores} cores and returns the final view. */
    static ExperimentView run(Resolved r, CliContext context, RunOptions options, int cores, boolean progress,
            PrintWriter stderr) throws InterruptedException {
        try (Experiment experiment = new Experiment(r.variants(), r.seeds(), context.source(), options, cores,
                Duration.ofMillis(250))) {
            ProgressBar bar = null;
            boolean terminal = context.stderrIsTerminal().getAsBoolean();
            if (progress || terminal) {
                bar = new ProgressBar(stderr, terminal);
                experiment.addListener(bar);
            }
            experiment.start();
            ExperimentView view = experiment.await();
            if (bar != null) {
                bar.finish(view.progress());
            }
            return view;
        }
    }

    /** The cores to use: {@code --cores} if given (≥ 1), else the context's. */
    static int cores(Integer option, CliContext context) {
        if (option != null && option < 1) {
            throw new UsageException("--cores: must be an integer ≥ 1, got " + option);
        }
        return option != null ? option : context.cores();
    }

    /** Runs that diverged or failed; empty when every run finished. */
    static List<RunView> failed(ExperimentView view) {
        return view.runs().stream().filter(x -> x.state() == RunState.DIVERGED || x.state() == RunState.FAILED)
                .toList();
    }

    /**
     * After the caller has written its files: each failed run but the first as a warning, then the first as the
     * one-line failure (exit code 1). Does nothing when every run finished.
     */
    static void reportFailures(ExperimentView view, PrintWriter stderr) {
        List<RunView> failed = failed(view);
        if (failed.isEmpty()) {
            return;
        }
        for (RunView r : failed.subList(1, failed.size())) {
            stderr.println("warning: " + r.label() + ", seed " + r.seed() + ": " + r.reason());
        }
        RunView first = failed.get(0);
        String more = failed.size() > 1 ? " (and " + (failed.size() - 1) + " more run(s), above)" : "";
        throw new RuntimeFailure(first.label() + ", seed " + first.seed() + ": " + first.reason() + more);
    }
}
