package org.anilexplorer.figure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.anilexplorer.core.params.ParamSpec;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.sweep.GridAxis;
import org.anilexplorer.core.sweep.JobResult;
import org.anilexplorer.core.sweep.JobStatus;
import org.anilexplorer.core.sweep.SweepColumns;
import org.anilexplorer.core.sweep.SweepJob;
import org.anilexplorer.core.sweep.SweepPlan;
import org.anilexplorer.core.sweep.SweepTheory;

/**
 * Turns a sweep's results into what the phase figures draw: per cell and method, the mean of a metric over the seeds
 * that finished, whether any seed diverged or the cell was refused, and the theory's prediction and stability margin
 * from the cell's parameters.
 */
public final class PhaseData {

    /** Per cell of one method: mean and standard deviation over finished seeds (NaN when none), and the states. */
    public record CellStats(double[] mean, double[] std, boolean[] diverged, boolean[] refused) {
    }

    private PhaseData() {
    }

    public static CellStats stats(SweepPlan plan, SweepColumns columns, Map<Integer, JobResult> results, String metric,
            int method) {
        int cells = plan.grid().cellCount();
        int column = columns.indexOf(metric);
        double[] mean = new double[cells];
        double[] std = new double[cells];
        boolean[] diverged = new boolean[cells];
        boolean[] refused = new boolean[cells];
        for (int cell = 0; cell < cells; cell++) {
            double sum = 0;
            double sumSq = 0;
            int n = 0;
            for (SweepJob job : plan.jobsOf(cell)) {
                if (job.method() != method) {
                    continue;
                }
                JobResult r = results.get(job.index());
                if (r == null) {
                    continue;
                }
                diverged[cell] |= r.status() == JobStatus.DIVERGED;
                refused[cell] |= r.status() == JobStatus.REFUSED;
                double v = column < 0 ? Double.NaN : r.value(column);
                if (r.status() == JobStatus.FINISHED && Double.isFinite(v)) {
                    sum += v;
                    sumSq += v * v;
                    n++;
                }
            }
            mean[cell] = n == 0 ? Double.NaN : sum / n;
            std[cell] = n < 2 ? 0 : Math.sqrt(Math.max(0, (sumSq - sum * sum / n) / (n - 1)));
        }
        return new CellStats(mean, std, diverged, refused);
    }

    /**
     * The panels of a two-key phase diagram of {@code metric}: for each method the measured map, followed by its
     * measured/theory ratio map when the theory predicts the metric.
     */
    public static List<PhaseMap> maps(SweepPlan plan, SweepColumns columns, Map<Integer, JobResult> results,
            String metric, IntFunction<Params> cellParams) {
        double[][][] theory = theory(plan, metric, cellParams);
        List<PhaseMap> out = new ArrayList<>();
        for (int m = 0; m < plan.methodLabels().size(); m++) {
            out.addAll(methodMaps(plan, columns, results, metric, m, theory));
        }
        return out;
    }

    /** The panels of one method only (its measured map and, where the theory predicts, its ratio map). */
    public static List<PhaseMap> maps(SweepPlan plan, SweepColumns columns, Map<Integer, JobResult> results,
            String metric, IntFunction<Params> cellParams, int method) {
        return methodMaps(plan, columns, results, metric, method, theory(plan, metric, cellParams));
    }

    /** {predicted, margin}, each indexed [i][j] over the two grid keys. */
    private static double[][][] theory(SweepPlan plan, String metric, IntFunction<Params> cellParams) {
        int nx = plan.grid().axes().get(0).size();
        int ny = plan.grid().axes().get(1).size();
        double[][] predicted = new double[nx][ny];
        double[][] margin = new double[nx][ny];
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                Params p = cellParams.apply(plan.grid().cell(i, j));
                predicted[i][j] = p == null ? Double.NaN : SweepTheory.predicted(metric, p);
                margin[i][j] = p == null ? Double.NaN : SweepTheory.stabilityMargin(p);
            }
        }
        return new double[][][] {predicted, margin};
    }

    private static List<PhaseMap> methodMaps(SweepPlan plan, SweepColumns columns, Map<Integer, JobResult> results,
            String metric, int m, double[][][] theory) {
        GridAxis ax = plan.grid().axes().get(0);
        GridAxis ay = plan.grid().axes().get(1);
        int nx = ax.size();
        int ny = ay.size();
        double[][] predicted = theory[0];
        double[][] margin = theory[1];
        String predictionName = SweepTheory.predictionName(metric);
        List<PhaseMap> out = new ArrayList<>();
        CellStats s = stats(plan, columns, results, metric, m);
        double[][] values = new double[nx][ny];
        double[][] ratio = new double[nx][ny];
        boolean[][] diverged = new boolean[nx][ny];
        boolean[][] refused = new boolean[nx][ny];
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                int cell = plan.grid().cell(i, j);
                values[i][j] = s.mean()[cell];
                ratio[i][j] = values[i][j] / predicted[i][j];
                diverged[i][j] = s.diverged()[cell];
                refused[i][j] = s.refused()[cell];
            }
        }
        String method = plan.methodLabels().get(m);
        String prefix = plan.methodLabels().size() > 1 ? method + ": " : "";
        PhaseMap.PhaseAxis x = axis(ax);
        PhaseMap.PhaseAxis y = axis(ay);
        out.add(new PhaseMap(prefix + "measured " + metric, x, y, values, diverged, refused, predicted, margin,
                metric + " (mean over seeds)", false, predictionName));
        if (PhaseMap.anyFinite(ratio)) {
            out.add(new PhaseMap(prefix + "measured / theory", x, y, ratio, diverged, refused, predicted, margin,
                    metric + " ÷ " + predictionName, true, predictionName));
        }
        return out;
    }

    static PhaseMap.PhaseAxis axis(GridAxis a) {
        return new PhaseMap.PhaseAxis(a.key(), label(a), a.values(), a.log());
    }

    /** "α (alpha), log scale": the paper's symbol first when there is one. */
    static String label(GridAxis a) {
        String symbol = ParamSpec.byKey(a.key()).map(ParamSpec::symbol).orElse("");
        String name = symbol.isEmpty() || symbol.equals(a.key()) ? a.key() : symbol + " (" + a.key() + ")";
        return a.log() ? name + ", log scale" : name;
    }
}
