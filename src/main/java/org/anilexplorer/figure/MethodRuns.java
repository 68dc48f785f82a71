package org.anilexplorer.figure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.anilexplorer.core.metrics.Snapshot;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.run.ExperimentView;
import org.anilexplorer.core.run.RiskSeries;
import org.anilexplorer.core.run.RunView;

/**
 * The recorded runs of one method: one list of snapshots per seed, in recording order. Seeds share the recording
 * schedule, so their iterations line up; lists may have different lengths (a seed cancelled, diverged, or simply
 * behind while a run is live).
 *
 * @param label  legend text, e.g. "FO-ANIL (infinite tasks)"
 * @param rgb    the method's colour as 0xRRGGBB; pass the same colour in every figure (see {@link #inOrder})
 * @param seeds  per-seed snapshot lists
 * @param params the parameters the method ran with (the theory drawn on top depends on them), or null when unknown
 * @param risks  per-seed test risk series, in the order of {@code seeds} (empty when none was recorded)
 */
public record MethodRuns(String label, int rgb, List<List<Snapshot>> seeds, Params params, List<RiskSeries> risks) {

    public MethodRuns {
        Objects.requireNonNull(label, "label");
        List<List<Snapshot>> copy = new ArrayList<>(seeds.size());
        for (List<Snapshot> seed : seeds) {
            copy.add(List.copyOf(seed));
        }
        seeds = List.copyOf(copy);
        risks = List.copyOf(risks);
        rgb &= 0xFFFFFF;
    }

    /** Runs without parameters or risk (no theory is drawn for them). */
    public MethodRuns(String label, int rgb, List<List<Snapshot>> seeds) {
        this(label, rgb, seeds, null, List.of());
    }

    /** Runs coloured with the {@link Palette} colour of this method index. */
    public static MethodRuns of(String label, int paletteIndex, List<List<Snapshot>> seeds) {
        return new MethodRuns(label, Palette.method(paletteIndex), seeds);
    }

    /** One entry per map entry, coloured by position in the map's iteration order (use a LinkedHashMap). */
    public static List<MethodRuns> inOrder(Map<String, List<List<Snapshot>>> runsByLabel) {
        List<MethodRuns> out = new ArrayList<>(runsByLabel.size());
        int i = 0;
        for (Map.Entry<String, List<List<Snapshot>>> e : runsByLabel.entrySet()) {
            out.add(of(e.getKey(), i++, e.getValue()));
        }
        return out;
    }

    /**
     * Every variant of an experiment, in the experiment's order, coloured by that position: filter the returned list
     * (not the view) to hide a method, so that the others keep their colours.
     */
    public static List<MethodRuns> from(ExperimentView view) {
        List<MethodRuns> out = new ArrayList<>();
        List<String> labels = view.labels();
        for (int i = 0; i < labels.size(); i++) {
            out.add(fromRuns(labels.get(i), i, null, view.runsOf(labels.get(i))));
        }
        return out;
    }

    /**
     * One variant's runs (one per seed) with its parameters, its recorded snapshots and test risks, and the
     * {@link Palette} colour of this index.
     */
    public static MethodRuns fromRuns(String label, int paletteIndex, Params params, List<RunView> runs) {
        List<List<Snapshot>> seeds = new ArrayList<>(runs.size());
        List<RiskSeries> risks = new ArrayList<>(runs.size());
        for (RunView r : runs) {
            seeds.add(r.series());
            risks.add(r.risk());
        }
        return new MethodRuns(label, Palette.method(paletteIndex), seeds, params, risks);
    }

    /** Number of seeds that recorded at least one snapshot. */
    public int seedCount() {
        int n = 0;
        for (List<Snapshot> seed : seeds) {
            if (!seed.isEmpty()) {
                n++;
            }
        }
        return n;
    }

    /**
     * A copy keeping, in every seed, only the iterations that all non-empty seeds have reached. Use it for a live view,
     * where seeds run ahead of each other and the mean would otherwise jump at the frontier.
     */
    public MethodRuns commonRange() {
        long last = Long.MAX_VALUE;
        for (List<Snapshot> seed : seeds) {
            if (!seed.isEmpty()) {
                last = Math.min(last, seed.get(seed.size() - 1).iteration());
            }
        }
        List<List<Snapshot>> cut = new ArrayList<>(seeds.size());
        for (List<Snapshot> seed : seeds) {
            List<Snapshot> kept = new ArrayList<>(seed.size());
            for (Snapshot s : seed) {
                if (s.iteration() <= last) {
                    kept.add(s);
                }
            }
            cut.add(kept);
        }
        List<RiskSeries> cutRisks = new ArrayList<>(risks.size());
        for (RiskSeries r : risks) {
            cutRisks.add(r.upTo(last)); // every m_test's columns
        }
        return new MethodRuns(label, rgb, cut, params, cutRisks);
    }
}
