package org.anilexplorer.core.algo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.problem.GroundTruth;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * I1 (docs/math.md §9 and §3.6, Lemma 15 / eq. (7)): at a fixed random (B, w), averages over N sampled tasks (Gaussian X with
 * m_in inner and m_out outer rows, Gaussian noise) of w_{t,i}w_{t,i}ᵀ, w⋆w_{t,i}ᵀ, the FO outer gradients and the
 * ANIL loss converge to the closed forms the infinite-task dynamics uses. For the matrices (many degrees of freedom)
 * the error shrinks by ≈ 4 when N grows 16-fold (accepted: [2.5, 6]), i.e. there is no bias; the scalar loss is
 * checked with a z-test (its error over a few replicates is too noisy for a ratio).
 */
class InfiniteTaskMonteCarloTest {

    private static final int D = 12;
    private static final int K = 3;
    private static final int KP = 6;
    private static final int M_IN = 7;
    private static final int M_OUT = 5;
    private static final int N = 3000;
    private static final int REPLICATES = 3;

    @ParameterizedTest(name = "mean = ''{0}''")
    @ValueSource(strings = {"", "0.8,-0.6,0.4"})
    void sampleAveragesConvergeToTheClosedForms(String mean) {
        Params p = Params.defaults().with("tasks", "inf").with("d", "" + D).with("k", "" + K).with("k_prime", "" + KP)
                .with("m_in", "" + M_IN).with("m_out", "" + M_OUT).with("sigma2", "1.5").with("alpha", "0.2")
                .with("beta", "0.1").with("task_cov", "0.5,1,1.5").with("task_mean", mean);
        GroundTruth truth = GroundTruth.sample(p, 21);
        SplittableRandom rng = new SplittableRandom(99);
        DMatrixRMaj b = new DMatrixRMaj(D, KP);
        for (int i = 0; i < b.data.length; i++) {
            b.data[i] = 0.5 * rng.nextGaussian();
        }
        double[] w = new double[KP];
        for (int j = 0; j < KP; j++) {
            w[j] = 0.4 * rng.nextGaussian();
        }

        // closed forms, as the dynamics computes them; the gradients are read off one step of the recursion
        InfiniteTaskDynamics dyn = new InfiniteTaskDynamics(p, truth, b, w);
        double[] exact = new double[KP * KP + K * KP + D * KP + KP + 2];
        Flat flat = new Flat(exact);
        flat.put(dyn.headSecondMoment().data);
        flat.put(dyn.crossMoment().data);
        exact[exact.length - 2] = dyn.trainingLoss();
        dyn.step();
        DMatrixRMaj b1 = dyn.representation();
        double[] w1 = dyn.head();
        for (int i = 0; i < D * KP; i++) {
            flat.put1((b.data[i] - b1.data[i]) / p.beta());
        }
        for (int j = 0; j < KP; j++) {
            flat.put1((w[j] - w1[j]) / p.beta());
        }

        int[] blocks = {KP * KP, K * KP, D * KP, KP};
        String[] names = {"E[w_i w_iᵀ]", "E[w⋆ w_iᵀ]", "∇_B", "∇_w"};
        double[] small = new double[blocks.length];
        double[] large = new double[blocks.length];
        double lossSum = 0;
        double lossSqSum = 0;
        for (int rep = 0; rep < REPLICATES; rep++) {
            accumulate(small, exact, blocks, sample(truth, b, w, p.alpha(), N, rng));
            double[] big = sample(truth, b, w, p.alpha(), 16 * N, rng);
            accumulate(large, exact, blocks, big);
            lossSum += big[big.length - 2];
            lossSqSum += big[big.length - 1];
        }
        for (int q = 0; q < blocks.length; q++) {
            double ratio = Math.sqrt(small[q] / large[q]);
            assertTrue(ratio >= 2.5 && ratio <= 6, names[q] + ": error(N)/error(16N) = " + ratio);
        }
        int count = REPLICATES * 16 * N;
        double lossMean = lossSum / REPLICATES;
        double lossVar = lossSqSum / REPLICATES - lossMean * lossMean;
        double z = (lossMean - exact[exact.length - 2]) / Math.sqrt(lossVar / count);
        assertTrue(Math.abs(z) < 4, "loss: Monte Carlo " + lossMean + " vs closed form " + exact[exact.length - 2]
                + ", z = " + z);
    }

    /** Adds the squared relative Frobenius error of each block. */
    private static void accumulate(double[] sumSq, double[] exact, int[] blocks, double[] estimate) {
        int off = 0;
        for (int q = 0; q < blocks.length; q++) {
            double err = 0;
            double norm = 0;
            for (int i = off; i < off + blocks[q]; i++) {
                err += (estimate[i] - exact[i]) * (estimate[i] - exact[i]);
                norm += exact[i] * exact[i];
            }
            sumSq[q] += err / norm;
            off += blocks[q];
        }
    }

    /** Sample averages over `tasks` tasks, in the layout of `exact`. */
    private static double[] sample(GroundTruth truth, DMatrixRMaj b, double[] w, double alpha, int tasks,
                                   SplittableRandom rng) {
        double sigma = Math.sqrt(truth.sigma2());
        double[] out = new double[KP * KP + K * KP + D * KP + KP + 2]; // …, mean loss, mean squared loss
        double[] head = new double[K];
        double[] theta = new double[D];
        double[] bw = new double[D];
        double[] x = new double[D];
        double[] wi = new double[KP];
        double[] g = new double[KP];
        double[] bwi = new double[D];
        double[] rOut = new double[D];
        for (int t = 0; t < tasks; t++) {
            truth.sampleHead(rng, head);
            truth.theta(head, theta);
            mult(b, w, bw);
            // inner step (4): w_i = w − (α/m_in) Bᵀ X_inᵀ (X_in B w − y_in)
            java.util.Arrays.fill(g, 0);
            double[] xr = new double[D];
            for (int s = 0; s < M_IN; s++) {
                double res = 0;
                for (int i = 0; i < D; i++) {
                    x[i] = rng.nextGaussian();
                    res += x[i] * (bw[i] - theta[i]);
                }
                res -= sigma * rng.nextGaussian();
                for (int i = 0; i < D; i++) {
                    xr[i] += x[i] * res;
                }
            }
            multTrans(b, xr, g);
            for (int j = 0; j < KP; j++) {
                wi[j] = w[j] - alpha / M_IN * g[j];
            }
            // outer FO gradient at (B, w_i): r = X_outᵀ(X_out B w_i − y_out)/m_out, ∇_B = r w_iᵀ, ∇_w = Bᵀ r
            mult(b, wi, bwi);
            java.util.Arrays.fill(rOut, 0);
            for (int s = 0; s < M_OUT; s++) {
                double res = 0;
                for (int i = 0; i < D; i++) {
                    x[i] = rng.nextGaussian();
                    res += x[i] * (bwi[i] - theta[i]);
                }
                res -= sigma * rng.nextGaussian();
                for (int i = 0; i < D; i++) {
                    rOut[i] += x[i] * res / M_OUT;
                }
            }
            int off = 0;
            for (int i = 0; i < KP; i++) {
                for (int j = 0; j < KP; j++) {
                    out[off++] += wi[i] * wi[j];
                }
            }
            for (int i = 0; i < K; i++) {
                for (int j = 0; j < KP; j++) {
                    out[off++] += head[i] * wi[j];
                }
            }
            for (int i = 0; i < D; i++) {
                for (int j = 0; j < KP; j++) {
                    out[off++] += rOut[i] * wi[j];
                }
            }
            multTrans(b, rOut, g);
            for (int j = 0; j < KP; j++) {
                out[off++] += g[j];
            }
            // ANIL objective (1): L_i(B, w_i) = ½‖Bw_i − B⋆w⋆‖² + σ²/2
            double l = 0;
            for (int i = 0; i < D; i++) {
                l += (bwi[i] - theta[i]) * (bwi[i] - theta[i]);
            }
            double loss = 0.5 * l + 0.5 * truth.sigma2();
            out[off] += loss;
            out[off + 1] += loss * loss;
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= tasks;
        }
        return out;
    }

    private static void mult(DMatrixRMaj m, double[] v, double[] out) {
        for (int i = 0; i < m.numRows; i++) {
            double s = 0;
            for (int j = 0; j < m.numCols; j++) {
                s += m.unsafe_get(i, j) * v[j];
            }
            out[i] = s;
        }
    }

    private static void multTrans(DMatrixRMaj m, double[] v, double[] out) {
        java.util.Arrays.fill(out, 0);
        for (int i = 0; i < m.numRows; i++) {
            for (int j = 0; j < m.numCols; j++) {
                out[j] += m.unsafe_get(i, j) * v[i];
            }
        }
    }

    /** Sequential writer into a flat array. */
    private static final class Flat {
        private final double[] target;
        private int pos;

        Flat(double[] target) {
            this.target = target;
        }

        void put(double[] values) {
            System.arraycopy(values, 0, target, pos, values.length);
            pos += values.length;
        }

        void put1(double v) {
            target[pos++] = v;
        }
    }
}
