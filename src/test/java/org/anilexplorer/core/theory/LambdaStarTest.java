package org.anilexplorer.core.theory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.anilexplorer.core.params.Count;
import org.anilexplorer.core.params.Params;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** Eq. (8) in its equivalent forms (docs/math.md §4.1) and its α-invariance (I15). */
class LambdaStarTest {

    private static final Params REF = Params.defaults().with("tasks", "inf").with("d", "50").with("k", "5")
            .with("k_prime", "50").with("m_in", "20").with("sigma2", "4").with("alpha", "0.1").with("beta", "0.1")
            .with("task_cov", "0.333333333333333333,0.666666666666666667,1,1.33333333333333333,1.66666666666666667");

    @Test
    void referenceConfigurationMatchesTheDocumentedValues() {
        // docs/math.md §9 I2: αΛ⋆ = [0.4167, 0.5797, 0.6667, 0.7207, 0.7576] for Σ⋆ = diag(1..5)/3, σ² = 4, m_in = 20
        double[] scaled = LambdaStar.scaledDiagonal(REF.taskCovDiagonal(), REF.sigma2(), REF.mIn());
        assertArrayEquals(new double[] {0.4167, 0.5797, 0.6667, 0.7207, 0.7576}, scaled, 5e-5);
        double[] eig = LambdaStar.eigenvalues(REF);
        for (int j = 0; j < 5; j++) {
            assertEquals(scaled[4 - j] / 0.1, eig[j], 1e-12);
        }
    }

    @Test
    void diagonalFormEqualsEquation8AndTheFixedPointForm() {
        double[] s = {0.2, 0.9, 1.7, 3.0};
        double sigma2 = 0.6;
        double alpha = 0.37;
        Count mIn = Count.of(13);
        DMatrixRMaj sigma = CommonOps_DDRM.diag(s);
        DMatrixRMaj eq8 = LambdaStar.equation8(sigma, sigma2, mIn, alpha);
        double tilde = 0.2 + 0.9 + 1.7 + 3.0 + sigma2;
        double m = 13;
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                // Λ⋆ = (m/α) Σ⋆ ((m+1)Σ⋆ + σ̃² I)⁻¹, diagonal here
                double fixedPoint = i == j ? m / alpha * s[i] / ((m + 1) * s[i] + tilde) : 0;
                assertEquals(fixedPoint, eq8.get(i, j), 1e-13);
                double diagonalForm = i == j ? LambdaStar.scaledEigenvalue(s[i], tilde, mIn) / alpha : 0;
                assertEquals(diagonalForm, eq8.get(i, j), 1e-13);
            }
        }
    }

    @Test
    void isotropicForm() {
        // Σ⋆ = cI: Λ⋆ = (1/α) · m c/((m+1+k)c + σ²) · I
        Params p = REF.with("task_cov", "0.7,0.7,0.7,0.7,0.7").with("sigma2", "1.3").with("alpha", "0.25");
        double expected = 20 * 0.7 / ((20 + 1 + 5) * 0.7 + 1.3) / 0.25;
        for (double v : LambdaStar.eigenvalues(p)) {
            assertEquals(expected, v, 1e-12);
        }
    }

    @Test
    void equation8HoldsForANonDiagonalCovarianceAsTheFixedPointForm() {
        DMatrixRMaj sigma = new DMatrixRMaj(new double[][] {{1.0, 0.3, 0.0}, {0.3, 0.8, -0.2}, {0.0, -0.2, 0.5}});
        double sigma2 = 0.4;
        Count mIn = Count.of(7);
        DMatrixRMaj eq8 = LambdaStar.equation8(sigma, sigma2, mIn, 0.5);
        double tilde = CommonOps_DDRM.trace(sigma) + sigma2;
        DMatrixRMaj inner = sigma.copy();
        CommonOps_DDRM.scale(8, inner);
        for (int j = 0; j < 3; j++) {
            inner.add(j, j, tilde);
        }
        CommonOps_DDRM.invert(inner);
        DMatrixRMaj fixedPoint = new DMatrixRMaj(3, 3);
        CommonOps_DDRM.mult(7 / 0.5, sigma, inner, fixedPoint);
        assertTrue(CommonOps_DDRM.elementMaxAbs(CommonOps_DDRM.subtract(eq8, fixedPoint, null)) < 1e-13);
    }

    @Test
    void scaledLimitIsIndependentOfAlphaAndBelowIdentity() {
        // I15: αΛ⋆ does not depend on α; αΛ⋆ ≺ I for finite m_in, and → I as m_in → ∞
        for (double alpha : new double[] {0.01, 0.1, 0.7}) {
            Params p = REF.with("alpha", Double.toString(alpha));
            double[] eig = LambdaStar.eigenvalues(p);
            double[] ref = LambdaStar.eigenvalues(REF);
            for (int j = 0; j < eig.length; j++) {
                assertEquals(ref[j] * 0.1, eig[j] * alpha, 1e-14);
                assertTrue(eig[j] * alpha < 1);
            }
        }
        for (double v : LambdaStar.eigenvalues(REF.with("m_in", "inf"))) {
            assertEquals(1 / 0.1, v, 1e-12);
        }
        double big = LambdaStar.scaledEigenvalue(1.0, 9, Count.of(1_000_000_000));
        assertTrue(big < 1 && big > 1 - 1e-8);
    }
}
