package org.anilexplorer.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The eigendecomposition form of ridge against a direct linear solve of (FᵀF + mλI)ŵ = Fᵀy. */
class RidgePathTest {

    private static final double[] LAMBDAS = {1e-7, 1e-4, 0.03, 1, 40, 5e3};

    /** General representation R (d×p): the primal path (p ≤ m) and the kernel path (p &gt; m). */
    @ParameterizedTest(name = "d={0}, p={1}, m={2}")
    @CsvSource({"20, 5, 12", "20, 12, 12", "20, 16, 12", "30, 30, 7", "6, 4, 40"})
    void generalPathMatchesDirectSolve(int d, int p, int m) {
        SplittableRandom rng = new SplittableRandom(d * 1000L + p * 10L + m);
        DMatrixRMaj r = gaussian(rng, d, p, 0.7);
        DMatrixRMaj x = gaussian(rng, m, d, 1.0);
        DMatrixRMaj f = new DMatrixRMaj(m, p);
        CommonOps_DDRM.mult(x, r, f);
        double[] y = gaussian(rng, m, 1, 2.0).data;
        double[] thetaStar = gaussian(rng, d, 1, 1.0).data;

        RidgePath path = new RidgePath(d, p, m);
        path.prepare(r, f, y);
        double[] estimate = new double[d];
        for (double lambda : LAMBDAS) {
            double[] direct = direct(r, f, y, lambda);
            path.estimate(lambda, estimate);
            assertClose(direct, estimate, tolerance(f, lambda), "λ = " + lambda);
        }
        LambdaGrid grid = LambdaGrid.scaled(3.0);
        double[] risks = new double[grid.size()];
        path.squaredErrors(grid, thetaStar, risks);
        for (int l = 0; l < grid.size(); l++) {
            double expected = squaredDistance(direct(r, f, y, grid.get(l)), thetaStar);
            assertEquals(expected, risks[l], 1e-9 * expected, "grid point " + l);
        }
    }

    /** R = null is the identity (single-task ridge), primal and kernel paths. */
    @ParameterizedTest(name = "d={0}, m={1}")
    @CsvSource({"20, 12", "8, 12"})
    void identityRepresentationMatchesDirectSolve(int d, int m) {
        SplittableRandom rng = new SplittableRandom(d + 31L * m);
        DMatrixRMaj x = gaussian(rng, m, d, 1.0);
        double[] y = gaussian(rng, m, 1, 1.0).data;
        RidgePath path = new RidgePath(d, d, m);
        path.prepare(null, x, y);
        double[] estimate = new double[d];
        for (double lambda : LAMBDAS) {
            path.estimate(lambda, estimate);
            assertClose(direct(CommonOps_DDRM.identity(d), x, y, lambda), estimate, tolerance(x, lambda),
                    "λ = " + lambda);
        }
    }

    /**
     * Orthonormal R with θ⋆ ∈ col(R) (oracle and single-task ridge): the O(r)-per-λ risk formula against the direct
     * solve, for R = Q (d×p orthonormal) and R = I.
     */
    @ParameterizedTest(name = "d={0}, p={1}, m={2}")
    @CsvSource({"20, 5, 12", "20, 16, 12", "20, 20, 12", "9, 9, 12", "15, 3, 3"})
    void orthonormalPathMatchesDirectSolve(int d, int p, int m) {
        SplittableRandom rng = new SplittableRandom(7L * d + 13L * p + m);
        DMatrixRMaj q = p == d ? CommonOps_DDRM.identity(d) : orthonormal(rng, d, p);
        DMatrixRMaj x = gaussian(rng, m, d, 1.0);
        DMatrixRMaj f = new DMatrixRMaj(m, p);
        CommonOps_DDRM.mult(x, q, f);
        double[] u = gaussian(rng, p, 1, 1.3).data;
        DMatrixRMaj theta = new DMatrixRMaj(d, 1);
        CommonOps_DDRM.mult(q, DMatrixRMaj.wrap(p, 1, u), theta);
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                s += x.get(i, j) * theta.data[j];
            }
            y[i] = s + 0.8 * rng.nextGaussian();
        }
        OrthonormalRidgePath path = new OrthonormalRidgePath(p, m);
        path.prepare(f, y, u);
        LambdaGrid grid = LambdaGrid.scaled(1.0);
        double[] risks = new double[grid.size()];
        path.squaredErrors(grid, risks);
        for (int l = 0; l < grid.size(); l++) {
            double expected = squaredDistance(direct(q, f, y, grid.get(l)), theta.data);
            assertEquals(expected, risks[l], 1e-9 * Math.max(expected, 1e-3), "grid point " + l);
        }
    }

    /** θ̂ = R ŵ with ŵ from an LU solve of the p×p normal equations: the textbook form, no eigendecomposition. */
    private static double[] direct(DMatrixRMaj r, DMatrixRMaj f, double[] y, double lambda) {
        int m = f.numRows;
        int p = f.numCols;
        DMatrixRMaj normal = new DMatrixRMaj(p, p);
        CommonOps_DDRM.multTransA(f, f, normal);
        for (int i = 0; i < p; i++) {
            normal.add(i, i, m * lambda);
        }
        DMatrixRMaj rhs = new DMatrixRMaj(p, 1);
        CommonOps_DDRM.multTransA(f, DMatrixRMaj.wrap(m, 1, y.clone()), rhs);
        DMatrixRMaj w = new DMatrixRMaj(p, 1);
        assertTrue(CommonOps_DDRM.solve(normal, rhs, w));
        DMatrixRMaj theta = new DMatrixRMaj(r.numRows, 1);
        CommonOps_DDRM.mult(r, w, theta);
        return theta.data;
    }

    /**
     * The direct solve is only as good as the conditioning of FᵀF + mλI, which is about ‖F‖²/(mλ) when F has a null
     * space (p &gt; m): allow 1e-9 or 1e-14 times that condition number, whichever is larger.
     */
    private static double tolerance(DMatrixRMaj f, double lambda) {
        double frob2 = 0;
        for (int i = 0; i < f.getNumElements(); i++) {
            frob2 += f.data[i] * f.data[i];
        }
        double condition = (frob2 + f.numRows * lambda) / (f.numRows * lambda);
        return Math.max(1e-9, 1e-14 * condition);
    }

    private static DMatrixRMaj gaussian(SplittableRandom rng, int rows, int cols, double scale) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = scale * rng.nextGaussian();
        }
        return m;
    }

    private static DMatrixRMaj orthonormal(SplittableRandom rng, int d, int p) {
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(d, p);
        assertTrue(qr.decompose(gaussian(rng, d, p, 1.0)));
        return qr.getQ(null, true);
    }

    private static double squaredDistance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return s;
    }

    private static void assertClose(double[] expected, double[] actual, double relative, String message) {
        double norm = Math.sqrt(squaredDistance(expected, new double[expected.length]));
        double error = Math.sqrt(squaredDistance(expected, actual));
        assertTrue(error <= relative * Math.max(norm, 1e-12), message + ": error " + error + " vs norm " + norm);
    }
}
