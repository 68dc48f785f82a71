package org.anilexplorer.core.algo;

import java.util.Arrays;
import org.anilexplorer.core.params.Algorithm;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.problem.GroundTruth;
import org.anilexplorer.core.problem.Initialization;
import org.anilexplorer.core.problem.TaskPool;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * One-step meta-learning on N tasks (docs/math.md §3.1–§3.5): FO-ANIL, FO-MAML, exact ANIL and exact MAML,
 * for a fixed pool or fresh batches, with finite or infinite m_in and m_out.
 *
 * <p>The algebra is restructured so that one step streams once through each task's samples. With v = B w and
 * M = B Bᵀ formed once per iteration, per task i:
 * <pre>
 *   g_i = Σ̂_in v − b_in                        inner gradient of the prediction (u_i of docs/math.md §3.2/§3.3)
 *   p_i = B w_i = v − α M g_i  [− α c_i g_i]     c_i = w_iᵀw = ‖w‖² − α vᵀg_i for MAML, whose inner step moves B too
 *   r_i = Σ̂_out p_i − b_out                     outer residual gradient (g_θ of docs/math.md §3.3)
 * </pre>
 * and the outer gradients are sums of per-task vectors and rank-one terms, reduced once per iteration:
 * <pre>
 *   ∇_B = (1/N)[ R wᵀ − α (Σ r_i g_iᵀ) B
 *               − exact·α ((Σ g_i r_iᵀ) B + S wᵀ)  + exact MAML·α² (Σ γ_i g_i) wᵀ ]
 *   ∇_w = (1/N)[ Bᵀ R − MAML·α γ w − exact·α Bᵀ S − exact MAML·(α γ w − α² Bᵀ Σ γ_i g_i) ]
 * </pre>
 * with R = Σ r_i, γ_i = g_iᵀr_i, γ = Σ γ_i, S = Σ Σ̂_in h_i, h_i = M r_i [+ c_i r_i − α γ_i v for MAML]. For a
 * narrow B (k' small against d) M g is formed as B(Bᵀg) and the rank-one sums are kept as d×k' products instead.
 * Infinite counts use the population loss: Σ̂ = I, b = θ⋆,i = B⋆ w⋆,i, no noise.
 *
 * <p>Parallelism: the tasks are cut into a fixed number of chunks that depends only on the problem size; each chunk
 * accumulates its own partial sums (in groups of four tasks, so rank-one updates become small matrix products), and
 * the partials are reduced in chunk order. Results are therefore bit-identical for any thread count.
 */
final class FiniteMetaLearning extends ChunkedDynamics {

    /**
     * Tasks processed together inside a chunk: their M g_i (and M r_i) as one product, their rank-one updates as one
     * rank-GROUP update; small enough that the group's rows stay in the core's cache for the exact methods.
     */
    static final int GROUP = 16;

    private final boolean adaptsRepresentation;
    private final boolean secondOrder;
    private final boolean lowRank;
    private final int d;
    private final int kp;
    private final int n;
    private final double alpha;
    private final double beta;
    private final double halfSigma2;
    private final int chunks;

    private final DMatrixRMaj b;
    private final double[] w;

    // shared, read-only during a pass
    private TaskPool pool;
    private final double[] v;
    private final double[][] gramRows;
    private final double[][] bRows;
    private final double[][] bTRows;
    private double wNorm2;

    // per-chunk partial sums
    private final double[][] rSum;
    private final double[][][] cross;
    private final double[][][] crossT;
    private final double[][] sSum;
    private final double[][] gammaG;
    private final double[] gammaSum;
    private final double[] lossSum;
    private final double[] touchSum;

    // per-worker scratch
    private final double[][][] gBuf;
    private final double[][][] pBuf;
    private final double[][][] rBuf;
    private final double[][][] qBuf;
    private final double[][][] zBuf;
    private final double[][][] hBuf;
    private final double[][] cBuf;
    private final double[][] gammaBuf;
    private final double[][][] rTBuf;
    private final double[][][] gTBuf;
    private final TaskRows[] sampleRows;
    private final Kernels kernels;

    // reduced sums and the gradient
    private final double[] rTotal;
    private final double[][] crossTotal;
    private final double[][] crossTotalT;
    private final double[][] crossTransposed;
    private final double[] sTotal;
    private final double[] gammaGTotal;
    private double gammaTotal;
    private final double[][] work;
    private final DMatrixRMaj gradB;
    private final double[] gradW;

    private final ChunkExecutor.ChunkTask stepPass = (c, worker) -> pass(c, worker, true);
    private final ChunkExecutor.ChunkTask lossPass = (c, worker) -> pass(c, worker, false);

    FiniteMetaLearning(Params p, GroundTruth truth, long seed, int threads) {
        this(p, truth, seed, threads, 3 * p.kPrime() < 2 * p.d(), Kernels.preferred());
    }

    FiniteMetaLearning(Params p, GroundTruth truth, long seed, int threads, boolean lowRank) {
        this(p, truth, seed, threads, lowRank, Kernels.preferred());
    }

    /**
     * @param lowRank form M g as B(Bᵀg) and keep d×k' sums (cheaper when 3k' &lt; 2d); both give the same iterates
     *                up to rounding, which the tests check
     * @param kernels the hot loops (vector or scalar: the same bits)
     */
    FiniteMetaLearning(Params p, GroundTruth truth, long seed, int threads, boolean lowRank, Kernels kernels) {
        super(p, truth, seed, threads, "anil-" + oneStepMethod(p).key(), accumulatorDoubles(p, lowRank));
        Algorithm a = p.algorithm();
        this.adaptsRepresentation = a == Algorithm.FO_MAML || a == Algorithm.MAML;
        this.secondOrder = a == Algorithm.ANIL || a == Algorithm.MAML;
        this.lowRank = lowRank;
        this.kernels = kernels;
        this.d = p.d();
        this.kp = p.kPrime();
        this.alpha = p.alpha();
        this.beta = p.beta();
        this.halfSigma2 = 0.5 * truth.sigma2();

        int crossCols = lowRank ? kp : d;
        // rows written by the products, or read as their M, are padded to whole vectors (Kernels.padded)
        int dp = Kernels.padded(d);
        int kpp = Kernels.padded(kp);
        int crossPadded = Kernels.padded(crossCols);
        this.n = tasks.tasks();
        this.chunks = tasks.chunks();
        Initialization init = Initialization.sample(p, seed);
        this.b = init.b0().copy();
        this.w = init.w0().clone();

        this.v = new double[d];
        this.gramRows = lowRank ? null : new double[d][dp];
        this.bRows = new double[d][kpp];
        this.bTRows = new double[kp][dp];

        this.rSum = new double[chunks][d];
        this.cross = new double[chunks][d][crossPadded];
        this.crossT = secondOrder && lowRank ? new double[chunks][d][kpp] : null;
        this.sSum = secondOrder ? new double[chunks][d] : null;
        this.gammaG = secondOrder && adaptsRepresentation ? new double[chunks][d] : null;
        this.gammaSum = new double[chunks];
        this.lossSum = new double[chunks];
        this.touchSum = new double[chunks];

        int workers = tasks.workers();
        this.gBuf = new double[workers][GROUP][dp];
        this.pBuf = new double[workers][GROUP][dp];
        this.rBuf = new double[workers][GROUP][dp];
        this.hBuf = new double[workers][GROUP][dp];
        this.qBuf = new double[workers][GROUP][kpp];
        this.zBuf = new double[workers][GROUP][kpp];
        this.cBuf = new double[workers][GROUP];
        this.gammaBuf = new double[workers][GROUP];
        this.rTBuf = new double[workers][d][GROUP];
        this.gTBuf = secondOrder && lowRank ? new double[workers][d][GROUP] : null;
        this.sampleRows = new TaskRows[workers];
        int taskRows = (p.mIn().finite() ? p.mIn().get() : 0) + (p.mOut().finite() ? p.mOut().get() : 0);
        for (int k = 0; k < workers; k++) {
            sampleRows[k] = kernels.taskRows(taskRows, d);
        }

        this.rTotal = new double[d];
        this.crossTotal = new double[d][crossPadded];
        this.crossTotalT = secondOrder && lowRank ? new double[d][kpp] : null;
        this.crossTransposed = secondOrder && !lowRank ? new double[d][d] : null;
        this.sTotal = new double[d];
        this.gammaGTotal = new double[d];
        this.work = new double[d][kpp];
        this.gradB = new DMatrixRMaj(d, kp);
        this.gradW = new double[kp];
        this.magnitude = CommonOps_DDRM.elementSum(squares(b)) + VectorOps.norm2(w, 0, kp);
    }

    /** The algorithm of p, refused (before any task is drawn) unless it is a one-step meta-learning method. */
    private static Algorithm oneStepMethod(Params p) {
        Algorithm a = p.algorithm();
        if (a != Algorithm.FO_ANIL && a != Algorithm.FO_MAML && a != Algorithm.ANIL && a != Algorithm.MAML) {
            throw new IllegalArgumentException("not a one-step meta-learning method: " + a);
        }
        return a;
    }

    /** Per-chunk partial sums: the d×d (or d×k' on the narrow path) rank-one sums, two of them for exact ANIL/MAML. */
    private static long accumulatorDoubles(Params p, boolean lowRank) {
        boolean secondOrder = p.algorithm() == Algorithm.ANIL || p.algorithm() == Algorithm.MAML;
        return (long) p.d() * (lowRank ? p.kPrime() : p.d()) * (secondOrder && lowRank ? 2 : 1);
    }

    private static DMatrixRMaj squares(DMatrixRMaj m) {
        DMatrixRMaj s = m.copy();
        CommonOps_DDRM.elementMult(s, m);
        return s;
    }

    @Override
    public void step() {
        computeGradient();
        double[] bd = b.data;
        double[] gd = gradB.data;
        double mag = 0;
        for (int i = 0; i < bd.length; i++) {
            bd[i] -= beta * gd[i];
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

    /** The outer gradient at θ_t into {@link #gradB} and {@link #gradW} (what {@link #step} descends). */
    void computeGradient() {
        prepare();
        tasks.run(stepPass);
        reduce();

        // ∇_B, see the class comment; the d×d by d×k' products with the row kernels (vectorised, unlike a
        // general matrix product on flat arrays), so the serial part between two parallel passes stays short
        double[][] wk = work;
        if (lowRank) {
            wk = crossTotal;
        } else {
            kernels.rowsTimes(crossTotal, 0, d, d, bRows, kp, work);
        }
        double[] gb = gradB.data;
        for (int i = 0; i < d; i++) {
            double ri = rTotal[i];
            double[] wki = wk[i];
            int row = i * kp;
            for (int j = 0; j < kp; j++) {
                gb[row + j] = ri * w[j] - alpha * wki[j];
            }
        }
        if (secondOrder) {
            if (lowRank) {
                wk = crossTotalT;
            } else {
                for (int a = 0; a < d; a++) {
                    for (int i = 0; i < d; i++) {
                        crossTransposed[i][a] = crossTotal[a][i];
                    }
                }
                kernels.rowsTimes(crossTransposed, 0, d, d, bRows, kp, work);
                wk = work;
            }
            double mamlTerm = adaptsRepresentation ? alpha * alpha : 0;
            for (int i = 0; i < d; i++) {
                double coef = -alpha * sTotal[i] + (adaptsRepresentation ? mamlTerm * gammaGTotal[i] : 0);
                double[] wki = wk[i];
                int row = i * kp;
                for (int j = 0; j < kp; j++) {
                    gb[row + j] += coef * w[j] - alpha * wki[j];
                }
            }
        }
        // ∇_w
        double[] bd = b.data;
        Arrays.fill(gradW, 0);
        for (int i = 0; i < d; i++) {
            double s = rTotal[i];
            if (secondOrder) {
                s -= alpha * sTotal[i];
                if (adaptsRepresentation) {
                    s += alpha * alpha * gammaGTotal[i];
                }
            }
            VectorOps.axpy(s, bd, i * kp, gradW, 0, kp);
        }
        if (adaptsRepresentation) {
            double wCoef = (secondOrder ? 2 : 1) * alpha * gammaTotal;
            VectorOps.axpy(-wCoef, w, gradW, kp);
        }
        double inv = 1.0 / n;
        CommonOps_DDRM.scale(inv, gradB);
        for (int j = 0; j < kp; j++) {
            gradW[j] *= inv;
        }
    }

    DMatrixRMaj gradB() {
        return gradB;
    }

    double[] gradW() {
        return gradW;
    }

    /** v = B w, M = B Bᵀ (or Bᵀ for the narrow path), ‖w‖², and the tasks of this iteration. */
    private void prepare() {
        pool = tasks.tasksAt(iteration);
        double[] bd = b.data;
        VectorOps.timesVector(bd, d, kp, w, v);
        VectorOps.toRows(b.data, d, kp, bRows);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < kp; j++) {
                bTRows[j][i] = bd[i * kp + j];
            }
        }
        if (!lowRank) {
            kernels.rowsTimes(bRows, 0, d, kp, bTRows, d, gramRows); // M = B Bᵀ, row by row
        }
        wNorm2 = VectorOps.norm2(w, 0, kp);
    }

    /** Sums the chunk partials in chunk order (the order fixes the rounding, whatever the threads did). */
    private void reduce() {
        Arrays.fill(rTotal, 0);
        VectorOps.zero(crossTotal);
        gammaTotal = 0;
        if (secondOrder) {
            Arrays.fill(sTotal, 0);
            Arrays.fill(gammaGTotal, 0);
            if (lowRank) {
                VectorOps.zero(crossTotalT);
            }
        }
        for (int c = 0; c < chunks; c++) {
            VectorOps.axpy(1.0, rSum[c], rTotal, d);
            VectorOps.addRowsTo(cross[c], crossTotal);
            gammaTotal += gammaSum[c];
            if (secondOrder) {
                VectorOps.axpy(1.0, sSum[c], sTotal, d);
                if (adaptsRepresentation) {
                    VectorOps.axpy(1.0, gammaG[c], gammaGTotal, d);
                }
                if (lowRank) {
                    VectorOps.addRowsTo(crossT[c], crossTotalT);
                }
            }
        }
    }

    /** One chunk of tasks: the fused per-task kernel; with {@code step = false} only the outer loss. */
    private void pass(int c, int worker, boolean step) {
        int from = tasks.from(c);
        int to = tasks.to(c);
        double[][] g = gBuf[worker];
        double[][] pr = pBuf[worker];
        double[][] r = rBuf[worker];
        double[][] q = qBuf[worker];
        double[] coefs = cBuf[worker];
        double[] gammas = gammaBuf[worker];
        double[] rs = rSum[c];
        double[][] acc = cross[c];
        if (step) {
            Arrays.fill(rs, 0);
            VectorOps.zero(acc);
            if (secondOrder) {
                Arrays.fill(sSum[c], 0);
                if (adaptsRepresentation) {
                    Arrays.fill(gammaG[c], 0);
                }
                if (lowRank) {
                    VectorOps.zero(crossT[c]);
                }
            }
        }
        TaskRows rows = sampleRows[worker];
        double loss = 0;
        double gammaAcc = 0;
        boolean ahead = pool.rows() > 0 && kernels.readsInPlace();
        double touched = ahead ? TaskPrefetch.touch(pool, from, Math.min(to, from + GROUP)) : 0;
        for (int i0 = from; i0 < to; i0 += GROUP) {
            int nq = Math.min(GROUP, to - i0);
            if (ahead) {
                touched += TaskPrefetch.touch(pool, i0 + GROUP, Math.min(to, i0 + 2 * GROUP));
            }
            for (int t = 0; t < nq; t++) {
                innerGradient(rows, i0 + t, g[t]);
            }
            // p_i = B w_i (eq. (4)): v − α M g_i, with M g_i = B(Bᵀ g_i) on the narrow path; the group's tasks in
            // one product, so each row of M (or B) is loaded once for them all
            if (lowRank) {
                kernels.rowsTimes(g, 0, nq, d, bRows, kp, q);
                kernels.rowsTimes(q, 0, nq, kp, bTRows, d, pr);
            } else {
                kernels.rowsTimes(g, 0, nq, d, gramRows, d, pr);
            }
            for (int t = 0; t < nq; t++) {
                double[] gt = g[t];
                double[] pt = pr[t];
                if (adaptsRepresentation) {
                    // FO-MAML/MAML inner step on B as well (docs/math.md §3.2): B_i w_i = p_i − α (w_iᵀw) g_i
                    double coef = wNorm2 - alpha * VectorOps.dot(v, 0, gt, 0, d);
                    coefs[t] = coef;
                    double ac = alpha * coef;
                    for (int j = 0; j < d; j++) {
                        pt[j] = v[j] - alpha * pt[j] - ac * gt[j];
                    }
                } else {
                    for (int j = 0; j < d; j++) {
                        pt[j] = v[j] - alpha * pt[j];
                    }
                }
                loss += outerResidual(rows, i0 + t, pt, r[t]);
                if (step && adaptsRepresentation) {
                    gammas[t] = VectorOps.dot(gt, 0, r[t], 0, d);
                }
            }
            if (step && secondOrder) {
                secondOrderTerms(c, worker, rows, i0, nq);
            }
            if (!step) {
                continue;
            }
            for (int t = 0; t < nq; t++) {
                VectorOps.axpy(1.0, r[t], rs, d);
            }
            // Σ r_i g_iᵀ (or Σ r_i q_iᵀ) as one product: the group's r_i as the columns of a d × nq matrix
            double[][] rt = rTBuf[worker];
            VectorOps.transpose(r, nq, d, rt);
            kernels.multiplyAdd(acc, rt, d, nq, lowRank ? q : g, lowRank ? kp : d);
            if (adaptsRepresentation) {
                for (int t = 0; t < nq; t++) {
                    gammaAcc += gammas[t];
                }
            }
            if (secondOrder && lowRank) {
                double[][] gt = gTBuf[worker];
                VectorOps.transpose(g, nq, d, gt);
                kernels.multiplyAdd(crossT[c], gt, d, nq, zBuf[worker], kp);
            }
        }
        lossSum[c] = loss;
        gammaSum[c] = gammaAcc;
        touchSum[c] = touched;
    }

    /**
     * Exact ANIL/MAML (docs/math.md §3.3) for the group's tasks i0 … i0 + nq − 1: h_i (M r_i for the group in one
     * product) and S += Σ̂_in h_i, the task's inner rows read again while they are still in the core's cache; on the
     * narrow path z_i = Bᵀr_i for the transposed rank-one sum, which the group adds.
     */
    private void secondOrderTerms(int c, int worker, TaskRows rows, int i0, int nq) {
        double[][] g = gBuf[worker];
        double[][] r = rBuf[worker];
        double[][] z = zBuf[worker];
        double[][] h = hBuf[worker];
        if (lowRank) {
            kernels.rowsTimes(r, 0, nq, d, bRows, kp, z);
            kernels.rowsTimes(z, 0, nq, kp, bTRows, d, h);
        } else {
            kernels.rowsTimes(r, 0, nq, d, gramRows, d, h);
        }
        double[] s = sSum[c];
        for (int t = 0; t < nq; t++) {
            double[] ht = h[t];
            if (adaptsRepresentation) {
                double gamma = gammaBuf[worker][t];
                double coef = cBuf[worker][t];
                double[] rt = r[t];
                double ag = alpha * gamma;
                for (int j = 0; j < d; j++) {
                    ht[j] += coef * rt[j] - ag * v[j];
                }
                VectorOps.axpy(gamma, g[t], gammaG[c], d);
            }
            if (pool.inRows() > 0) {
                rows.addGramTimes(pool.slab(i0 + t), pool.offset(i0 + t), 0, pool.inRows(), ht, s);
            } else {
                VectorOps.axpy(1.0, ht, s, d);
            }
        }
    }

    /** g = Σ̂_in v − b_in for task i (population: v − θ⋆,i). */
    private void innerGradient(TaskRows rows, int i, double[] g) {
        if (pool.inRows() > 0) {
            rows.residualGradient(pool.slab(i), pool.offset(i), pool.labelsAt(), 0, pool.inRows(), v, g);
        } else {
            double[] th = pool.thetas();
            int to = i * d;
            for (int j = 0; j < d; j++) {
                g[j] = v[j] - th[to + j];
            }
        }
    }

    /** r = Σ̂_out p − b_out for task i; returns its outer loss L̂_out (population: ½‖p − θ⋆‖² + σ²/2). */
    private double outerResidual(TaskRows rows, int i, double[] p, double[] r) {
        if (pool.outRows() > 0) {
            double sq = rows.residualGradient(pool.slab(i), pool.offset(i), pool.labelsAt(), pool.inRows(),
                    pool.outRows(), p, r);
            return 0.5 * sq / pool.outRows();
        }
        double[] th = pool.thetas();
        int to = i * d;
        double sq = 0;
        for (int j = 0; j < d; j++) {
            double e = p[j] - th[to + j];
            r[j] = e;
            sq += e * e;
        }
        return 0.5 * sq + halfSigma2;
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
        prepare();
        tasks.run(lossPass);
        return TaskChunks.sum(lossSum) / n;
    }

    /** Counted from the algebra above; drawing a fresh batch is not counted. */
    @Override
    public double flopsPerIteration() {
        int inRows = params.mIn().finite() ? params.mIn().get() : 0;
        int outRows = params.mOut().finite() ? params.mOut().get() : 0;
        double perTask = 0;
        perTask += inRows > 0 ? 4.0 * inRows * d : d;                 // g_i
        perTask += lowRank ? 4.0 * d * kp : 2.0 * d * d;              // M g_i
        perTask += 3.0 * d + (adaptsRepresentation ? 4.0 * d : 0);    // p_i
        perTask += outRows > 0 ? 4.0 * outRows * d : 2.0 * d;         // r_i and its loss
        perTask += d + (lowRank ? 2.0 * d * kp : 2.0 * d * d);        // R, Σ r gᵀ
        if (adaptsRepresentation) {
            perTask += 2.0 * d;                                        // γ_i
        }
        if (secondOrder) {
            perTask += lowRank ? 6.0 * d * kp : 2.0 * d * d;           // M r_i (+ Σ g (Bᵀr)ᵀ)
            perTask += inRows > 0 ? 4.0 * inRows * d : d;              // Σ̂_in h_i
            perTask += adaptsRepresentation ? 6.0 * d : 0;
        }
        double perIteration = 2.0 * d * kp;                            // v = B w
        perIteration += lowRank ? 0 : 2.0 * d * d * kp;                // M = B Bᵀ
        perIteration += lowRank ? 0 : 2.0 * d * d * kp * (secondOrder ? 2 : 1); // (Σ r gᵀ) B
        perIteration += 4.0 * d * kp + 2.0 * d * kp + 4.0 * d * kp;    // ∇_B, ∇_w, update
        return n * perTask + perIteration;
    }
}
