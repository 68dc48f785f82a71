package org.anilexplorer.core.algo;

import java.util.Arrays;
import org.anilexplorer.core.params.HeadStep;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.problem.GroundTruth;
import org.anilexplorer.core.problem.Initialization;
import org.anilexplorer.core.problem.TaskPool;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Burer–Monteiro factorisation of multi-task regression (docs/math.md §3.8, [Y] eq. (12)): one representation B and one
 * head W⁽ⁱ⁾ per task, fitted by plain gradient descent with the single step size β on the task-averaged loss of all
 * m = m_in + m_out samples of each task of the fixed pool,
 * <pre>
 *   F(B, W) = (1/N) Σ_i L̂_i(B W⁽ⁱ⁾),   L̂_i = (1/(2m)) ‖y_i − X_i B W⁽ⁱ⁾‖²       (eq. (12), its ½ absorbed into β)
 *   ∇_B F = (1/N) Σ_i r_i W⁽ⁱ⁾ᵀ,   ∇_{W⁽ⁱ⁾} F = (1/N) Bᵀ r_i,   r_i = Σ̂_i B W⁽ⁱ⁾ − b_i
 * </pre>
 * With {@code bm_heads = per-task} each head steps on its own task loss (the 1/N dropped from its gradient).
 * B₀ is the shared initialisation of the run, W₀ = 0. Infinite samples use L_i = ½‖B W⁽ⁱ⁾ − θ⋆,i‖² + σ²/2.
 *
 * <p>Per task one pass over its samples; heads are updated in place during that pass (each task owns its head and B
 * changes only after the pass), partial sums per chunk are reduced in chunk order, so the iterates do not depend on
 * the thread count.
 */
final class BurerMonteiro extends ChunkedDynamics {

    private static final int GROUP = FiniteMetaLearning.GROUP;

    private final TaskPool pool;
    private final int d;
    private final int kp;
    private final int n;
    private final double beta;
    private final double headStepScale;
    private final int chunks;

    private final DMatrixRMaj b;
    private final double[][] bRows;
    private final double[][] bTRows;
    private final double[] heads;
    private final double[] zeroHead;

    private final double[][][] crossSum;   // per chunk Σ r_i W⁽ⁱ⁾ᵀ (d×k', as rows)
    private final double[] lossSum;
    private final double[] touchSum;
    private final double[] headNormSum;
    private final double[][][] pBuf;
    private final double[][][] rBuf;
    private final double[][][] wBuf;
    private final double[][][] zBuf;
    private final double[][][] rTBuf;
    private final TaskRows[] sampleRows;
    private final Kernels kernels;
    private final DMatrixRMaj gradB;

    // what a pass does with the head gradients: target += coef·(Bᵀ r_i)
    private double[] headTarget;
    private double headCoef;
    private boolean accumulate;
    private final ChunkExecutor.ChunkTask pass = this::pass;

    BurerMonteiro(Params p, GroundTruth truth, long seed, int threads) {
        this(p, truth, seed, threads, Kernels.preferred());
    }

    /** @param kernels the hot loops (vector or scalar: the same bits) */
    BurerMonteiro(Params p, GroundTruth truth, long seed, int threads, Kernels kernels) {
        super(p, truth, seed, threads, "anil-bm", (long) p.d() * p.kPrime());
        this.kernels = kernels;
        this.d = p.d();
        this.kp = p.kPrime();
        this.beta = p.beta();
        this.n = tasks.tasks();
        this.chunks = tasks.chunks();
        this.headStepScale = p.bmHeads() == HeadStep.AVERAGED ? 1.0 / n : 1.0;
        this.pool = tasks.tasksAt(0);
        this.b = Initialization.sample(p, seed).b0().copy();
        // rows written by the products, or read as their M, are padded to whole vectors (Kernels.padded)
        int dp = Kernels.padded(d);
        int kpp = Kernels.padded(kp);
        this.bRows = new double[d][kpp];
        this.bTRows = new double[kp][dp];
        this.heads = new double[n * kp];
        this.zeroHead = new double[kp];
        this.crossSum = new double[chunks][d][kpp];
        this.lossSum = new double[chunks];
        this.touchSum = new double[chunks];
        this.headNormSum = new double[chunks];
        int workers = tasks.workers();
        this.pBuf = new double[workers][GROUP][dp];
        this.rBuf = new double[workers][GROUP][dp];
        this.wBuf = new double[workers][GROUP][kpp];
        this.zBuf = new double[workers][GROUP][kpp];
        this.rTBuf = new double[workers][d][GROUP];
        this.sampleRows = new TaskRows[workers];
        for (int k = 0; k < workers; k++) {
            sampleRows[k] = kernels.taskRows(pool.rows(), d);
        }
        this.gradB = new DMatrixRMaj(d, kp);
        this.magnitude = VectorOps.norm2(b.data, 0, d * kp);
    }

    /** Heads W⁽ⁱ⁾ as rows (N×k'). Do not modify. */
    double[] heads() {
        return heads;
    }

    DMatrixRMaj b() {
        return b;
    }

    @Override
    public void step() {
        headTarget = heads;
        headCoef = -beta * headStepScale;
        accumulate = true;
        run();
        double[] bd = b.data;
        double mag = 0;
        for (int i = 0; i < bd.length; i++) {
            bd[i] -= beta * gradB.data[i];
            mag += bd[i] * bd[i];
        }
        magnitude = mag + TaskChunks.sum(headNormSum);
        iteration++;
    }

    /** ∇_B F into {@link #gradB} and ∇_W F (rows, N×k') into {@code gradHeads}, at the current iterate. */
    void computeGradient(double[] gradHeads) {
        Arrays.fill(gradHeads, 0);
        headTarget = gradHeads;
        headCoef = 1.0 / n;
        accumulate = true;
        run();
    }

    DMatrixRMaj gradB() {
        return gradB;
    }

    private void run() {
        prepare();
        tasks.run(pass);
        Arrays.fill(gradB.data, 0);
        if (accumulate) {
            for (int c = 0; c < chunks; c++) {
                VectorOps.addRows(crossSum[c], kp, gradB.data);
            }
            CommonOps_DDRM.scale(1.0 / n, gradB);
        }
    }

    /** B and Bᵀ as rows for the kernel. */
    private void prepare() {
        VectorOps.toRows(b.data, d, kp, bRows);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < kp; j++) {
                bTRows[j][i] = b.data[i * kp + j];
            }
        }
    }

    private void pass(int c, int worker) {
        int from = tasks.from(c);
        int to = tasks.to(c);
        double[][] pr = pBuf[worker];
        double[][] r = rBuf[worker];
        double[][] wg = wBuf[worker];
        double[][] z = zBuf[worker];
        double[][] rt = rTBuf[worker];
        double[][] acc = crossSum[c];
        VectorOps.zero(acc);
        double loss = 0;
        double headNorms = 0;
        int rows = pool.rows();
        TaskRows buffer = sampleRows[worker];
        boolean ahead = rows > 0 && kernels.readsInPlace();
        double touched = ahead ? TaskPrefetch.touch(pool, from, Math.min(to, from + GROUP)) : 0;
        for (int i0 = from; i0 < to; i0 += GROUP) {
            int nq = Math.min(GROUP, to - i0);
            if (ahead) {
                touched += TaskPrefetch.touch(pool, i0 + GROUP, Math.min(to, i0 + 2 * GROUP));
            }
            for (int t = 0; t < nq; t++) {
                System.arraycopy(heads, (i0 + t) * kp, wg[t], 0, kp);
            }
            kernels.rowsTimes(wg, 0, nq, kp, bTRows, d, pr);     // p_i = B W⁽ⁱ⁾
            for (int t = 0; t < nq; t++) {
                if (rows > 0) {
                    double sq = buffer.residualGradient(pool.slab(i0 + t), pool.offset(i0 + t), pool.labelsAt(), 0, rows,
                            pr[t], r[t]);
                    loss += 0.5 * sq / rows;
                } else {
                    double[] th = pool.thetas();
                    int tOff = (i0 + t) * d;
                    double sq = 0;
                    for (int j = 0; j < d; j++) {
                        double e = pr[t][j] - th[tOff + j];
                        r[t][j] = e;
                        sq += e * e;
                    }
                    loss += 0.5 * sq + 0.5 * truth.sigma2();
                }
            }
            if (!accumulate) {
                continue;
            }
            VectorOps.transpose(r, nq, d, rt);
            kernels.multiplyAdd(acc, rt, d, nq, wg, kp);          // Σ r_i W⁽ⁱ⁾ᵀ (old heads)
            kernels.rowsTimes(r, 0, nq, d, bRows, kp, z);        // Bᵀ r_i
            for (int t = 0; t < nq; t++) {
                int ho = (i0 + t) * kp;
                VectorOps.axpy(headCoef, z[t], 0, headTarget, ho, kp);
                headNorms += VectorOps.norm2(headTarget, ho, kp);
            }
        }
        lossSum[c] = loss;
        headNormSum[c] = headNorms;
        touchSum[c] = touched;
    }

    /** Kind of a Burer–Monteiro state: B and the N per-task heads (rows of k'). */
    static final String KIND = "burer-monteiro";
    /** The per-task heads W⁽ⁱ⁾ in a state, N×k' row-major. */
    static final String HEADS = "heads";

    @Override
    public DynamicsState saveState() {
        java.util.Map<String, double[]> arrays = new java.util.LinkedHashMap<>();
        arrays.put(DynamicsState.B, b.data);
        arrays.put(HEADS, heads);
        return new DynamicsState(KIND, iteration, magnitude, arrays);
    }

    /** From another method's state: its B, and every head W⁽ⁱ⁾ = 0 as at the start of a Burer–Monteiro run. */
    @Override
    public void restoreState(DynamicsState s) {
        s.copyInto(DynamicsState.B, b.data);
        if (KIND.equals(s.kind()) && s.length(HEADS) == heads.length) {
            s.copyInto(HEADS, heads);
            magnitude = s.magnitude();
        } else {
            Arrays.fill(heads, 0);
            magnitude = VectorOps.norm2(b.data, 0, b.data.length);
        }
        iteration = s.iteration();
    }

    @Override
    public ModelState state() {
        return ModelState.of(iteration, truth, b, zeroHead);
    }

    /** F(B, W) at the current iterate (eq. (12) up to its constant ½). */
    @Override
    public double trainingLoss() {
        accumulate = false;
        prepare();
        tasks.run(pass);
        return TaskChunks.sum(lossSum) / n;
    }

    @Override
    public double flopsPerIteration() {
        int rows = pool.rows();
        double perTask = 2.0 * d * kp + (rows > 0 ? 4.0 * rows * d : 3.0 * d) + 2.0 * d * kp + 2.0 * d * kp + 4.0 * kp;
        return n * perTask + 4.0 * d * kp;
    }
}
