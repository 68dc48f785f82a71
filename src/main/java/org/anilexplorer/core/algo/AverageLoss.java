package org.anilexplorer.core.algo;

import java.util.Arrays;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.problem.GroundTruth;
import org.anilexplorer.core.problem.Initialization;
import org.anilexplorer.core.problem.TaskPool;
import org.ejml.data.DMatrixRMaj;

/**
 * The non-meta baseline of Collins et al. (docs/math.md §3.9): one shared (B, w), plain gradient descent with step β on
 * the average training loss of the tasks (all m = m_in + m_out samples of each task), no inner step:
 * <pre>
 *   F(B, w) = (1/N) Σ_i (1/(2m)) ‖y_i − X_i B w‖²,   ∇_B F = r̄ wᵀ,  ∇_w F = Bᵀ r̄,   r̄ = (1/N) Σ_i (Σ̂_i B w − b_i)
 * </pre>
 * Infinite samples use ½‖B w − θ⋆,i‖² + σ²/2. {@code update_head_outer = false} freezes w (its only step is the
 * "outer" one). Per-chunk partial sums are reduced in chunk order (thread-count independent).
 */
final class AverageLoss extends ChunkedDynamics {

    private final int d;
    private final int kp;
    private final int n;
    private final double beta;
    private final int chunks;

    private final DMatrixRMaj b;
    private final double[] w;

    private TaskPool pool;
    private final double[] v;
    private final double[][] rSum;
    private final double[] lossSum;
    private final double[] touchSum;
    private final double[][] rBuf;
    private final TaskRows[] sampleRows;
    private final Kernels kernels;
    private final double[] rTotal;
    private final DMatrixRMaj gradB;
    private final double[] gradW;
    private final ChunkExecutor.ChunkTask pass = this::pass;

    AverageLoss(Params p, GroundTruth truth, long seed, int threads) {
        this(p, truth, seed, threads, Kernels.preferred());
    }

    /** @param kernels the hot loops (vector or scalar: the same bits) */
    AverageLoss(Params p, GroundTruth truth, long seed, int threads, Kernels kernels) {
        super(p, truth, seed, threads, "anil-avg", p.d());
        this.kernels = kernels;
        this.d = p.d();
        this.kp = p.kPrime();
        this.beta = p.beta();
        this.n = tasks.tasks();
        this.chunks = tasks.chunks();
        Initialization init = Initialization.sample(p, seed);
        this.b = init.b0().copy();
        this.w = init.w0().clone();
        this.v = new double[d];
        this.rSum = new double[chunks][d];
        this.lossSum = new double[chunks];
        this.touchSum = new double[chunks];
        this.rBuf = new double[tasks.workers()][d];
        this.sampleRows = new TaskRows[tasks.workers()];
        int taskRows = (p.mIn().finite() ? p.mIn().get() : 0) + (p.mOut().finite() ? p.mOut().get() : 0);
        for (int k = 0; k < sampleRows.length; k++) {
            sampleRows[k] = kernels.taskRows(taskRows, d);
        }
        this.rTotal = new double[d];
        this.gradB = new DMatrixRMaj(d, kp);
        this.gradW = new double[kp];
        this.magnitude = VectorOps.norm2(b.data, 0, d * kp) + VectorOps.norm2(w, 0, kp);
    }

    /** r̄ and the loss at θ_t; then ∇_B = r̄ wᵀ and ∇_w = Bᵀ r̄. */
    void computeGradient() {
        runPass();
        double[] gb = gradB.data;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < kp; j++) {
                gb[i * kp + j] = rTotal[i] * w[j];
            }
        }
        Arrays.fill(gradW, 0);
        for (int i = 0; i < d; i++) {
            VectorOps.axpy(rTotal[i], b.data, i * kp, gradW, 0, kp);
        }
    }

    DMatrixRMaj gradB() {
        return gradB;
    }

    double[] gradW() {
        return gradW;
    }

    private void runPass() {
        pool = tasks.tasksAt(iteration);
        VectorOps.timesVector(b.data, d, kp, w, v);
        tasks.run(pass);
        Arrays.fill(rTotal, 0);
        for (int c = 0; c < chunks; c++) {
            VectorOps.axpy(1.0 / n, rSum[c], rTotal, d);
        }
    }

    private void pass(int c, int worker) {
        int from = tasks.from(c);
        int to = tasks.to(c);
        double[] r = rBuf[worker];
        double[] rs = rSum[c];
        Arrays.fill(rs, 0);
        double loss = 0;
        int rows = pool.rows();
        TaskRows buffer = sampleRows[worker];
        int group = FiniteMetaLearning.GROUP;
        boolean ahead = rows > 0 && kernels.readsInPlace();
        double touched = ahead ? TaskPrefetch.touch(pool, from, Math.min(to, from + group)) : 0;
        for (int i = from; i < to; i++) {
            if (ahead && (i - from) % group == 0) {
                touched += TaskPrefetch.touch(pool, i + group, Math.min(to, i + 2 * group));
            }
            if (rows > 0) {
                double sq = buffer.residualGradient(pool.slab(i), pool.offset(i), pool.labelsAt(), 0, rows, v, r);
                loss += 0.5 * sq / rows;
            } else {
                double[] th = pool.thetas();
                double sq = 0;
                for (int j = 0; j < d; j++) {
                    double e = v[j] - th[i * d + j];
                    r[j] = e;
                    sq += e * e;
                }
                loss += 0.5 * sq + 0.5 * truth.sigma2();
            }
            VectorOps.axpy(1.0, r, rs, d);
        }
        lossSum[c] = loss;
        touchSum[c] = touched;
    }

    @Override
    public void step() {
        computeGradient();
        double[] bd = b.data;
        double mag = 0;
        for (int i = 0; i < bd.length; i++) {
            bd[i] -= beta * gradB.data[i];
            mag += bd[i] * bd[i];
        }
        if (params.updateHeadOuter()) {
            for (int j = 0; j < kp; j++) {
                w[j] -= beta * gradW[j];
            }
        }
        magnitude = mag + VectorOps.norm2(w, 0, kp);
        iteration++;
    }

    @Override
    public DynamicsState saveState() {
        return saveModel(b, w);
    }

    @Override
    public void restoreState(DynamicsState s) {
        restoreModel(s, b, w);
    }

    @Override
    public ModelState state() {
        return ModelState.of(iteration, truth, b, w);
    }

    @Override
    public double trainingLoss() {
        runPass();
        return TaskChunks.sum(lossSum) / n;
    }

    @Override
    public double flopsPerIteration() {
        int rows = params.mIn().finite() ? params.mIn().get() + params.mOut().get() : 0;
        double perTask = (rows > 0 ? 4.0 * rows * d : 3.0 * d) + d;
        return n * perTask + 2.0 * d * kp + 2.0 * d * kp + 2.0 * d * kp + 4.0 * d * kp;
    }
}
