package org.anilexplorer.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.run.Variant;
import org.anilexplorer.core.sweep.GridAxis;
import org.anilexplorer.core.sweep.Shard;
import org.anilexplorer.core.sweep.SweepColumns;
import org.anilexplorer.core.sweep.SweepException;
import org.anilexplorer.core.sweep.SweepGrid;
import org.anilexplorer.core.sweep.SweepPlan;
import org.anilexplorer.io.Json;
import org.anilexplorer.io.MethodSpec;
import org.anilexplorer.io.Preset;
import org.anilexplorer.io.PresetReader;

/**
 * Everything that defines a sweep: the preset (parameters and methods), the user's settings (applied after the
 * methods, as {@code run --set} does), the grid, the seeds per cell, whether to evaluate, the figures' metrics, and
 * which shard this process runs. Written as {@code config.json}, which is itself a preset with a {@code sweep}
 * section: {@code sweep --preset DIR/config.json --out NEW} repeats the sweep, and {@code sweep merge} reads the
 * shards' copies to check they belong together.
 */
public record SweepConfig(Preset preset, Map<String, String> settings, SweepGrid grid, int seeds, boolean evaluate,
                          List<String> metrics, Shard shard) {

    public static final String FORMAT = "anil-explorer/sweep-config";
    /** Metrics drawn when the sweep does not choose: Λ⋆'s extremes, the complement, the subspace distance. */
    public static final List<String> DEFAULT_METRICS = List.of("sv2_star_min", "sv2_star_max", "sv2_perp_max", "distance");

    public SweepConfig {
        settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        metrics = List.copyOf(metrics.isEmpty() ? DEFAULT_METRICS : metrics);
        for (String m : metrics) {
            if (!SweepColumns.FINAL_METRICS.stream().anyMatch(x -> x.key().equals(m)) && !m.startsWith("risk_")) {
                throw new SweepException("metrics: unknown metric '" + m + "'; choose from sv2_star_min, sv2_star_max, "
                        + "sv2_perp_mean, sv2_perp_max, bw_norm, distance (or a risk_… column with --evaluate)");
            }
        }
    }

    /** The labels of the methods (one unnamed method when the preset lists none). */
    public List<String> methodLabels() {
        return preset.variants(Map.of()).stream().map(Variant::label).toList();
    }

    /** The variants of one cell: the preset's methods, then the user's settings, then the cell's values. */
    public List<Variant> variants(Map<String, String> cell) {
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.putAll(cell);
        return preset.variants(all);
    }

    /** Every job, in canonical order. */
    public SweepPlan plan() {
        long firstSeed = variants(grid.settings(0)).get(0).params().seed();
        return SweepPlan.of(grid, methodLabels(), seeds, firstSeed, this::variants);
    }

    /** The measured columns: final metrics, plus test risks for the m_test values of the base parameters. */
    public SweepColumns columns() {
        return SweepColumns.of(evaluate ? preset.params().withAll(settings).mTest() : List.of());
    }

    /** The parameters a cell would run with for method 0, or null if they are refused (for the theory overlays). */
    public Params cellParams(int cell) {
        try {
            return variants(grid.settings(cell)).get(0).params();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public SweepConfig withShard(Shard s) {
        return new SweepConfig(preset, settings, grid, seeds, evaluate, metrics, s);
    }

    /** config.json: the preset's fields, then the sweep section. */
    public ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("format", FORMAT);
        o.put("version", 1);
        o.put("title", preset.title());
        o.put("description", preset.description());
        o.put("source", preset.source());
        o.set("params", Json.params(preset.params()));
        if (!preset.methods().isEmpty()) {
            ArrayNode methods = o.putArray("methods");
            for (MethodSpec m : preset.methods()) {
                ObjectNode one = Json.object();
                one.put("label", m.label());
                one.setAll(Json.settings(m.overrides()));
                methods.add(one);
            }
        }
        ObjectNode sweep = o.putObject("sweep");
        ArrayNode g = sweep.putArray("grid");
        for (GridAxis a : grid.axes()) {
            ObjectNode axis = Json.object();
            axis.put("key", a.key());
            ArrayNode values = axis.putArray("values");
            a.values().forEach(values::add);
            axis.put("log", a.log());
            g.add(axis);
        }
        sweep.put("seeds", seeds);
        ArrayNode m = sweep.putArray("metrics");
        metrics.forEach(m::add);
        sweep.set("set", Json.settings(settings));
        sweep.put("evaluate", evaluate);
        sweep.put("shard", shard.toString());
        return o;
    }

    public String render() {
        try {
            return Json.MAPPER.writeValueAsString(toJson()) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render config.json", e);
        }
    }

    /** Whether {@code other} is the same sweep, possibly another shard of it. */
    public boolean sameSweepAs(SweepConfig other) {
        return withShard(Shard.ALL).render().equals(other.withShard(Shard.ALL).render());
    }

    /** Reads a sweep's config.json (as a preset plus its sweep section). */
    public static SweepConfig read(Path configJson) {
        Preset p = PresetReader.read(configJson);
        SweepSection s = SweepSection.ofPreset(configJson.toString());
        if (s.grid().isEmpty()) {
            throw new SweepException(configJson + ": not a sweep's config.json (no sweep section)");
        }
        return new SweepConfig(p, s.settings(), new SweepGrid(s.grid()), s.seeds() == null ? p.params().seeds() : s.seeds(),
                s.evaluate(), s.metrics(), s.shard() == null ? Shard.ALL : s.shard());
    }

    /** The grid keys and values, for messages. */
    public List<String> describeGrid() {
        List<String> out = new ArrayList<>();
        grid.axes().forEach(a -> out.add(a.describe()));
        return out;
    }
}
