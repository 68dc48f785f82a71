package org.anilexplorer.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.anilexplorer.core.algo.ModelState;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.problem.GroundTruth;
import org.anilexplorer.core.run.DynamicsSource;
import org.anilexplorer.core.run.Run;
import org.anilexplorer.core.run.RunControl;
import org.anilexplorer.core.run.RunOptions;
import org.anilexplorer.core.run.RunView;
import org.anilexplorer.core.run.Variant;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The distance for k' &gt; k: principal angles between col(B⋆) and the top-k left singular subspace of B. Checked
 * against a closed form, against Collins et al.'s definition when k' = k, and on a real FO-ANIL run, where it must
 * go to 0 as the representation is learned (the old definition stayed at 1).
 */
class PrincipalAngleDistanceTest {

    private static final Params P = Params.defaults().with("d", "15").with("k", "3").with("k_prime", "7")
            .with("task_mean", "");

    /** Column j of an orthonormal basis: j < k from B⋆, then from B⋆,⊥. */
    private static double[] column(GroundTruth truth, boolean star, int j) {
        DMatrixRMaj m = star ? truth.bStar() : truth.bPerp();
        double[] c = new double[truth.d()];
        Arrays.setAll(c, i -> m.get(i, j));
        return c;
    }

    @Test
    void closedFormTiltOfOneStrongColumn() {
        // B = [10(cosθ b⋆₁ + sinθ b⊥₁), 8 b⋆₂, 6 b⋆₃, 0.1 b⊥₂, 0.05 b⊥₃, 0.02 b⊥₄, 0.01 b⊥₅]: orthogonal columns, so the
        // top-3 left singular vectors are the first three columns' directions and the largest angle to col(B⋆) is θ
        GroundTruth truth = GroundTruth.sample(P, 4);
        for (double theta : new double[] {0.0, 1e-8, 0.3, 1.2}) {
            DMatrixRMaj b = new DMatrixRMaj(15, 7);
            double[][] cols = new double[7][];
            double[] s1 = column(truth, true, 0);
            double[] p1 = column(truth, false, 0);
            cols[0] = new double[15];
            Arrays.setAll(cols[0], i -> 10 * (Math.cos(theta) * s1[i] + Math.sin(theta) * p1[i]));
            double[] norms = {0, 8, 6, 0.1, 0.05, 0.02, 0.01};
            for (int j = 1; j < 7; j++) {
                double[] c = j < 3 ? column(truth, true, j) : column(truth, false, j - 2);
                double n = norms[j];
                cols[j] = Arrays.stream(c).map(x -> n * x).toArray();
            }
            for (int j = 0; j < 7; j++) {
                for (int i = 0; i < 15; i++) {
                    b.set(i, j, cols[j][i]);
                }
            }
            ModelState s = ModelState.of(0, truth, b, new double[7]);
            double dist = PrincipalAngleDistance.fromBlocks(s.starProjection(), s.perpGram());
            assertEquals(Math.sin(theta), dist, 1e-12 + 1e-9 * Math.sin(theta), "θ = " + theta);
            assertEquals(Math.sin(theta), PrincipalAngleDistance.fromRepresentation(b, truth), 1e-12, "θ = " + theta);
        }
    }

    @Test
    void equalsCollinsDefinitionWhenKPrimeEqualsK() {
        // k' = k: the top-k subspace is col(B), so dist = ‖B⋆,⊥ᵀB̂‖₂ for any orthonormal basis B̂ of col(B); here B̂
        // comes from a QR factorisation (Gram–Schmidt), independent of the SVD and eigen paths
        GroundTruth truth = GroundTruth.sample(P.with("k_prime", "3"), 9);
        SplittableRandom rng = new SplittableRandom(3);
        DMatrixRMaj b = new DMatrixRMaj(15, 3);
        Arrays.setAll(b.data, i -> rng.nextGaussian());
        double[][] q = new double[3][15];
        for (int j = 0; j < 3; j++) {
            for (int i = 0; i < 15; i++) {
                q[j][i] = b.get(i, j);
            }
            for (int l = 0; l < j; l++) {
                double dot = 0;
                for (int i = 0; i < 15; i++) {
                    dot += q[l][i] * q[j][i];
                }
                for (int i = 0; i < 15; i++) {
                    q[j][i] -= dot * q[l][i];
                }
            }
            double norm = Math.sqrt(Arrays.stream(q[j]).map(x -> x * x).sum());
            for (int i = 0; i < 15; i++) {
                q[j][i] /= norm;
            }
        }
        DMatrixRMaj perpQ = new DMatrixRMaj(12, 3);
        for (int a = 0; a < 12; a++) {
            for (int j = 0; j < 3; j++) {
                double v = 0;
                for (int i = 0; i < 15; i++) {
                    v += truth.bPerp().get(i, a) * q[j][i];
                }
                perpQ.set(a, j, v);
            }
        }
        DMatrixRMaj gram = new DMatrixRMaj(3, 3);
        org.ejml.dense.row.CommonOps_DDRM.multTransA(perpQ, perpQ, gram);
        double collins = Math.sqrt(Metrics.symmetricEigenvaluesDescending(gram, 1)[0]);
        ModelState s = ModelState.of(0, truth, b, new double[3]);
        assertEquals(collins, PrincipalAngleDistance.fromBlocks(s.starProjection(), s.perpGram()), 1e-12);
        assertTrue(collins > 0.1 && collins < 1, "a genuine angle: " + collins);
    }

    @Test
    void goesToZeroAsFoAnilLearnsWithKPrimeAboveK() {
        // d = 20, k = 3, k' = 20 (every column has a component in col(B⋆)⊥ at every t): the old definition gave 1
        Params p = Params.defaults().with("tasks", "inf").with("d", "20").with("k", "3").with("k_prime", "20")
                .with("m_in", "10").with("alpha", "0.2").with("beta", "0.2").with("task_cov", "linear")
                .with("iterations", "20000");
        RunView v = new Run(Variant.of(p), 1, 1, DynamicsSource.FACTORY, RunOptions.DEFAULT).execute(new RunControl());
        assertTrue(v.state().isSuccess(), v.reason());
        double start = v.series().get(0).distance();
        double end = v.last().distance();
        double perpMax = v.last().sv2PerpMax();
        assertTrue(start > 0.5, "random B₀ is far from col(B⋆): " + start);
        assertTrue(end < 0.1, "learned: " + end);
        assertTrue(perpMax > 1e-3, "the complement is still there (so Collins' definition would still be 1): " + perpMax);
    }
}
