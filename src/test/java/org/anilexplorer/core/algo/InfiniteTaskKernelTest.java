package org.anilexplorer.core.algo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.problem.GroundTruth;
import org.anilexplorer.core.problem.Initialization;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One step of the blocked infinite-task kernel (F = I − βE built from Z's rows, then Z F) equals the same update
 * written the other way round with plain loops: N = ZZᵀ, K, Z − βKZ − β(Za − μ̄)aᵀ − β(α²/m_in)(Zu)uᵀ (the form
 * of docs/math.md §3.7), to ~1e-12 relative, at shapes on and off the kernel's 4 × 2 blocks.
 */
class InfiniteTaskKernelTest {

    @ParameterizedTest(name = "d={0} k={1} k''={2} m_in={3}")
    @CsvSource({
            "50, 5, 50, 20, ''",            // the benchmark's shape
            "50, 5, 50, inf, ''",
            "12, 3, 7, 6, '0.5,-1,2'",      // k' not a multiple of the block
            "12, 3, 7, inf, '0.5,-1,2'",
            "9, 3, 1, 4, ''",               // k' = 1
            "9, 3, 1, inf, '1,1,1'",
            "10, 4, 2, 3, '1,0,-1,2'",      // k' < k
            "10, 4, 2, inf, ''",
            "8, 2, 13, 5, '0.3,0.2'",       // n = 8 < k'
            "40, 6, 9, 2, ''"})             // n = k + k' = 15 > k'
    void oneStepEqualsThePlainUpdate(int d, int k, int kp, String mIn, String mean) {
        Params p = Params.defaults().with("tasks", "inf").with("d", "" + d).with("k", "" + k).with("k_prime", "" + kp)
                .with("m_in", mIn).with("task_mean", mean).with("alpha", "0.35").with("beta", "0.25")
                .with("sigma2", "0.6").with("task_cov", "linear").with("init_scale", "1.1").with("w0_scale", "0.9");
        for (long seed = 1; seed <= 3; seed++) {
            GroundTruth truth = GroundTruth.sample(p, seed);
            Initialization init = Initialization.sample(p, seed);
            InfiniteTaskDynamics fast = new InfiniteTaskDynamics(p, truth, init.b0(), init.w0());
            for (int t = 0; t < 3; t++) {
                double[][] z = rows(fast.coordinates());
                double[] w = fast.head();
                double[][] expectedZ = new double[z.length][];
                double[] expectedW = plainStep(z, w, truth, p, expectedZ);
                fast.step();
                double[][] gotZ = rows(fast.coordinates());
                assertTrue(relativeError(gotZ, expectedZ) < 1e-12,
                        "Z after step " + (t + 1) + ", seed " + seed + ": " + relativeError(gotZ, expectedZ));
                assertTrue(relativeError(new double[][] {fast.head()}, new double[][] {expectedW}) < 1e-12,
                        "w after step " + (t + 1) + ", seed " + seed);
            }
        }
    }

    /** The update in Z coordinates with N = ZZᵀ and K, plain loops; returns w_{t+1} and fills zOut. */
    private static double[] plainStep(double[][] z, double[] w, GroundTruth truth, Params p, double[][] zOut) {
        int n = z.length;
        int kp = w.length;
        int k = truth.k();
        double alpha = p.alpha();
        double beta = p.beta();
        double invM = p.mIn().reciprocal();
        double[] s = truth.sigmaDiag();
        double[] mu = truth.mean();
        double[] vc = new double[n];
        double v2 = 0;
        for (int i = 0; i < n; i++) {
            double yi = 0;
            for (int j = 0; j < kp; j++) {
                yi += z[i][j] * w[j];
            }
            vc[i] = yi - (i < k ? mu[i] : 0);
            v2 += vc[i] * vc[i];
        }
        double[] u = new double[kp];
        for (int j = 0; j < kp; j++) {
            for (int i = 0; i < n; i++) {
                u[j] += z[i][j] * vc[i];
            }
        }
        double[] a = new double[kp];
        for (int j = 0; j < kp; j++) {
            a[j] = w[j] - alpha * u[j];
        }
        double[] zu = new double[n];
        double[] ac = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < kp; j++) {
                zu[i] += z[i][j] * u[j];
            }
            ac[i] = vc[i] - alpha * zu[i];
        }
        double gamma = alpha * alpha * invM * (v2 + truth.traceSigma() + truth.sigma2());
        double[][] nn = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < n; l++) {
                for (int j = 0; j < kp; j++) {
                    nn[i][l] += z[i][j] * z[l][j];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            zOut[i] = new double[kp];
            for (int j = 0; j < kp; j++) {
                double kz = 0;
                for (int l = 0; l < n; l++) {
                    double kil = gamma * nn[i][l]
                            + (l < k ? alpha * alpha * (1 + invM) * s[l] * nn[i][l] - (l == i ? alpha * s[l] : 0) : 0);
                    kz += kil * z[l][j];
                }
                zOut[i][j] = z[i][j] - beta * kz - beta * ac[i] * a[j] - beta * alpha * alpha * invM * zu[i] * u[j];
            }
        }
        double[] wNext = w.clone();
        if (p.updateHeadOuter()) {
            for (int j = 0; j < kp; j++) {
                double g = 0;
                for (int i = 0; i < n; i++) {
                    g += z[i][j] * ac[i];
                }
                wNext[j] -= beta * g;
            }
        }
        return wNext;
    }

    private static double[][] rows(DMatrixRMaj m) {
        double[][] r = new double[m.numRows][m.numCols];
        for (int i = 0; i < m.numRows; i++) {
            System.arraycopy(m.data, i * m.numCols, r[i], 0, m.numCols);
        }
        return r;
    }

    private static double relativeError(double[][] got, double[][] expected) {
        double diff = 0;
        double scale = 0;
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                diff = Math.max(diff, Math.abs(got[i][j] - expected[i][j]));
                scale = Math.max(scale, Math.abs(expected[i][j]));
            }
        }
        return diff / Math.max(scale, Double.MIN_NORMAL);
    }
}
