package org.anilexplorer.core.eval;

import org.anilexplorer.core.problem.GroundTruth;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Evaluates every selected estimator on one test task at a time, for every m_test, and adds the squared errors to a
 * {@link RiskMoments}. One instance per worker thread: all storage is allocated here, none per task (beyond EJML's
 * eigenvalue objects).
 *
 * <p>The task is drawn once with max(m_test) rows; the task at a smaller m_test is its first rows, so the learned
 * features F̃ = XE diag(ω) ({@link LearnedFeatures}) and the oracle features XB⋆ are computed once per task and
 * viewed as prefixes.
 */
final class TaskEvaluator {

    private final GroundTruth truth;
    private final TestProtocol protocol;
    private final SlotLayout layout;
    private final LearnedFeatures learned;
    private final LambdaGrid modelGrid;
    private final LambdaGrid baselineGrid;
    private final long seed;
    private final int maxRows;
    private final int[] mTests;
    private final boolean runGd;
    private final int rank;

    private final double[] headStar;
    private final double[] thetaStar;
    private final double[] labels;
    private final double[] residual;
    private final double[] head;
    private final double[] target;
    private final double[] risks;
    private final DMatrixRMaj x;
    private final DMatrixRMaj features;
    private final DMatrixRMaj oracleFeatures;
    private final DMatrixRMaj[] xRows;
    private final DMatrixRMaj[] featureRows;
    private final DMatrixRMaj[] oracleRows;
    private final RidgePath[] ridge;
    private final OrthonormalRidgePath[] oracle;
    private final OrthonormalRidgePath[] single;

    /**
     * @param learned the model in SVD coordinates; null when the protocol runs baselines only
     * @param modelGrid the λ grid of ridge on the learned features; null when that estimator is not run
     */
    TaskEvaluator(GroundTruth truth, LearnedFeatures learned, TestProtocol protocol, SlotLayout layout,
            LambdaGrid modelGrid, LambdaGrid baselineGrid, long seed) {
        this.truth = truth;
        this.protocol = protocol;
        this.layout = layout;
        this.learned = learned;
        this.modelGrid = modelGrid;
        this.baselineGrid = baselineGrid;
        this.seed = seed;
        int d = truth.d();
        int k = truth.k();
        this.maxRows = protocol.maxMTest();
        this.mTests = protocol.mTests().stream().mapToInt(Integer::intValue).toArray();
        this.runGd = protocol.runs(Estimator.ONE_STEP_GD) || protocol.runs(Estimator.MULTI_STEP_GD);
        boolean runRidge = protocol.runs(Estimator.RIDGE);
        boolean runOracle = protocol.runs(Estimator.ORACLE_RIDGE);
        boolean runSingle = protocol.runs(Estimator.SINGLE_TASK_RIDGE);
        this.rank = learned == null ? 0 : learned.rank();

        headStar = new double[k];
        thetaStar = new double[d];
        labels = new double[maxRows];
        residual = new double[maxRows];
        head = new double[rank];
        target = new double[rank];
        risks = new double[LambdaGrid.SIZE];
        x = new DMatrixRMaj(maxRows, d);
        features = runGd || runRidge ? new DMatrixRMaj(maxRows, rank) : null;
        oracleFeatures = runOracle ? new DMatrixRMaj(maxRows, k) : null;

        int n = mTests.length;
        xRows = new DMatrixRMaj[n];
        featureRows = new DMatrixRMaj[n];
        oracleRows = new DMatrixRMaj[n];
        ridge = new RidgePath[n];
        oracle = new OrthonormalRidgePath[n];
        single = new OrthonormalRidgePath[n];
        for (int mi = 0; mi < n; mi++) {
            int m = mTests[mi];
            xRows[mi] = DMatrixRMaj.wrap(m, d, x.data);
            if (features != null) {
                featureRows[mi] = DMatrixRMaj.wrap(m, rank, features.data);
            }
            if (runRidge) {
                ridge[mi] = new RidgePath(rank, m);
            }
            if (runOracle) {
                oracleRows[mi] = DMatrixRMaj.wrap(m, k, oracleFeatures.data);
                oracle[mi] = new OrthonormalRidgePath(k, m);
            }
            if (runSingle) {
                single[mi] = new OrthonormalRidgePath(d, m);
            }
        }
    }

    /** Draws test task {@code index} and adds one sample to every slot of {@code moments}. */
    void evaluate(long index, RiskMoments moments) {
        TestTasks.draw(seed, index, truth, maxRows, headStar, thetaStar, x.data, labels);
        double outside = 0;
        if (features != null) {
            CommonOps_DDRM.mult(x, learned.featureMap, features);
            // Eᵀθ⋆ = (EᵀB⋆)w⋆, and ‖θ⋆‖ = ‖w⋆‖ since B⋆ is orthonormal
            multiply(learned.basisTimesTruth, headStar, target);
            outside = Math.max(0.0, squaredNorm(headStar, headStar.length) - squaredNorm(target, rank));
        }
        if (oracleFeatures != null) {
            CommonOps_DDRM.mult(x, truth.bStar(), oracleFeatures);
        }
        moments.beginSample();
        for (int mi = 0; mi < mTests.length; mi++) {
            if (runGd) {
                gradientSteps(mi, outside, moments);
            }
            if (ridge[mi] != null) {
                ridge[mi].prepare(featureRows[mi], labels, learned.singularValues);
                ridge[mi].squaredErrors(modelGrid, target, outside, risks);
                moments.addAll(layout.offset(mi, Estimator.RIDGE), risks, LambdaGrid.SIZE);
            }
            if (oracle[mi] != null) {
                // θ⋆ = B⋆w⋆: its coordinates in the oracle features are w⋆ itself
                oracle[mi].prepare(oracleRows[mi], labels, headStar);
                oracle[mi].squaredErrors(baselineGrid, risks);
                moments.addAll(layout.offset(mi, Estimator.ORACLE_RIDGE), risks, LambdaGrid.SIZE);
            }
            if (single[mi] != null) {
                single[mi].prepare(xRows[mi], labels, thetaStar);
                single[mi].squaredErrors(baselineGrid, risks);
                moments.addAll(layout.offset(mi, Estimator.SINGLE_TASK_RIDGE), risks, LambdaGrid.SIZE);
            }
        }
    }

    /**
     * Head-only GD from ŵ with the training inner step α on all m samples (docs/math.md §6.3, eq. (11)):
     * w ← w − (α/m) B̂ᵀXᵀ(XB̂w − y), θ̂ = B̂w, in SVD coordinates w̃ ← w̃ − (α/m) F̃ᵀ(F̃w̃ − y). Records the risk
     * after one step and after gd_steps steps.
     */
    private void gradientSteps(int mi, double outside, RiskMoments moments) {
        int m = mTests[mi];
        int steps = protocol.runs(Estimator.MULTI_STEP_GD) ? protocol.gdSteps() : 1;
        double[] f = featureRows[mi].data;
        double step = protocol.alpha() / m;
        System.arraycopy(learned.head, 0, head, 0, rank);
        for (int t = 1; t <= steps; t++) {
            for (int row = 0; row < m; row++) {
                double s = -labels[row];
                int off = row * rank;
                for (int c = 0; c < rank; c++) {
                    s += f[off + c] * head[c];
                }
                residual[row] = s;
            }
            for (int row = 0; row < m; row++) {
                double g = step * residual[row];
                int off = row * rank;
                for (int c = 0; c < rank; c++) {
                    head[c] -= g * f[off + c];
                }
            }
            if (t == 1 && protocol.runs(Estimator.ONE_STEP_GD)) {
                moments.add(layout.offset(mi, Estimator.ONE_STEP_GD), squaredErrorOfHead(outside));
            }
            if (t == steps && protocol.runs(Estimator.MULTI_STEP_GD)) {
                moments.add(layout.offset(mi, Estimator.MULTI_STEP_GD), squaredErrorOfHead(outside));
            }
        }
    }

    /** ‖B̂w − θ⋆‖² = ‖diag(ω)w̃ − Eᵀθ⋆‖² + (‖θ⋆‖² − ‖Eᵀθ⋆‖²). */
    private double squaredErrorOfHead(double outside) {
        double[] omega = learned.singularValues;
        double total = outside;
        for (int i = 0; i < rank; i++) {
            double e = omega[i] * head[i] - target[i];
            total += e * e;
        }
        return total;
    }

    private static void multiply(DMatrixRMaj a, double[] v, double[] out) {
        int cols = a.numCols;
        for (int i = 0; i < a.numRows; i++) {
            double s = 0;
            int off = i * cols;
            for (int j = 0; j < cols; j++) {
                s += a.data[off + j] * v[j];
            }
            out[i] = s;
        }
    }

    private static double squaredNorm(double[] v, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += v[i] * v[i];
        }
        return s;
    }
}
