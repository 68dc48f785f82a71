package org.anilexplorer.core.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.anilexplorer.core.params.ParamException;
import org.anilexplorer.core.run.Variant;

/**
 * Every job of a sweep, in canonical order: cells in grid order, within a cell the methods in preset order, within a
 * method the seeds. Built from a resolver that turns a cell's settings into the variants a plain run would use
 * (the preset's methods with the user's settings and then the cell's values applied on top).
 */
public record SweepPlan(SweepGrid grid, List<String> methodLabels, int seeds, List<SweepJob> jobs) {

    public SweepPlan {
        methodLabels = List.copyOf(methodLabels);
        jobs = List.copyOf(jobs);
    }

    /**
     * @param resolve cell settings → the variants (one per method, same order and labels for every cell); may throw
     *                {@link ParamException} for a value the parameters refuse
     * @param seeds     runs per cell and method
     * @param firstSeed the seed of run 0 (run i uses firstSeed + i, as in a plain run)
     */
    public static SweepPlan of(SweepGrid grid, List<String> methodLabels, int seeds, long firstSeed,
            Function<Map<String, String>, List<Variant>> resolve) {
        if (seeds < 1) {
            throw new SweepException("--seeds: must be ≥ 1");
        }
        List<SweepJob> jobs = new ArrayList<>();
        for (int cell = 0; cell < grid.cellCount(); cell++) {
            Map<String, String> settings = new LinkedHashMap<>(grid.settings(cell));
            List<Variant> variants = null;
            String cellRefusal = null;
            try {
                variants = resolve.apply(settings);
            } catch (ParamException e) {
                cellRefusal = e.getMessage(); // a value no method accepts
            }
            for (int m = 0; m < methodLabels.size(); m++) {
                Variant v = variants == null ? null : variants.get(m);
                String refusal = cellRefusal;
                if (v != null) {
                    try {
                        v.params().validate(); // an invalid combination for this method only (e.g. fo-maml, N = ∞)
                    } catch (ParamException e) {
                        refusal = e.getMessage();
                        v = null;
                    }
                }
                for (int s = 0; s < seeds; s++) {
                    long seed = firstSeed + s;
                    if (v != null && v.params().seedOf(s) != seed) {
                        throw new SweepException(v.label() + ": a grid value changed the seed; sweep seeds with --seeds");
                    }
                    jobs.add(new SweepJob(jobs.size(), cell, m, methodLabels.get(m), s, seed, v, refusal));
                }
            }
        }
        return new SweepPlan(grid, methodLabels, seeds, jobs);
    }

    /** The jobs of one cell, in canonical order. */
    public List<SweepJob> jobsOf(int cell) {
        int perCell = methodLabels.size() * seeds;
        return jobs.subList(cell * perCell, (cell + 1) * perCell);
    }
}
