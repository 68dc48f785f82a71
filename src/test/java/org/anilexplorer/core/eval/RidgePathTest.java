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

/** The eigendecomposition form of ridge against a direct linear solve of (FᵀF + mλI)ŵ = Fᵀy, θ̂ = Rŵ. */
class RidgePathTest {

    /**
     * Ridge on XR for a general representation R (d×p), computed in the SVD coordinates of {@link LearnedFeatures},
     * against the direct solve with R itself: primal (p ≤ m) and kernel (p &gt; m) paths, p &lt; d (part of θ⋆
     * outside col(R)), p = d, and rank-deficient R.
     */
    @ParameterizedTest(name = "d={0}, p={1}, m={2}, zero columns={3}")
    @CsvSource({"20, 5, 12, 0", "20, 12, 12, 0", "20, 16, 12, 0", "30, 30, 7, 0", "6, 4, 40, 0", "20, 16, 12, 9",
            "20, 8, 30, 3"})
    void learnedRidgeMatchesDirectSolve(int d, int p, int m, int zeroColumns) {
        SplittableRandom rng = new SplittableRandom(d * 1000L + p * 10L + m + 7L * zeroColumns);
        DMatrixRMaj r = gaussian(rng, d, p, 0.7);
        for (int i = 0; i < d; i++) {
            for (int j = p - zeroColumns; j < p; j++) {
                r.set(i, j, 0.0);
            }
        }
        int k = 3;
        DMatrixRMaj bStar = orthonormal(rng, d, k);
        double[] u = gaussian(rng, k, 1, 1.0).data;
        double[] thetaStar = mult(bStar, u);
        DMatrixRMaj x = gaussian(rng, m, d, 1.0);
        double[] y = mult(x, thetaStar);
        for (int i = 0; i < m; i++) {
            y[i] += 1.5 * rng.nextGaussian();
        }
        double[] head = gaussian(rng, p, 1, 1.0).data;

        LearnedFeatures learned = LearnedFeatures.of(r, head, bStar);
        // the SVD coordinates reproduce ‖B̂w‖, B⋆ᵀB̂w and ‖B̂B̂ᵀ‖
        double[] scaledHead = new double[learned.rank()];
        for (int i = 0; i < scaledHead.length; i++) {
            scaledHead[i] = learned.singularValues[i] * learned.head[i];
        }
        double[] bw = mult(r, head);
        assertEquals(norm2(bw), norm2(scaledHead), 1e-12 * norm2(bw));
        DMatrixRMaj truthTimesBasis = new DMatrixRMaj(k, learned.rank());
        CommonOps_DDRM.transpose(learned.basisTimesTruth, truthTimesBasis);
        DMatrixRMaj bStarT = new DMatrixRMaj(k, d);
        CommonOps_DDRM.transpose(bStar, bStarT);
        assertClose(mult(bStarT, bw), mult(truthTimesBasis, scaledHead), 1e-12, "B⋆ᵀB̂w");
        assertEquals(largestEigenvalueOfGram(r), learned.spectralNormSquared, 1e-10 * learned.spectralNormSquared);

        DMatrixRMaj features = new DMatrixRMaj(m, learned.rank());
        CommonOps_DDRM.mult(x, learned.featureMap, features);
        RidgePath path = new RidgePath(learned.rank(), m);
        path.prepare(features, y, learned.singularValues);
        double[] target = mult(learned.basisTimesTruth, u);
        double outside = norm2(u) - norm2(target);
        DMatrixRMaj f = new DMatrixRMaj(m, p);
        CommonOps_DDRM.mult(x, r, f);
        for (LambdaGrid grid : new LambdaGrid[] {LambdaGrid.scaled(learned.spectralNormSquared),
                LambdaGrid.scaled(1e-3)}) {
            double[] risks = new double[grid.size()];
            path.squaredErrors(grid, target, outside, risks);
            for (int l = 0; l < grid.size(); l++) {
                double expected = squaredDistance(direct(r, f, y, grid.get(l)), thetaStar);
                assertEquals(expected, risks[l], tolerance(f, grid.get(l)) * expected, "λ = " + grid.get(l));
            }
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
        double[] theta = mult(q, u);
        double[] y = mult(x, theta);
        for (int i = 0; i < m; i++) {
            y[i] += 0.8 * rng.nextGaussian();
        }
        OrthonormalRidgePath path = new OrthonormalRidgePath(p, m);
        path.prepare(f, y, u);
        for (LambdaGrid grid : new LambdaGrid[] {LambdaGrid.scaled(1.0), LambdaGrid.scaled(1e-3)}) {
            double[] risks = new double[grid.size()];
            path.squaredErrors(grid, risks);
            for (int l = 0; l < grid.size(); l++) {
                double expected = squaredDistance(direct(q, f, y, grid.get(l)), theta);
                assertEquals(expected, risks[l], tolerance(f, grid.get(l)) * Math.max(expected, 1e-3),
                        "λ = " + grid.get(l));
            }
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
        return mult(r, w.data);
    }

    /**
     * The direct solve is only as good as the conditioning of FᵀF + mλI, about ‖F‖²/(mλ) when F has a null space
     * (p &gt; m): allow 1e-9 or 1e-14 times that condition number, whichever is larger.
     */
    private static double tolerance(DMatrixRMaj f, double lambda) {
        double frob2 = norm2(f.data);
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

    private static double[] mult(DMatrixRMaj a, double[] v) {
        DMatrixRMaj out = new DMatrixRMaj(a.numRows, 1);
        CommonOps_DDRM.mult(a, DMatrixRMaj.wrap(v.length, 1, v.clone()), out);
        return out.data;
    }

    /** Power iteration on RᵀR: a route to ‖RRᵀ‖ independent of the SVD. */
    private static double largestEigenvalueOfGram(DMatrixRMaj r) {
        DMatrixRMaj gram = new DMatrixRMaj(r.numCols, r.numCols);
        CommonOps_DDRM.multTransA(r, r, gram);
        double[] v = new double[gram.numRows];
        java.util.Arrays.fill(v, 1.0);
        double value = 0;
        for (int it = 0; it < 5000; it++) {
            double[] next = mult(gram, v);
            value = Math.sqrt(norm2(next));
            for (int i = 0; i < v.length; i++) {
                v[i] = next[i] / value;
            }
        }
        return value;
    }

    private static double norm2(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v * v;
        }
        return s;
    }

    private static double squaredDistance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return s;
    }

    private static void assertClose(double[] expected, double[] actual, double relative, String message) {
        double norm = Math.sqrt(norm2(expected));
        double error = Math.sqrt(squaredDistance(expected, actual));
        assertTrue(error <= relative * Math.max(norm, 1e-12), message + ": error " + error + " vs norm " + norm);
    }
}
