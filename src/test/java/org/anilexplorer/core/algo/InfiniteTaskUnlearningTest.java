package org.anilexplorer.core.algo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.anilexplorer.core.metrics.Metrics;
import org.anilexplorer.core.metrics.Snapshot;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.problem.GroundTruth;
import org.anilexplorer.core.theory.LambdaStar;
import org.anilexplorer.core.theory.UnlearningRate;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.api.Test;

/** I2 (reference run), I4 and I5 (docs/math.md §9): how the orthogonal part D_t = B⋆,⊥ᵀB_t is (or is not) unlearned. */
class InfiniteTaskUnlearningTest {

    @Test
    void referenceRunReachesLambdaStarAndUnlearnsAtTheOneOverTRate() {
        // One REF trajectory (docs/math.md §9), generic Gaussian start, checked along the way:
        // I2: eig(αΛ_t) within 1e-4 of eig(αΛ⋆) at t = 10⁴;
        // I4: ‖D_t‖² ≈ 1/(‖D_{t0}‖⁻² + 2α²βσ̃²(t − t0)/m_in) with t0 = 10, within 3 % at t = 5·10⁴, and t·‖D_t‖²
        //     increases towards m_in/(2α²βσ̃²).
        Params p = InfiniteTaskLimitTest.REF;
        Dynamics dyn = InfiniteTasks.create(p, GroundTruth.sample(p, 1), 1);
        InfiniteTaskLimitTest.run(dyn, 10);
        double atT0 = Metrics.measure(dyn).sv2PerpMax();
        double limit = 1 / UnlearningRate.rateConstant(p.alpha(), p.beta(), p.tildeSigma2(), p.mIn());
        double[] lambdaStar = LambdaStar.eigenvalues(p);
        double previous = 0;
        for (long t : new long[] {1_000, 10_000, 50_000}) {
            InfiniteTaskLimitTest.run(dyn, t - dyn.iteration());
            Snapshot s = Metrics.measure(dyn);
            double measured = s.sv2PerpMax();
            double scaled = t * measured;
            assertTrue(scaled > previous && scaled < limit, "t‖D_t‖² = " + scaled + " at t = " + t);
            previous = scaled;
            if (t == 10_000) {
                for (int j = 0; j < lambdaStar.length; j++) {
                    assertEquals(p.alpha() * lambdaStar[j], p.alpha() * s.sv2Star(j), 1e-4, "αΛ eigenvalue " + j);
                }
            }
            if (t == 50_000) {
                double predicted = UnlearningRate.refined(t, 10, atT0, p.alpha(), p.beta(), p.tildeSigma2(), p.mIn());
                assertEquals(1.0, measured / predicted, 0.03, "‖D_t‖² at t = " + t);
            }
        }
    }

    @Test
    void infiniteInnerSamplesLeaveTheComplementOfRowspacePUntouched() {
        // I5: m_in = ∞, w₀ = 0 (μ⋆ = 0) ⇒ D_tΠ = D₀Π exactly, Π the projector onto rowspace(B⋆ᵀB₀)^⊥; and αΛ_t → I_k
        Params p = Params.defaults().with("tasks", "inf").with("d", "20").with("k", "3").with("k_prime", "10")
                .with("m_in", "inf").with("sigma2", "1").with("task_cov", "linear").with("alpha", "0.2")
                .with("beta", "0.2").with("init_scale", "1").with("w0_scale", "0");
        GroundTruth truth = GroundTruth.sample(p, 6);
        InfiniteTaskDynamics dyn = (InfiniteTaskDynamics) InfiniteTasks.create(p, truth, 6);
        ModelState s0 = dyn.state();
        DMatrixRMaj projector = nullSpaceProjector(s0.starProjection());
        DMatrixRMaj d0Pi = perpTimes(truth, s0.b(), projector);
        InfiniteTaskLimitTest.run(dyn, 5_000);
        DMatrixRMaj dtPi = perpTimes(truth, dyn.state().b(), projector);
        double err = CommonOps_DDRM.elementMaxAbs(CommonOps_DDRM.subtract(dtPi, d0Pi, null));
        assertTrue(err < 1e-12 * CommonOps_DDRM.elementMaxAbs(d0Pi), "D_tΠ − D₀Π = " + err);
        assertTrue(CommonOps_DDRM.elementMaxAbs(d0Pi) > 0.1, "the test needs a non-trivial D₀Π");
        Snapshot snap = Metrics.measure(dyn);
        for (int j = 0; j < 3; j++) {
            assertEquals(1.0, p.alpha() * snap.sv2Star(j), 1e-9, "αΛ → I_k");
        }
    }

    /** Π = I − P⁺P (k'×k'), via the right singular vectors of P. */
    private static DMatrixRMaj nullSpaceProjector(DMatrixRMaj p) {
        int kp = p.numCols;
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(p.numRows, kp, false, true, false);
        assertTrue(svd.decompose(p.copy()));
        DMatrixRMaj v = svd.getV(null, false);
        DMatrixRMaj pi = CommonOps_DDRM.identity(kp);
        double[] sv = svd.getSingularValues();
        for (int i = 0; i < sv.length; i++) {
            if (sv[i] > 1e-12) {
                for (int a = 0; a < kp; a++) {
                    for (int b = 0; b < kp; b++) {
                        pi.add(a, b, -v.get(a, i) * v.get(b, i));
                    }
                }
            }
        }
        return pi;
    }

    private static DMatrixRMaj perpTimes(GroundTruth truth, DMatrixRMaj b, DMatrixRMaj projector) {
        DMatrixRMaj d = new DMatrixRMaj(truth.d() - truth.k(), b.numCols);
        CommonOps_DDRM.multTransA(truth.bPerp(), b, d);
        DMatrixRMaj out = new DMatrixRMaj(d.numRows, d.numCols);
        CommonOps_DDRM.mult(d, projector, out);
        return out;
    }
}
