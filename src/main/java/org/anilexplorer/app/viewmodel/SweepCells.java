package org.anilexplorer.app.viewmodel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.anilexplorer.core.params.ParamSpec;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.sweep.JobResult;
import org.anilexplorer.core.sweep.JobStatus;
import org.anilexplorer.core.sweep.SweepJob;
import org.anilexplorer.core.sweep.SweepTheory;
import org.anilexplorer.figure.PhaseData;

/**
 * What one cell of a sweep says, in words (the Sweep view's hover read-out), and the compared method that reruns
 * it in the main window.
 */
public final class SweepCells {

    private SweepCells() {
    }

    /** "α = 0.2, m_in = 5": the cell's grid values with the paper's symbols. */
    public static String settings(SweepSnapshot s, int cell) {
        List<String> parts = new ArrayList<>();
        s.plan().grid().settings(cell).forEach((k, v) -> parts.add(symbol(k) + " = " + v));
        return String.join(", ", parts);
    }

    /**
     * Several lines: the cell's values, the metric (mean ± std over the seeds that finished), the theory's value
     * and the ratio where it speaks, the stability margin, and how each seed ended.
     */
    public static String describe(SweepSnapshot s, String metric, int cell, int method) {
        StringBuilder b = new StringBuilder(settings(s, cell));
        if (s.plan().methodLabels().size() > 1) {
            b.append("  ·  ").append(s.plan().methodLabels().get(method));
        }
        PhaseData.CellStats stats = PhaseData.stats(s.plan(), s.columns(), s.results(), metric, method);
        double mean = stats.mean()[cell];
        List<String> seeds = new ArrayList<>();
        int finished = 0;
        for (SweepJob j : s.plan().jobsOf(cell)) {
            if (j.method() != method) {
                continue;
            }
            JobResult r = s.results().get(j.index());
            if (r == null) {
                seeds.add("seed " + j.seed() + ": " + (s.status() == SweepSnapshot.Status.RUNNING ? "waiting" : "not run"));
            } else if (r.status() == JobStatus.FINISHED) {
                finished++;
                seeds.add("seed " + j.seed() + ": finished");
            } else if (r.status() == JobStatus.DIVERGED) {
                seeds.add("seed " + j.seed() + ": diverged at t = " + String.format(Locale.ROOT, "%,d", r.iteration()));
            } else {
                seeds.add("seed " + j.seed() + ": " + r.status().key() + (r.reason().isEmpty() ? "" : " (" + r.reason() + ")"));
            }
        }
        b.append('\n').append(metric).append(" = ");
        if (Double.isFinite(mean)) {
            b.append(number(mean));
            if (finished > 1) {
                b.append(" ± ").append(number(stats.std()[cell])).append(" (mean ± std of ").append(finished)
                        .append(" seeds)");
            }
        } else {
            b.append("—");
        }
        Params p = s.cellParams(cell);
        double predicted = p == null ? Double.NaN : SweepTheory.predicted(metric, p);
        if (Double.isFinite(predicted)) {
            b.append('\n').append("theory (").append(SweepTheory.predictionName(metric)).append(") = ")
                    .append(number(predicted));
            if (Double.isFinite(mean)) {
                b.append(",  measured ÷ theory = ").append(number(mean / predicted));
            }
        }
        if (!Double.isFinite(predicted) && p != null && p.tasks().finite()) {
            // finite N has no closed form; the infinite-task value is the level the residual shrinks towards
            double floor = SweepTheory.predicted(metric, p.with("tasks", "inf"));
            if (Double.isFinite(floor)) {
                b.append('\n').append("with N = ∞ the theory gives ").append(number(floor)).append(" (")
                        .append(SweepTheory.predictionName(metric)).append(")");
            }
        }
        double margin = p == null ? Double.NaN : SweepTheory.stabilityMargin(p);
        if (Double.isFinite(margin)) {
            b.append('\n').append("αβ·max sⱼ = ").append(number(margin))
                    .append(margin < 1 ? " (inside the stability limit, < 1)" : " (past the stability limit, ≥ 1)");
        }
        b.append('\n').append(String.join(";  ", seeds));
        return b.toString();
    }

    /**
     * The settings that turn the panel's parameters {@code panel} into the cell's run {@code cell}: every parameter
     * whose value differs, so the method reruns exactly that cell whatever the panel shows now.
     */
    public static Map<String, String> overrides(Params panel, Params cell) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ParamSpec spec : ParamSpec.values()) {
            String v = cell.get(spec);
            if (!v.equals(panel.get(spec))) {
                out.put(spec.key(), v);
            }
        }
        return out;
    }

    /** The method's label in the compare list: "sweep α = 0.2, m_in = 5" (and the sweep's method, when several). */
    public static String methodLabel(SweepSnapshot s, int cell, int method) {
        String label = "sweep " + settings(s, cell);
        return s.plan().methodLabels().size() > 1 ? label + " (" + s.plan().methodLabels().get(method) + ")" : label;
    }

    /** A parameter's symbol for display ("α"), or its key where it has none or the symbol is the key. */
    static String symbol(String key) {
        return ParamSpec.byKey(key).map(ParamSpec::symbol).filter(x -> !x.isEmpty()).orElse(key);
    }

    /** Four significant digits, scientific notation outside [10⁻³, 10⁵). */
    static String number(double v) {
        double a = Math.abs(v);
        if (v == 0 || (a >= 1e-3 && a < 1e5)) {
            return String.format(Locale.ROOT, "%.4g", v).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
        }
        return String.format(Locale.ROOT, "%.3e", v);
    }
}
