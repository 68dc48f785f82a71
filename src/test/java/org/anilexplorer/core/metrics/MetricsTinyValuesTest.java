package org.anilexplorer.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Eigenvalues of Gram matrices whose entries are tiny or subnormal (an exponentially unlearned B⋆,⊥ᵀB). */
class MetricsTinyValuesTest {

    @Test
    void subnormalGramMatrixHasFiniteEigenvalues() {
        // diag(4, 1, 0)·1e-318 is subnormal; eigenvalues are the diagonal (up to subnormal precision, ~1e-323)
        DMatrixRMaj g = new DMatrixRMaj(new double[][] {{4e-318, 0, 0}, {0, 1e-318, 0}, {0, 0, 0}});
        double[] ev = Metrics.symmetricEigenvaluesDescending(g, 3);
        assertArrayEquals(new double[] {4e-318, 1e-318, 0}, ev, 1e-321);
    }

    @Test
    void tinyButNormalValuesKeepFullRelativePrecision() {
        // [[2, 1], [1, 2]]·1e-200: eigenvalues 3e-200 and 1e-200
        DMatrixRMaj g = new DMatrixRMaj(new double[][] {{2e-200, 1e-200}, {1e-200, 2e-200}});
        double[] ev = Metrics.symmetricEigenvaluesDescending(g, 2);
        assertEquals(3e-200, ev[0], 3e-214);
        assertEquals(1e-200, ev[1], 1e-214);
    }

    @Test
    void blockCoupledByTinyEntriesToAZeroBlock() {
        // G = DᵀD for D whose last columns vanished (1e-150·1e-31): the eigenvalues are those of the leading 2×2
        // block [[a, c], [c, b]] up to O(1e-300), i.e. (a+b)/2 ± √(((a−b)/2)² + c²), and zeros.
        double a = 4.018e-32;
        double b = 6.890e-32;
        double c = 7.621e-33;
        DMatrixRMaj g = new DMatrixRMaj(5, 5);
        g.set(0, 0, a);
        g.set(1, 1, b);
        g.set(0, 1, c);
        g.set(1, 0, c);
        double[] coupling = {-4.6e-181, -1.9e-181, 4.6e-181};
        for (int j = 0; j < 3; j++) {
            g.set(0, 2 + j, coupling[j]);
            g.set(2 + j, 0, coupling[j]);
            g.set(1, 2 + j, 2 * coupling[j]);
            g.set(2 + j, 1, 2 * coupling[j]);
        }
        double mid = (a + b) / 2;
        double rad = Math.sqrt((a - b) * (a - b) / 4 + c * c);
        double[] ev = Metrics.symmetricEigenvaluesDescending(g, 5);
        assertEquals(mid + rad, ev[0], 1e-14 * b);
        assertEquals(mid - rad, ev[1], 1e-14 * b);
        assertEquals(0.0, ev[2], 1e-15 * b);
    }

    @Test
    void zeroMatrixHasZeroEigenvalues() {
        assertArrayEquals(new double[] {0, 0}, Metrics.symmetricEigenvaluesDescending(new DMatrixRMaj(3, 3), 2), 0.0);
    }
}
