package org.anilexplorer.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.anilexplorer.core.metrics.Snapshot;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.run.ExperimentProgress;
import org.anilexplorer.core.run.ExperimentView;
import org.anilexplorer.core.run.RiskSeries;
import org.anilexplorer.core.run.RunCheckpoint;
import org.anilexplorer.core.run.RunState;
import org.anilexplorer.core.run.Variant;

/**
 * Session and preset files of the desktop app. Both are the {@code config.json} preset form (so either loads as a
 * preset, in the app and on the command line); a session adds {@code runs}, each run's recorded series stored column
 * by column, and its test risk. Parameters are read by {@link PresetReader} only; this class reads just the series.
 * Files are written atomically.
 *
 * <p>Run states: a run may carry its newest state ({@code "state"}) and earlier ones ({@code "checkpoints"}), each a
 * {@link CheckpointCodec} record in base64, so that a reopened session resumes a paused run exactly where it stopped
 * and can branch from the kept iterations. For the app:
 * <ul>
 *   <li>saving: give each {@link RecordedRun} its states with {@link RecordedRun#withStates} (the newest from
 *       {@code Run.checkpointNow()} or {@code Run.lastCheckpoint()}, or {@code CheckpointStore.latest}; earlier
 *       ones from {@code CheckpointStore.checkpoints}, which the store already kept within its budget);</li>
 *   <li>reopening: {@link RecordedRun#latest()} is the state to resume from, with
 *       {@code Run.continuing(variant, latest, …)} under the run's variant (same label and parameters: the
 *       continuation is then exact); {@link RecordedRun#checkpoints()} refill the app's {@code CheckpointStore}.</li>
 * </ul>
 * A session without states still opens; its runs can be shown but not resumed.
 */
public final class SessionCodec {

    public static final String SESSION_FORMAT = "anil-explorer/session";

    private SessionCodec() {
    }

    /** Writes the parameters and methods as a preset that {@link PresetReader} reads back. */
    public static void writePreset(Path file, String title, String description, String source, Params base,
                                   List<Variant> variants) throws IOException {
        AtomicFiles.writeString(file, render(configJson(title, description, source, base, variants, List.of())));
    }

    /** Writes the parameters, methods and every run's recorded series. */
    public static void writeSession(Path file, String title, String description, String source, Params base,
                                    List<Variant> variants, List<RecordedRun> runs) throws IOException {
        writeSession(file, title, description, source, base, variants, runs, List.of(), java.util.Map.of());
    }

    /** As above, with the run history's earlier runs and the window's view of them. */
    public static void writeSession(Path file, String title, String description, String source, Params base,
                                    List<Variant> variants, List<RecordedRun> runs, List<RecordedGhost> history,
                                    java.util.Map<String, String> view) throws IOException {
        ObjectNode o = configJson(title, description, source, base, variants, runs);
        o.put("format", SESSION_FORMAT);
        ArrayNode array = o.putArray("runs");
        for (RecordedRun r : runs) {
            array.add(runJson(r));
        }
        if (!history.isEmpty()) {
            ArrayNode h = o.putArray("history");
            for (RecordedGhost g : history) {
                ObjectNode e = h.addObject();
                e.put("label", g.label());
                e.put("method", g.method());
                e.put("settings", g.settings());
                e.put("colour", g.colourIndex());
                e.put("shown", g.shown());
                ObjectNode params = e.putObject("params");
                g.params().toMap().forEach(params::put);
                ArrayNode ghostRuns = e.putArray("runs");
                for (RecordedRun r : g.runs()) {
                    ghostRuns.add(runJson(r));
                }
            }
        }
        if (!view.isEmpty()) {
            ObjectNode v = o.putObject("view");
            view.forEach(v::put);
        }
        AtomicFiles.writeString(file, render(o));
    }

    /**
     * Reads a preset or a session file, or the configuration a PNG or SVG figure of this program carries.
     *
     * @throws PresetException with a message naming the file and the problem (bad JSON, unknown key, bad value)
     */
    public static Session read(Path file) {
        if (FigureConfiguration.isFigureFile(file)) {
            return new Session(FigureConfiguration.read(file).preset(), List.of());
        }
        byte[] bytes = PresetReader.bytes(file);
        Preset preset = PresetReader.parse(bytes, file.toString());
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new PresetException(file + ": not valid JSON");
        }
        List<RecordedRun> runs = new ArrayList<>();
        JsonNode array = root.get("runs");
        if (array != null && !array.isNull()) {
            if (!array.isArray()) {
                throw new PresetException(file + ": runs must be a list");
            }
            for (int i = 0; i < array.size(); i++) {
                runs.add(readRun(array.get(i), file + ": runs[" + i + "]"));
            }
        }
        return new Session(preset, runs, readHistory(root.get("history"), file.toString()),
                readView(root.get("view"), file.toString()));
    }

    private static List<RecordedGhost> readHistory(JsonNode array, String file) {
        List<RecordedGhost> out = new ArrayList<>();
        if (array == null || array.isNull()) {
            return out;
        }
        if (!array.isArray()) {
            throw new PresetException(file + ": history must be a list");
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode e = array.get(i);
            String where = file + ": history[" + i + "]";
            if (!e.isObject() || !e.path("params").isObject() || !e.path("runs").isArray()) {
                throw new PresetException(where + ": must be an object with params and runs");
            }
            java.util.Map<String, String> params = new java.util.LinkedHashMap<>();
            e.get("params").fields().forEachRemaining(f -> params.put(f.getKey(), f.getValue().asText()));
            Params p;
            try {
                p = Params.defaults().withAll(params);
            } catch (org.anilexplorer.core.params.ParamException ex) {
                throw new PresetException(where + ".params: " + ex.getMessage());
            }
            List<RecordedRun> runs = new ArrayList<>();
            for (int j = 0; j < e.get("runs").size(); j++) {
                runs.add(readRun(e.get("runs").get(j), where + ".runs[" + j + "]"));
            }
            out.add(new RecordedGhost(text(e, "label", where), text(e, "method", where), e.path("settings").asText(""),
                    e.path("colour").asInt(0), p, e.path("shown").asBoolean(true), runs));
        }
        return out;
    }

    private static java.util.Map<String, String> readView(JsonNode o, String file) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        if (o == null || o.isNull()) {
            return out;
        }
        if (!o.isObject()) {
            throw new PresetException(file + ": view must be an object");
        }
        o.fields().forEachRemaining(f -> out.put(f.getKey(), f.getValue().asText()));
        return out;
    }

    private static ObjectNode configJson(String title, String description, String source, Params base,
                                         List<Variant> variants, List<RecordedRun> runs) {
        ExperimentView noRuns = new ExperimentView(List.of(), new ExperimentProgress(0, 0, 0, Duration.ZERO, 0, 0));
        ExperimentRecord record = new ExperimentRecord(title, description, source, base, variants, base.validate(),
                noRuns, Duration.ZERO);
        ObjectNode o = ConfigJson.toJson(record);
        ArrayNode seeds = o.putArray("seeds");
        runs.stream().mapToLong(RecordedRun::seed).distinct().forEach(seeds::add);
        return o;
    }

    private static String render(ObjectNode o) {
        try {
            return Json.MAPPER.writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON", e);
        }
    }

    private static ObjectNode runJson(RecordedRun r) {
        ObjectNode o = Json.object();
        o.put("label", r.label());
        o.put("seed", r.seed());
        o.put("status", r.state().key());
        o.put("reason", r.reason());
        List<Snapshot> s = r.snapshots();
        ArrayNode iteration = o.putArray("iteration");
        ArrayNode star = o.putArray("sv2_star");
        ArrayNode perp = o.putArray("sv2_perp");
        ArrayNode bw = o.putArray("bw_norm");
        ArrayNode distance = o.putArray("distance");
        ArrayNode loss = o.putArray("training_loss");
        ArrayNode validation = o.putArray("validation_loss");
        ObjectNode risk = o.putObject("test_risk");
        risk.put("m_test", r.risk().mTest());
        ArrayNode riskIteration = risk.putArray("iteration");
        ArrayNode oneStep = risk.putArray("one_step_gd");
        ArrayNode ridge = risk.putArray("ridge");
        for (int i = 0; i < r.risk().size(); i++) {
            riskIteration.add(r.risk().iteration(i));
            oneStep.add(Json.number(r.risk().oneStepGd(i)));
            ridge.add(Json.number(r.risk().ridge(i)));
        }
        if (r.risk().mTestCount() > 1) {
            // the further m_test values, at the same iterations (a reader that knows only the first skips these)
            ArrayNode more = risk.putArray("more");
            for (int j = 1; j < r.risk().mTestCount(); j++) {
                ObjectNode column = more.addObject();
                column.put("m_test", r.risk().mTests()[j]);
                ArrayNode gd = column.putArray("one_step_gd");
                ArrayNode rd = column.putArray("ridge");
                for (int i = 0; i < r.risk().size(); i++) {
                    gd.add(Json.number(r.risk().oneStepGd(j, i)));
                    rd.add(Json.number(r.risk().ridge(j, i)));
                }
            }
        }
        if (r.latest() != null) {
            o.put("state", CheckpointCodec.toBytes(r.latest()));
        }
        if (!r.checkpoints().isEmpty()) {
            ArrayNode states = o.putArray("checkpoints");
            for (RunCheckpoint c : r.checkpoints()) {
                states.add(CheckpointCodec.toBytes(c));
            }
        }
        for (Snapshot x : s) {
            iteration.add(x.iteration());
            star.add(Json.numbers(x.sv2Star()));
            perp.add(Json.numbers(x.sv2Perp()));
            bw.add(Json.number(x.bwNorm()));
            distance.add(Json.number(x.distance()));
            loss.add(Json.number(x.trainingLoss()));
            validation.add(Json.number(x.validationLoss()));
        }
        return o;
    }

    private static RecordedRun readRun(JsonNode o, String where) {
        if (o == null || !o.isObject()) {
            throw new PresetException(where + ": must be an object");
        }
        String label = text(o, "label", where);
        long seed = o.path("seed").asLong(Long.MIN_VALUE);
        if (seed == Long.MIN_VALUE || !o.path("seed").isIntegralNumber()) {
            throw new PresetException(where + ": seed must be an integer");
        }
        RunState state = state(text(o, "status", where), where);
        String reason = o.path("reason").asText("");
        JsonNode iteration = array(o, "iteration", where);
        int n = iteration.size();
        JsonNode star = array(o, "sv2_star", where, n);
        JsonNode perp = array(o, "sv2_perp", where, n);
        JsonNode bw = array(o, "bw_norm", where, n);
        JsonNode distance = array(o, "distance", where, n);
        JsonNode loss = array(o, "training_loss", where, n);
        JsonNode validation = array(o, "validation_loss", where, n);
        List<Snapshot> snapshots = new ArrayList<>(n);
        long previous = -1;
        for (int i = 0; i < n; i++) {
            if (!iteration.get(i).isIntegralNumber() || iteration.get(i).asLong() <= previous) {
                throw new PresetException(where + ": iteration must hold increasing integers (entry " + i + ")");
            }
            previous = iteration.get(i).asLong();
            snapshots.add(new Snapshot(previous, numbers(star.get(i), where + ".sv2_star"),
                    numbers(perp.get(i), where + ".sv2_perp"), number(bw.get(i)), number(distance.get(i)),
                    number(loss.get(i)), number(validation.get(i))));
        }
        RiskSeries risk = RiskSeries.EMPTY;
        JsonNode r = o.get("test_risk");
        if (r != null && !r.isNull()) {
            String at = where + ".test_risk";
            JsonNode t = array(r, "iteration", at);
            // sessions saved before ridge was recorded by the run hold the 1-GD risk under "risk"
            JsonNode gd = r.has("one_step_gd") ? array(r, "one_step_gd", at, t.size()) : array(r, "risk", at, t.size());
            JsonNode ridge = r.has("ridge") ? array(r, "ridge", at, t.size()) : null;
            long[] ts = new long[t.size()];
            double[] gds = new double[t.size()];
            double[] ridges = new double[t.size()];
            for (int i = 0; i < ts.length; i++) {
                ts[i] = t.get(i).asLong();
                gds[i] = number(gd.get(i));
                ridges[i] = ridge == null ? Double.NaN : number(ridge.get(i));
            }
            JsonNode more = r.path("more");
            int columns = 1 + (more.isArray() ? more.size() : 0);
            int[] mTests = new int[columns];
            double[][] gdColumns = new double[columns][];
            double[][] ridgeColumns = new double[columns][];
            mTests[0] = r.path("m_test").asInt(0);
            gdColumns[0] = gds;
            ridgeColumns[0] = ridges;
            for (int j = 1; j < columns; j++) {
                JsonNode column = more.get(j - 1);
                String in = at + ".more[" + (j - 1) + "]";
                if (!column.path("m_test").isIntegralNumber()) {
                    throw new PresetException(in + ": m_test must be an integer");
                }
                mTests[j] = column.get("m_test").asInt();
                gdColumns[j] = numbers(array(column, "one_step_gd", in, ts.length), in + ".one_step_gd");
                ridgeColumns[j] = numbers(array(column, "ridge", in, ts.length), in + ".ridge");
            }
            risk = new RiskSeries(mTests, ts, gdColumns, ridgeColumns);
        }
        RunCheckpoint latest = o.hasNonNull("state") ? runState(o.get("state"), where + ".state") : null;
        List<RunCheckpoint> checkpoints = new ArrayList<>();
        JsonNode states = o.get("checkpoints");
        if (states != null && !states.isNull()) {
            if (!states.isArray()) {
                throw new PresetException(where + ": checkpoints must be a list");
            }
            for (int i = 0; i < states.size(); i++) {
                checkpoints.add(runState(states.get(i), where + ".checkpoints[" + i + "]"));
            }
        }
        return new RecordedRun(label, seed, state, reason, snapshots, risk, latest, checkpoints);
    }

    /** One base64 {@link CheckpointCodec} record. */
    private static RunCheckpoint runState(JsonNode node, String where) {
        if (!node.isTextual()) {
            throw new PresetException(where + ": must be a base64 text");
        }
        try {
            return CheckpointCodec.fromBytes(node.binaryValue());
        } catch (IOException e) {
            throw new PresetException(where + ": not base64 (" + e.getMessage() + ")");
        } catch (CheckpointFormatException e) {
            throw new PresetException(where + ": " + e.getMessage());
        }
    }

    private static String text(JsonNode o, String field, String where) {
        JsonNode v = o.get(field);
        if (v == null || !v.isTextual()) {
            throw new PresetException(where + ": " + field + " must be text");
        }
        return v.asText();
    }

    private static JsonNode array(JsonNode o, String field, String where) {
        JsonNode v = o.get(field);
        if (v == null || !v.isArray()) {
            throw new PresetException(where + ": " + field + " must be a list");
        }
        return v;
    }

    private static JsonNode array(JsonNode o, String field, String where, int size) {
        JsonNode v = array(o, field, where);
        if (v.size() != size) {
            throw new PresetException(where + ": " + field + " has " + v.size() + " entries, iteration has " + size);
        }
        return v;
    }

    private static double number(JsonNode v) {
        return v == null || v.isNull() ? Double.NaN : v.asDouble();
    }

    private static double[] numbers(JsonNode v, String where) {
        if (v == null || !v.isArray()) {
            throw new PresetException(where + ": each entry must be a list of numbers");
        }
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(v.get(i));
        }
        return out;
    }

    private static RunState state(String text, String where) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.equals("ready")) {
            return RunState.PENDING; // written by earlier versions for a run that never started
        }
        for (RunState s : RunState.values()) {
            if (s.key().equals(t)) {
                return s;
            }
        }
        throw new PresetException(where + ": unknown status '" + text + "'");
    }
}
