package org.anilexplorer.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.anilexplorer.core.algo.InfiniteTaskDynamics;
import org.anilexplorer.core.algo.ModelState;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.problem.GroundTruth;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Metrics from the blocks (P, G, w) against the same quantities computed from B by SVDs in d dimensions. */
class MetricsTest {

    private static final Params P = Params.defaults().with("d", "15").with("k", "3").with("k_prime", "7")
            .with("task_mean", "0.5,-1,0.25");

    /** B = B⋆X + ε·B⋆,⊥Y with X (k×k'), Y ((d−k)×k') Gaussian. */
    private static DMatrixRMaj model(GroundTruth truth, int kp, double eps, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        DMatrixRMaj x = new DMatrixRMaj(truth.k(), kp);
        DMatrixRMaj y = new DMatrixRMaj(truth.d() - truth.k(), kp);
        Arrays.setAll(x.data, i -> rng.nextGaussian());
        Arrays.setAll(y.data, i -> rng.nextGaussian());
        DMatrixRMaj b = new DMatrixRMaj(truth.d(), kp);
        CommonOps_DDRM.mult(truth.bStar(), x, b);
        CommonOps_DDRM.multAdd(eps, truth.bPerp(), y, b);
        return b;
    }

    private static double[] squaredSingularValuesDescending(DMatrixRMaj m, int count) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(m.numRows, m.numCols, false, false, true);
        assertTrue(svd.decompose(m.copy()));
        double[] sv = svd.getSingularValues().clone();
        Arrays.sort(sv);
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            double v = i < sv.length ? sv[sv.length - 1 - i] : 0;
            out[i] = v * v;
        }
        return out;
    }

    @Test
    void blocksGiveTheSpectraAndHeadErrorOfB() {
        GroundTruth truth = GroundTruth.sample(P, 4);
        DMatrixRMaj b = model(truth, 7, 0.3, 8);
        double[] w = {0.3, -0.2, 0.5, 0.1, 0, -0.4, 0.25};
        Snapshot s = Metrics.measure(ModelState.of(12, truth, b, w), truth, 0.5, Double.NaN);

        DMatrixRMaj starB = new DMatrixRMaj(3, 7);
        CommonOps_DDRM.multTransA(truth.bStar(), b, starB);
        DMatrixRMaj perpB = new DMatrixRMaj(12, 7);
        CommonOps_DDRM.multTransA(truth.bPerp(), b, perpB);
        assertArrayEquals(squaredSingularValuesDescending(starB, 3), s.sv2Star(), 1e-12);
        assertArrayEquals(squaredSingularValuesDescending(perpB, 7), s.sv2Perp(), 1e-12);
        DMatrixRMaj bw = new DMatrixRMaj(15, 1);
        CommonOps_DDRM.mult(b, DMatrixRMaj.wrap(7, 1, w), bw);
        CommonOps_DDRM.multAdd(-1, truth.bStar(), DMatrixRMaj.wrap(3, 1, truth.mean()), bw);
        assertEquals(NormOps_DDRM.normF(bw), s.bwNorm(), 1e-13);
        assertEquals(12, s.iteration());
        assertEquals(0.5, s.trainingLoss());
    }

    @Test
    void withZeroTaskMeanTheMeanErrorIsTheNormOfTheSharedPrediction() {
        // ‖B_tw_t − B⋆μ⋆‖ with μ⋆ = 0 is ‖B_tw_t‖, formed here as the product of the d×k' matrix and the head
        GroundTruth truth = GroundTruth.sample(P.with("task_mean", ""), 9);
        DMatrixRMaj b = model(truth, 7, 0.7, 10);
        double[] w = {1.5, -0.3, 0.2, 0.8, -1, 0.05, 0.4};
        Snapshot s = Metrics.measure(ModelState.of(3, truth, b, w), truth, 0, Double.NaN);
        DMatrixRMaj bw = new DMatrixRMaj(15, 1);
        CommonOps_DDRM.mult(b, DMatrixRMaj.wrap(7, 1, w), bw);
        assertEquals(NormOps_DDRM.normF(bw), s.bwNorm(), 1e-13 * NormOps_DDRM.normF(bw));
        // and with a mean, B_tw_t = B⋆μ⋆ exactly (w solving Pw = μ⋆ with B inside col(B⋆)) has error 0
        GroundTruth withMean = GroundTruth.sample(P, 9);
        DMatrixRMaj inside = new DMatrixRMaj(15, 3);
        CommonOps_DDRM.mult(withMean.bStar(), CommonOps_DDRM.identity(3), inside);
        Snapshot atMean = Metrics.measure(ModelState.of(4, withMean, inside, withMean.mean()), withMean, 0, Double.NaN);
        assertEquals(0, atMean.bwNorm(), 1e-15);
    }

    @Test
    void distanceFromBlocksMatchesTheDefinition() {
        GroundTruth truth = GroundTruth.sample(P, 5);
        // k' = k: a genuine angle, large and tiny (relative precision must survive)
        for (double eps : new double[] {1.0, 0.1, 1e-4, 1e-9}) {
            DMatrixRMaj b = model(truth, 3, eps, 11);
            ModelState s = ModelState.of(0, truth, b, new double[3]);
            double expected = PrincipalAngleDistance.fromRepresentation(b, truth);
            double actual = PrincipalAngleDistance.fromBlocks(s.starProjection(), s.perpGram());
            // the SVD reference carries an absolute error ≈ ε (B⋆,⊥ᵀÛ of an Û accurate to ε)
            assertEquals(expected, actual, 1e-9 * expected + 1e-15, "eps = " + eps);
            assertTrue(expected < 1);
            // relative precision for tiny angles: dist² = λ_max(D (BᵀB)⁻¹ Dᵀ) with D = B⋆,⊥ᵀB formed directly
            DMatrixRMaj dPerp = new DMatrixRMaj(12, 3);
            CommonOps_DDRM.multTransA(truth.bPerp(), b, dPerp);
            DMatrixRMaj gramInv = new DMatrixRMaj(3, 3);
            CommonOps_DDRM.multTransA(b, b, gramInv);
            CommonOps_DDRM.invert(gramInv);
            DMatrixRMaj tmp = new DMatrixRMaj(12, 3);
            CommonOps_DDRM.mult(dPerp, gramInv, tmp);
            DMatrixRMaj whitened = new DMatrixRMaj(12, 12);
            CommonOps_DDRM.multTransB(tmp, dPerp, whitened);
            double top = Metrics.symmetricEigenvaluesDescending(whitened, 1)[0];
            assertEquals(Math.sqrt(top), actual, 1e-9 * actual, "eps = " + eps);
        }
        // k' > k generic: col(B) has directions orthogonal to col(B⋆), but its top-k subspace is close to col(B⋆)
        // (the distance is measured on the top-k left singular subspace, see docs/math.md §5.3)
        DMatrixRMaj wide = model(truth, 7, 1e-3, 12);
        ModelState s = ModelState.of(0, truth, wide, new double[7]);
        double wideExpected = PrincipalAngleDistance.fromRepresentation(wide, truth);
        assertEquals(wideExpected, PrincipalAngleDistance.fromBlocks(s.starProjection(), s.perpGram()), 1e-9 * wideExpected);
        assertTrue(wideExpected < 1e-2, "the top-3 subspace is within ~ε of col(B⋆): " + wideExpected);
        // k' > k but col(B) ⊂ col(B⋆) + a rank-one tilt: B has rank k, the distance is a genuine small angle
        DMatrixRMaj inside = model(truth, 7, 0, 13);
        inside.add(5, 0, 1e-3);
        ModelState t = ModelState.of(0, truth, inside, new double[7]);
        double expected = PrincipalAngleDistance.fromRepresentation(inside, truth);
        assertEquals(expected, PrincipalAngleDistance.fromBlocks(t.starProjection(), t.perpGram()), 1e-9);
        // B = 0 has no column space: distance 1 by convention
        ModelState zero = ModelState.of(0, truth, new DMatrixRMaj(15, 3), new double[3]);
        assertEquals(1.0, PrincipalAngleDistance.fromBlocks(zero.starProjection(), zero.perpGram()), 0.0);
    }

    @Test
    void distanceStaysFiniteWhenTheExtraColumnsUnderflow() {
        // B = B⋆[I_k 0] + ε B⋆,⊥Y with ε → 0 (an exponentially converging k' > k run): the extra columns leave the
        // numerical column space, col(B) → col(B⋆) and the distance → 0 instead of failing on tiny Gram entries
        GroundTruth truth = GroundTruth.sample(P, 7);
        for (double eps : new double[] {1e-20, 1e-150, 1e-170, 1e-320, 0}) {
            DMatrixRMaj y = new DMatrixRMaj(12, 7);
            SplittableRandom rng = new SplittableRandom(2);
            Arrays.setAll(y.data, i -> rng.nextGaussian());
            DMatrixRMaj b = new DMatrixRMaj(15, 7);
            CommonOps_DDRM.mult(eps, truth.bPerp(), y, b);
            for (int j = 0; j < 3; j++) {
                for (int i = 0; i < 15; i++) {
                    b.add(i, j, truth.bStar().get(i, j));
                }
            }
            ModelState s = ModelState.of(0, truth, b, new double[7]);
            double dist = PrincipalAngleDistance.fromBlocks(s.starProjection(), s.perpGram());
            assertTrue(dist >= 0 && dist < 1e-6, "eps = " + eps + ": " + dist);
            assertTrue(Metrics.measure(s, truth, 0, Double.NaN).isFinite());
        }
    }

    @Test
    void singleColumnDistanceIsTheSineOfTheAngle() {
        // k = k' = 1: dist = ‖B⋆,⊥ᵀb‖/‖b‖ = sin∠(b, b⋆)
        Params p = P.with("k", "1").with("k_prime", "1").with("task_mean", "");
        GroundTruth truth = GroundTruth.sample(p, 6);
        DMatrixRMaj b = model(truth, 1, 0.02, 3);
        DMatrixRMaj perp = new DMatrixRMaj(14, 1);
        CommonOps_DDRM.multTransA(truth.bPerp(), b, perp);
        double sine = NormOps_DDRM.normF(perp) / NormOps_DDRM.normF(b);
        ModelState s = ModelState.of(0, truth, b, new double[1]);
        assertEquals(sine, PrincipalAngleDistance.fromBlocks(s.starProjection(), s.perpGram()), 1e-14);
    }

    @ParameterizedTest(name = "d={0} k={1} k''={2} inside={3}")
    @CsvSource({"30, 4, 10, false", "12, 4, 12, false", "12, 4, 4, false", "12, 4, 9, true"})
    void infiniteTaskFastPathAgreesWithTheGenericPath(int d, int k, int kp, boolean insideStarSpan) {
        // r = k' < d − k; r = d − k < k'; k' = k (distance < 1, no shortcut); B₀ ⊂ col(B⋆) (shortcut undecided)
        Params p = Params.defaults().with("tasks", "inf").with("d", "" + d).with("k", "" + k)
                .with("k_prime", "" + kp).with("m_in", "10").with("task_mean", "1,0,-1,0.5").with("w0_scale", "0.5");
        GroundTruth truth = GroundTruth.sample(p, 3);
        DMatrixRMaj b0 = model(truth, kp, insideStarSpan ? 0 : 0.4, 5);
        InfiniteTaskDynamics dyn = new InfiniteTaskDynamics(p, truth, b0, new double[kp]);
        for (int t = 0; t < 50; t++) {
            dyn.step();
        }
        Snapshot fast = Metrics.measure(dyn);
        Snapshot generic = Metrics.measure(dyn.state(), dyn.truth(), dyn.trainingLoss(), Double.NaN);
        assertEquals(generic.iteration(), fast.iteration());
        assertEquals(Math.min(d - k, kp), fast.sv2Perp().length);
        assertArrayEquals(generic.sv2Star(), fast.sv2Star(), 1e-12);
        assertArrayEquals(generic.sv2Perp(), fast.sv2Perp(), 1e-12);
        assertEquals(generic.bwNorm(), fast.bwNorm(), 1e-12);
        assertEquals(generic.distance(), fast.distance(), 1e-12);
        assertEquals(generic.trainingLoss(), fast.trainingLoss(), 0.0);
        if (kp == k || insideStarSpan) {
            assertTrue(fast.distance() < 1, "a genuine angle: " + fast.distance());
        }
    }
}
