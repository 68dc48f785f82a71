package org.anilexplorer.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.junit.jupiter.api.Test;

/** The values-only symmetric solver against matrices built with a known spectrum, A = Q diag(λ) Qᵀ. */
class SymmetricEigenvaluesTest {

    private static DMatrixRMaj withSpectrum(double[] lambda, long seed) {
        int n = lambda.length;
        SplittableRandom rng = new SplittableRandom(seed);
        DMatrixRMaj g = new DMatrixRMaj(n, n);
        Arrays.setAll(g.data, i -> rng.nextGaussian());
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(n, n);
        qr.decompose(g);
        DMatrixRMaj q = qr.getQ(null, false);
        DMatrixRMaj ql = q.copy();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                ql.set(i, j, q.get(i, j) * lambda[j]);
            }
        }
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(ql, q, a);
        return a;
    }

    private static void assertSpectrum(double[] lambda, DMatrixRMaj a, double tol) {
        double[] expected = lambda.clone();
        Arrays.sort(expected);
        double[] actual = SymmetricEigenvalues.descending(a);
        double norm = Math.max(Math.abs(expected[0]), Math.abs(expected[expected.length - 1]));
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[expected.length - 1 - i], actual[i], tol * norm, "eigenvalue " + i);
        }
    }

    @Test
    void randomSpectraOfManySizes() {
        SplittableRandom rng = new SplittableRandom(1);
        for (int n = 1; n <= 60; n += (n < 8 ? 1 : 7)) {
            double[] lambda = new double[n];
            for (int i = 0; i < n; i++) {
                lambda[i] = rng.nextGaussian() * Math.exp(2 * rng.nextGaussian());
            }
            assertSpectrum(lambda, withSpectrum(lambda, n), 1e-13);
        }
    }

    @Test
    void repeatedZeroAndClusteredEigenvalues() {
        double[] lambda = new double[50];
        for (int i = 0; i < 50; i++) {
            lambda[i] = i < 20 ? 0 : i < 35 ? 2.5 : 1 + 1e-9 * i;
        }
        assertSpectrum(lambda, withSpectrum(lambda, 7), 1e-13);
    }

    @Test
    void gradedSpectrumOfAGramMatrix() {
        // squared singular values from 1 down to 1e-12: small ones are recovered to ≈ ε·‖A‖ absolute accuracy
        double[] lambda = new double[40];
        for (int i = 0; i < 40; i++) {
            lambda[i] = Math.pow(10, -12.0 * i / 39);
        }
        assertSpectrum(lambda, withSpectrum(lambda, 3), 1e-14);
    }

    @Test
    void diagonalAndAlreadyTridiagonalInput() {
        DMatrixRMaj diag = CommonOps_DDRM.diag(3, -1, 0, 7, 7);
        assertSpectrum(new double[] {3, -1, 0, 7, 7}, diag, 1e-15);
        // the path graph's Laplacian-like tridiagonal: eigenvalues 2 − 2cos(jπ/(n+1))
        int n = 30;
        DMatrixRMaj t = new DMatrixRMaj(n, n);
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) {
            t.set(i, i, 2);
            if (i + 1 < n) {
                t.set(i, i + 1, -1);
                t.set(i + 1, i, -1);
            }
            lambda[i] = 2 - 2 * Math.cos((i + 1) * Math.PI / (n + 1));
        }
        assertSpectrum(lambda, t, 1e-14);
    }

    @Test
    void nonFiniteInputGivesNaN() {
        DMatrixRMaj a = CommonOps_DDRM.diag(1, Double.NaN);
        assertEquals(Double.NaN, SymmetricEigenvalues.descending(a)[0]);
    }
}
