package org.anilexplorer.core.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.anilexplorer.core.algo.ModelState;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.problem.GroundTruth;
import org.ejml.data.DMatrixRMaj;

/**
 * Test-time evaluation of a learned model (docs/math.md §6): fresh test tasks of one seed, every estimator of the protocol at
 * every m_test, the risk averaged over the test tasks, and for ridge estimators the λ with the best mean risk.
 *
 * <p>Fair comparison: the test tasks depend only on (seed, task index) ({@link TestTasks}), so every method and
 * every estimator evaluated with the same seed and m_test sees the same tasks. Tasks are split into blocks whose size
 * depends only on the number of tasks, and the blocks' moments are merged in block order, so the report is
 * bit-identical for any thread count.
 */
public final class Evaluation {

    /** Smallest number of test tasks per block of work (small blocks balance the threads). */
    static final int MIN_BLOCK = 32;
    /** Largest number of blocks (bounds the memory held by per-block moments). */
    static final int MAX_BLOCKS = 256;

    private Evaluation() {
    }

    /** Every estimator that applies to {@code params.algorithm()}, on {@code params.testTasks()} tasks, all cores. */
    public static EvaluationReport evaluate(ModelState model, GroundTruth truth, Params params, long seed) {
        return evaluate(model, truth, TestProtocol.of(params), seed, defaultThreads());
    }

    /** Single-task and oracle ridge only; they do not depend on training, so one run per seed suffices. */
    public static EvaluationReport evaluateBaselines(GroundTruth truth, Params params, long seed) {
        return evaluate(null, truth, TestProtocol.baselines(params), seed, defaultThreads());
    }

    /**
     * Runs {@code protocol} on the test tasks of {@code seed}.
     *
     * @param model the learned (B̂, ŵ); may be null when the protocol runs baselines only
     * @param threads worker threads (≥ 1); the result does not depend on it
     */
    public static EvaluationReport evaluate(ModelState model, GroundTruth truth, TestProtocol protocol, long seed,
            int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
        }
        checkModel(model, truth, protocol);
        SlotLayout layout = new SlotLayout(protocol);
        LearnedFeatures learned = protocol.needsModel() ? LearnedFeatures.of(model, truth) : null;
        LambdaGrid modelGrid = protocol.runs(Estimator.RIDGE) ? LambdaGrid.scaled(learned.spectralNormSquared) : null;
        // ‖B⋆B⋆ᵀ‖ = ‖I_d‖ = 1
        LambdaGrid baselineGrid = LambdaGrid.scaled(1.0);

        int tasks = protocol.testTasks();
        // a function of the task count only, never of the threads: the merge order is part of the result
        int blockSize = Math.max(MIN_BLOCK, (tasks + MAX_BLOCKS - 1) / MAX_BLOCKS);
        int blocks = (tasks + blockSize - 1) / blockSize;
        RiskMoments[] results = new RiskMoments[blocks];
        AtomicInteger nextBlock = new AtomicInteger();
        Runnable worker = () -> {
            TaskEvaluator evaluator = new TaskEvaluator(truth, learned, protocol, layout, modelGrid, baselineGrid,
                    seed);
            for (int b = nextBlock.getAndIncrement(); b < blocks; b = nextBlock.getAndIncrement()) {
                RiskMoments moments = new RiskMoments(layout.total());
                int end = Math.min(tasks, (b + 1) * blockSize);
                for (int i = b * blockSize; i < end; i++) {
                    evaluator.evaluate(i, moments);
                }
                results[b] = moments;
            }
        };
        runWorkers(worker, Math.min(threads, blocks));

        RiskMoments total = new RiskMoments(layout.total());
        for (RiskMoments block : results) {
            total.merge(block);
        }
        return report(total, layout, protocol, modelGrid, baselineGrid, seed);
    }

    private static EvaluationReport report(RiskMoments total, SlotLayout layout, TestProtocol protocol,
            LambdaGrid modelGrid, LambdaGrid baselineGrid, long seed) {
        List<EstimatorResult> entries = new ArrayList<>();
        for (int mi = 0; mi < protocol.mTests().size(); mi++) {
            int m = protocol.mTests().get(mi);
            for (Estimator e : protocol.orderedEstimators()) {
                int offset = layout.offset(mi, e);
                if (!e.usesLambdaGrid()) {
                    entries.add(new EstimatorResult(m, e, total.count(), total.mean(offset), total.std(offset),
                            Double.NaN, false, List.of(), List.of()));
                    continue;
                }
                LambdaGrid grid = e == Estimator.RIDGE ? modelGrid : baselineGrid;
                double[] means = new double[grid.size()];
                List<Double> meanList = new ArrayList<>();
                List<Double> gridList = new ArrayList<>();
                for (int l = 0; l < grid.size(); l++) {
                    means[l] = total.mean(offset + l);
                    meanList.add(means[l]);
                    gridList.add(grid.get(l));
                }
                int best = LambdaGrid.argmin(means);
                if (best < 0) {
                    entries.add(new EstimatorResult(m, e, total.count(), Double.NaN, Double.NaN, Double.NaN, false,
                            gridList, meanList));
                } else {
                    entries.add(new EstimatorResult(m, e, total.count(), means[best], total.std(offset + best),
                            grid.get(best), grid.atEdge(best), gridList, meanList));
                }
            }
        }
        return new EvaluationReport(seed, protocol, entries);
    }

    private static void checkModel(ModelState model, GroundTruth truth, TestProtocol protocol) {
        if (!protocol.needsModel()) {
            return;
        }
        if (model == null) {
            throw new IllegalArgumentException(
                    "the protocol runs estimators that need a trained model, but none was given");
        }
        DMatrixRMaj b = model.b();
        if (b.numRows != truth.d()) {
            throw new IllegalArgumentException("B has " + b.numRows + " rows but d = " + truth.d());
        }
        if (model.w().length != b.numCols) {
            throw new IllegalArgumentException("w has " + model.w().length + " entries but B has k' = " + b.numCols
                    + " columns");
        }
        for (double v : b.data) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("B has non-finite entries (did training diverge?)");
            }
        }
        for (double v : model.w()) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("w has non-finite entries (did training diverge?)");
            }
        }
    }

    private static void runWorkers(Runnable worker, int threads) {
        if (threads <= 1) {
            worker.run();
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "evaluation-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(worker));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("evaluation interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    private static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }
}
