package org.anilexplorer.core.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.anilexplorer.core.algo.Dynamics;
import org.anilexplorer.core.metrics.Metrics;
import org.anilexplorer.core.metrics.RecordingSchedule;
import org.anilexplorer.core.params.Params;

/**
 * How long an experiment will take and how much memory it needs, measured rather than guessed: each variant's
 * dynamics is built once (with the first seed) and stepped single-threaded for a short time, and the heap it holds
 * is measured. Used by {@code --dry-run} and by the app before Play (a running experiment knows better: see
 * {@link ExperimentProgress#secondsLeft()}).
 *
 * <p>Model: a run of variant v costs T_v · (its step time + the record time spread over its records). The runs
 * share the cores: with R runs on c cores, the wall time is about max(Σ run times / min(c, R), longest run). Memory
 * is what min(c, R) runs hold at once plus each run's recorded series.
 *
 * @param wallTime       expected wall time of the whole experiment
 * @param heapBytes      expected peak heap of the runs (data, state and recorded series)
 * @param perVariant     per variant: seconds per iteration, single-threaded (as measured)
 * @param totalIterations iterations of all runs together
 */
public record RunEstimate(Duration wallTime, long heapBytes, List<VariantCost> perVariant, long totalIterations) {

    /** Wall time above which a command tells the user beforehand. */
    public static final Duration WORTH_ANNOUNCING = Duration.ofMinutes(1);

    /** Measured cost of one variant. */
    public record VariantCost(String label, double secondsPerIteration, long heapBytes, long seriesBytes,
            long iterations) {

        /** The cost of a run of this variant that starts at iteration {@code t} (a continuation). */
        VariantCost from(long t) {
            long left = Math.max(0, iterations - t);
            long series = iterations == 0 ? 0 : Math.round((double) seriesBytes * left / iterations);
            return new VariantCost(label, secondsPerIteration, heapBytes, series, left);
        }
    }

    public RunEstimate {
        perVariant = List.copyOf(perVariant);
    }

    /**
     * Measures every variant for about {@code budgetPerVariant} (stepping stops early at its iteration count) and
     * combines the costs for {@code seeds} seeds on {@code cores} cores.
     *
     * @throws RuntimeException what building a dynamics throws (the run itself would fail the same way)
     */
    public static RunEstimate measure(List<Variant> variants, int seeds, int cores, DynamicsSource source,
            RunOptions options, Duration budgetPerVariant) {
        List<VariantCost> costs = new ArrayList<>();
        // warm the JIT on the first variant (the methods share their kernels): measured cold, it looked 4× slower
        measure(variants.get(0), source, options, budgetPerVariant.dividedBy(2));
        for (Variant v : variants) {
            costs.add(measure(v, source, options, budgetPerVariant));
        }
        return combine(costs, seeds, cores);
    }

    /**
     * The same experiment with every run continuing from a state at iteration {@code t}: only the iterations after
     * t are left to do (the speed measured from t = 0 stands for the speed after t).
     */
    public RunEstimate from(long t, int seeds, int cores) {
        return combine(perVariant.stream().map(c -> c.from(t)).toList(), seeds, cores);
    }

    /** Combines measured per-variant costs into the experiment's (see the class comment for the model). */
    static RunEstimate combine(List<VariantCost> costs, int seeds, int cores) {
        int runs = costs.size() * seeds;
        int parallel = Math.max(1, Math.min(cores, runs));
        double totalSeconds = 0;
        double longest = 0;
        long iterations = 0;
        long heapPerRunMax = 0;
        long series = 0;
        for (VariantCost c : costs) {
            double runSeconds = c.secondsPerIteration() * c.iterations();
            totalSeconds += seeds * runSeconds;
            longest = Math.max(longest, runSeconds);
            iterations += seeds * c.iterations();
            heapPerRunMax = Math.max(heapPerRunMax, c.heapBytes());
            series += seeds * c.seriesBytes();
        }
        double wall = Math.max(totalSeconds / parallel, longest);
        long heap = parallel * heapPerRunMax + series;
        return new RunEstimate(Duration.ofNanos((long) Math.min(Long.MAX_VALUE / 2.0, wall * 1e9)), heap, costs,
                iterations);
    }

    private static VariantCost measure(Variant v, DynamicsSource source, RunOptions options, Duration budget) {
        Params p = v.params();
        long before = usedHeap();
        Dynamics dynamics = source.create(p, p.seedOf(0), 1);
        try {
            long heap = Math.max(0, usedHeap() - before);
            long budgetNanos = budget.toNanos();
            long target = p.iterations();
            // the first step is often slower (class loading, JIT): time the ones after it
            dynamics.step();
            long steps = 0;
            long start = System.nanoTime();
            long now = start;
            while (dynamics.iteration() < target && now - start < budgetNanos) {
                dynamics.step();
                steps++;
                now = System.nanoTime();
            }
            double perStep = steps == 0 ? (now - start) / 1e9 : (now - start) / 1e9 / steps;
            long recordStart = System.nanoTime();
            Metrics.measure(dynamics);
            double perRecord = (System.nanoTime() - recordStart) / 1e9;
            long records = records(options, target);
            double perIteration = perStep + perRecord * records / Math.max(1, target);
            if (options.risk().enabled()) {
                // the test risk (1-GD, and ridge on fresh test tasks) is recorded on its own, sparser schedule
                RiskRecorder risk = new RiskRecorder(options.risk(), p, p.seedOf(0));
                long riskStart = System.nanoTime();
                risk.offer(dynamics);
                double perRisk = (System.nanoTime() - riskStart) / 1e9;
                perIteration += perRisk * points(options.risk().schedule(), target) / Math.max(1, target);
            }
            // a snapshot: k + min(d−k, k') squared singular values, seven scalars, object headers
            long perSnapshot = 8L * (p.k() + Math.min(p.d() - p.k(), p.kPrime()) + 7) + 64;
            return new VariantCost(v.label(), perIteration, heap, records * perSnapshot, target);
        } finally {
            dynamics.close();
        }
    }

    /** How many snapshots a run of {@code target} iterations records (bounded by the store's capacity). */
    static long records(RunOptions options, long target) {
        return Math.min(options.capacity(), points(options.schedule(), target));
    }

    /** The iterations of a schedule in [0, target], counting the last one. */
    private static long points(RecordingSchedule schedule, long target) {
        long count = 0;
        long t = 0;
        while (t <= target) {
            count++;
            t = schedule.next(t);
        }
        return schedule.records(target) ? count : count + 1;
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        System.gc(); // a rough figure only: the measurement is for an estimate, not an accounting
        return rt.totalMemory() - rt.freeMemory();
    }
}
