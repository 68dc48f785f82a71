package org.anilexplorer.core.eval;

import org.anilexplorer.core.algo.ModelState;
import org.anilexplorer.core.problem.GroundTruth;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Evaluates every selected estimator on one test task at a time, for every m_test, and adds the squared errors to a
 * {@link RiskMoments}. One instance per worker thread: all storage is allocated here, none per task (beyond EJML's
 * eigenvalue objects).
 *
 * <p>The task is drawn once with max(m_test) rows; the task at a smaller m_test is its first rows, so the learned
 * features F = XB̂ and the oracle features XB⋆ are computed once per task and viewed as prefixes.
 */
final class TaskEvaluator {

    private final GroundTruth truth;
    private final TestProtocol protocol;
    private final SlotLayout layout;
    private final LambdaGrid modelGrid;
    private final LambdaGrid baselineGrid;
    private final long seed;
    private final int d;
    private final int kp;
    private final int maxRows;
    private final int[] mTests;

    private final DMatrixRMaj bHat;
    private final double[] wHat;

    private final double[] headStar;
    private final double[] thetaStar;
    private final double[] theta;
    private final double[] w;
    private final double[] labels;
    private final double[] residual;
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

    TaskEvaluator(GroundTruth truth, ModelState model, TestProtocol protocol, SlotLayout layout, LambdaGrid modelGrid,
            LambdaGrid baselineGrid, long seed) {
        this.truth = truth;
        this.protocol = protocol;
        this.layout = layout;
        this.modelGrid = modelGrid;
        this.baselineGrid = baselineGrid;
        this.seed = seed;
        this.d = truth.d();
        int k = truth.k();
        this.bHat = model == null ? null : model.b();
        this.wHat = model == null ? null : model.w();
        this.kp = model == null ? 0 : bHat.numCols;
        this.maxRows = protocol.maxMTest();
        this.mTests = protocol.mTests().stream().mapToInt(Integer::intValue).toArray();

        boolean gd = protocol.runs(Estimator.ONE_STEP_GD) || protocol.runs(Estimator.MULTI_STEP_GD);
        boolean learned = gd || protocol.runs(Estimator.RIDGE);
        boolean runOracle = protocol.runs(Estimator.ORACLE_RIDGE);
        boolean runSingle = protocol.runs(Estimator.SINGLE_TASK_RIDGE);

        headStar = new double[k];
        thetaStar = new double[d];
        theta = new double[d];
        w = new double[Math.max(kp, 1)];
        labels = new double[maxRows];
        residual = new double[maxRows];
        risks = new double[LambdaGrid.SIZE];
        x = new DMatrixRMaj(maxRows, d);
        features = learned ? new DMatrixRMaj(maxRows, kp) : null;
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
            if (learned) {
                featureRows[mi] = DMatrixRMaj.wrap(m, kp, features.data);
            }
            if (runOracle) {
                oracleRows[mi] = DMatrixRMaj.wrap(m, k, oracleFeatures.data);
                oracle[mi] = new OrthonormalRidgePath(k, m);
            }
            if (protocol.runs(Estimator.RIDGE)) {
                ridge[mi] = new RidgePath(d, kp, m);
            }
            if (runSingle) {
                single[mi] = new OrthonormalRidgePath(d, m);
            }
        }
    }

    /** Draws test task {@code index} and adds one sample to every slot of {@code moments}. */
    void evaluate(long index, RiskMoments moments) {
        TestTasks.draw(seed, index, truth, maxRows, headStar, thetaStar, x.data, labels);
        double[] y = labels;
        if (features != null) {
            CommonOps_DDRM.mult(x, bHat, features);
        }
        if (oracleFeatures != null) {
            CommonOps_DDRM.mult(x, truth.bStar(), oracleFeatures);
        }
        moments.beginSample();
        for (int mi = 0; mi < mTests.length; mi++) {
            int m = mTests[mi];
            if (protocol.runs(Estimator.ONE_STEP_GD) || protocol.runs(Estimator.MULTI_STEP_GD)) {
                gradientSteps(mi, m, y, moments);
            }
            if (ridge[mi] != null) {
                ridge[mi].prepare(bHat, featureRows[mi], y);
                ridge[mi].squaredErrors(modelGrid, thetaStar, risks);
                moments.addAll(layout.offset(mi, Estimator.RIDGE), risks, LambdaGrid.SIZE);
            }
            if (oracle[mi] != null) {
                // θ⋆ = B⋆w⋆: the coordinates in the oracle features are w⋆ itself
                oracle[mi].prepare(oracleRows[mi], y, headStar);
                oracle[mi].squaredErrors(baselineGrid, risks);
                moments.addAll(layout.offset(mi, Estimator.ORACLE_RIDGE), risks, LambdaGrid.SIZE);
            }
            if (single[mi] != null) {
                single[mi].prepare(xRows[mi], y, thetaStar);
                single[mi].squaredErrors(baselineGrid, risks);
                moments.addAll(layout.offset(mi, Estimator.SINGLE_TASK_RIDGE), risks, LambdaGrid.SIZE);
            }
        }
    }

    /**
     * Head-only GD from ŵ with the training inner step α on all m samples (spec §5.2, eq. (11)):
     * w ← w − (α/m) Fᵀ(Fw − y), θ̂ = B̂w. Records the risk after one step and after gd_steps steps.
     */
    private void gradientSteps(int mi, int m, double[] y, RiskMoments moments) {
        int steps = protocol.runs(Estimator.MULTI_STEP_GD) ? protocol.gdSteps() : 1;
        double[] f = featureRows[mi].data;
        double step = protocol.alpha() / m;
        System.arraycopy(wHat, 0, w, 0, kp);
        for (int t = 1; t <= steps; t++) {
            for (int r = 0; r < m; r++) {
                double s = -y[r];
                int off = r * kp;
                for (int c = 0; c < kp; c++) {
                    s += f[off + c] * w[c];
                }
                residual[r] = s;
            }
            for (int r = 0; r < m; r++) {
                double g = step * residual[r];
                int off = r * kp;
                for (int c = 0; c < kp; c++) {
                    w[c] -= g * f[off + c];
                }
            }
            if (t == 1 && protocol.runs(Estimator.ONE_STEP_GD)) {
                moments.add(layout.offset(mi, Estimator.ONE_STEP_GD), squaredErrorOfHead());
            }
            if (t == steps && protocol.runs(Estimator.MULTI_STEP_GD)) {
                moments.add(layout.offset(mi, Estimator.MULTI_STEP_GD), squaredErrorOfHead());
            }
        }
    }

    /** ‖B̂w − θ⋆‖². */
    private double squaredErrorOfHead() {
        double[] b = bHat.data;
        double total = 0;
        for (int i = 0; i < d; i++) {
            double s = -thetaStar[i];
            int off = i * kp;
            for (int c = 0; c < kp; c++) {
                s += b[off + c] * w[c];
            }
            total += s * s;
        }
        return total;
    }
}
