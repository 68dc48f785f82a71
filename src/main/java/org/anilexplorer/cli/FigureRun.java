package org.anilexplorer.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.anilexplorer.core.params.ParamSpec;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.run.ExperimentView;
import org.anilexplorer.core.run.RunOptions;
import org.anilexplorer.core.run.RunView;
import org.anilexplorer.core.run.Variant;
import org.anilexplorer.figure.Figure;
import org.anilexplorer.io.AtomicFiles;
import org.anilexplorer.io.ConfigJson;
import org.anilexplorer.io.FigureConfiguration;
import org.anilexplorer.io.ResultFiles;

/**
 * What {@code figure} and {@code reproduce figures} share: train → figures → files (PNG, SVG, CSV per figure, and
 * config.json to repeat the run), through the one {@link ExperimentDriver}.
 */
final class FigureRun {

    /**
     * The app's recording (10 dense, then 50 points per decade, and the test risk): smooth on a log axis at any
     * horizon, and the same points the window draws, so a preset and a seed give the same figures on both fronts.
     */
    static final RunOptions RECORDING = RunOptions.DEFAULT;

    private FigureRun() {
    }

    static int execute(String preset, ExperimentOptions o, ImageOptions image, List<String> figureNames,
            CliContext context, PrintWriter stdout, PrintWriter stderr) throws InterruptedException {
        FigureSet.Size size = image.size();
        return ExperimentDriver.execute(preset, o, RECORDING, context, stdout, stderr, (done, dir) -> {
            ExperimentDriver.Resolved resolved = done.resolved();
            Map<String, Figure> figures = FigureSet.build(done.view(), resolved.variants(), figureNames,
                    metadata(resolved, resolved.base()));
            FigureSet.write(dir, figures, size);
            AtomicFiles.writeString(dir.resolve(ResultFiles.CONFIG), ConfigJson.render(done.record()));
            return out -> {
                printRuns(out, done.view(), resolved.variants());
                out.printf(Locale.ROOT, "trained %d run(s) in %s%n", done.view().runs().size(),
                        ProgressBar.clock(done.wallTime()));
            };
        });
    }

    /**
     * Parameters, methods and seeds, for the PNG text chunks, the SVG description and the CSV comments, and the whole
     * configuration for reading back ({@link FigureConfiguration}).
     */
    static Map<String, String> metadata(ExperimentDriver.Resolved r, Params base) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Preset", r.preset().title() + " (" + r.preset().origin() + ")");
        if (!r.preset().source().isBlank()) {
            m.put("Source", r.preset().source());
        }
        StringBuilder params = new StringBuilder();
        for (ParamSpec s : ParamSpec.values()) {
            if (s == ParamSpec.SEED || s == ParamSpec.SEEDS || s == ParamSpec.M_TEST || s == ParamSpec.TEST_TASKS
                    || s == ParamSpec.GD_STEPS) {
                continue;
            }
            params.append(params.length() == 0 ? "" : " ").append(s.key()).append('=').append(base.get(s));
        }
        m.put("Parameters", params.toString());
        StringBuilder methods = new StringBuilder();
        for (Variant v : r.variants()) {
            methods.append(methods.length() == 0 ? "" : "; ").append(v.label());
            Map<String, String> diff = new LinkedHashMap<>();
            for (ParamSpec s : ParamSpec.values()) {
                if (!v.params().get(s).equals(base.get(s))) {
                    diff.put(s.key(), v.params().get(s));
                }
            }
            if (!diff.isEmpty()) {
                methods.append(" (");
                diff.forEach((k, val) -> methods.append(k).append('=').append(val).append(','));
                methods.setLength(methods.length() - 1);
                methods.append(')');
            }
        }
        m.put("Methods", methods.toString());
        m.put("Seeds", String.join(", ", r.seedList().stream().map(String::valueOf).toList()));
        m.put("Program", "anil-explorer " + VersionProvider.version());
        m.putAll(FigureConfiguration.entries(FigureConfiguration.configuration(r.preset().title(),
                r.preset().description(), r.preset().source(), base, r.variants()), Map.of()));
        return m;
    }

    private static void printRuns(PrintWriter out, ExperimentView view, List<Variant> variants) {
        int width = Math.max(6, variants.stream().mapToInt(v -> v.label().length()).max().orElse(6));
        for (Variant v : variants) {
            List<RunView> runs = view.runsOf(v.label());
            long ok = runs.stream().filter(r -> r.state().isSuccess()).count();
            double rate = runs.stream().mapToDouble(RunView::iterationsPerSecond).average().orElse(0);
            out.printf(Locale.ROOT, "%-" + width + "s  %d/%d runs finished, %,d iterations each, %,.0f it/s%n",
                    v.label(), ok, runs.size(), v.params().iterations(), rate);
        }
    }
}
