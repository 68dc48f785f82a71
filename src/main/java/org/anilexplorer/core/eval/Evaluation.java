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
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Test-time evaluation of a learned model (spec §5): fresh test tasks of one seed, every estimator of the protocol at
 * every m_test, the risk averaged over the test tasks, and for ridge estimators the λ with the best mean risk.
 *
 * <p>Fair comparison: the test tasks depend only on (seed, task index) ({@link TestTasks}), so every method and
 * every estimator evaluated with the same seed and m_test sees the same tasks. Tasks are split into fixed blocks of
 * {@value #BLOCK} whose moments are merged in block order, so the report is bit-identical for any thread count.
 */
public final class Evaluation {

    /** Test tasks per block of work; fixed so that the merge order does not depend on the threads. */
    static final int BLOCK = 32;

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
        LambdaGrid modelGrid = protocol.runs(Estimator.RIDGE) ? LambdaGrid.scaled(spectralNormSquared(model.b()))
                : null;
        // ‖B⋆B⋆ᵀ‖ = ‖I_d‖ = 1
        LambdaGrid baselineGrid = LambdaGrid.scaled(1.0);

        int tasks = protocol.testTasks();
        int blocks = (tasks + BLOCK - 1) / BLOCK;
        RiskMoments[] results = new RiskMoments[blocks];
        AtomicInteger nextBlock = new AtomicInteger();
        Runnable worker = () -> {
            TaskEvaluator evaluator = new TaskEvaluator(truth, model, protocol, layout, modelGrid, baselineGrid, seed);
            for (int b = nextBlock.getAndIncrement(); b < blocks; b = nextBlock.getAndIncrement()) {
                RiskMoments moments = new RiskMoments(layout.total());
                int end = Math.min(tasks, (b + 1) * BLOCK);
                for (int i = b * BLOCK; i < end; i++) {
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
            throw new IllegalArgumentException("the protocol runs estimators that need a trained model, but none was given");
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

    /** ‖B̂B̂ᵀ‖ = σ_max(B̂)², the scale of the learned-feature λ grid. */
    static double spectralNormSquared(DMatrixRMaj b) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(b.numRows, b.numCols, false, false, true);
        if (!svd.decompose(b.copy())) {
            throw new IllegalStateException("singular value decomposition of B failed");
        }
        double max = 0;
        for (double s : svd.getSingularValues()) {
            max = Math.max(max, s);
        }
        return max * max;
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
