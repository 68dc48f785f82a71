package org.anilexplorer.core.algo;

import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.problem.GroundTruth;
import org.anilexplorer.core.problem.Initialization;
import org.anilexplorer.core.problem.TaskPool;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * FO-ANIL on N tasks with m_in = m_out = ∞ (docs/math.md §3.5): population inner and outer losses, averaged over
 * the N heads w⋆,i of the pool (or of the fresh batch of each iteration).
 *
 * <p>The averaged gradient is quadratic in w⋆,i, so it only needs the empirical moments w̄ = (1/N) Σ w⋆,i and
 * S = (1/N) Σ w⋆,i w⋆,iᵀ, and a step costs O(d k'²) whatever N. With w_i = a + A w⋆,i, a = w − α Bᵀ B w and
 * A = α Bᵀ B⋆ (the inner step (4) with Σ̂ = I, b = B⋆ w⋆,i):
 * <pre>
 *   E[w_i w_iᵀ]  = a aᵀ + a (A w̄)ᵀ + (A w̄) aᵀ + A S Aᵀ        E[w⋆,i w_iᵀ] = w̄ aᵀ + S Aᵀ
 *   ∇_B = B E[w_i w_iᵀ] − B⋆ E[w⋆,i w_iᵀ]                      ∇_w = Bᵀ (B E[w_i] − B⋆ w̄),  E[w_i] = a + A w̄
 * </pre>
 * which is the μ⋆ form of docs/math.md §3.6 without its 1/m_in terms, with μ⋆ → w̄ and Σ⋆ → S − w̄ w̄ᵀ.
 */
final class FoAnilInfiniteSamples extends BaseDynamics {

    private final TaskSource source;
    private final ChunkExecutor executor;
    private final int d;
    private final int k;
    private final int kp;
    private final int n;
    private final double alpha;
    private final double beta;

    private final DMatrixRMaj b;
    private final DMatrixRMaj w;

    private long momentsIteration = -1;
    private final DMatrixRMaj headMean;     // w̄ (k×1)
    private final DMatrixRMaj headSecond;   // S (k×k)

    private final DMatrixRMaj p;            // B⋆ᵀB (k×k')
    private final DMatrixRMaj btb;          // BᵀB (k'×k')
    private final DMatrixRMaj a;            // k'×1
    private final DMatrixRMaj aMat;         // A = α Pᵀ (k'×k)
    private final DMatrixRMaj aw;           // A w̄ (k'×1)
    private final DMatrixRMaj meanHead;     // E[w_i] (k'×1)
    private final DMatrixRMaj sAt;          // S Aᵀ (k×k')
    private final DMatrixRMaj eww;          // E[w_i w_iᵀ] (k'×k')
    private final DMatrixRMaj esw;          // E[w⋆ w_iᵀ] (k×k')
    private final DMatrixRMaj gradB;
    private final DMatrixRMaj gradW;
    private final DMatrixRMaj tmpK;         // k×1

    FoAnilInfiniteSamples(Params p, GroundTruth truth, long seed) {
        super(p, truth);
        this.d = p.d();
        this.k = p.k();
        this.kp = p.kPrime();
        this.n = p.tasks().get();
        this.alpha = p.alpha();
        this.beta = p.beta();
        // only heads are drawn (N·k numbers), so one thread is plenty
        this.executor = new ChunkExecutor(1, "anil-moments");
        this.source = new TaskSource(p, truth, seed, executor);
        Initialization init = Initialization.sample(p, seed);
        this.b = init.b0().copy();
        this.w = new DMatrixRMaj(kp, 1, true, init.w0());
        this.headMean = new DMatrixRMaj(k, 1);
        this.headSecond = new DMatrixRMaj(k, k);
        this.p = new DMatrixRMaj(k, kp);
        this.btb = new DMatrixRMaj(kp, kp);
        this.a = new DMatrixRMaj(kp, 1);
        this.aMat = new DMatrixRMaj(kp, k);
        this.aw = new DMatrixRMaj(kp, 1);
        this.meanHead = new DMatrixRMaj(kp, 1);
        this.sAt = new DMatrixRMaj(k, kp);
        this.eww = new DMatrixRMaj(kp, kp);
        this.esw = new DMatrixRMaj(k, kp);
        this.gradB = new DMatrixRMaj(d, kp);
        this.gradW = new DMatrixRMaj(kp, 1);
        this.tmpK = new DMatrixRMaj(k, 1);
        this.magnitude = frobenius2(b) + frobenius2(w);
    }

    private static double frobenius2(DMatrixRMaj m) {
        return VectorOps.norm2(m.data, 0, m.getNumElements());
    }

    /** w̄ and S of the heads of iteration t, summed in task order. */
    private void moments() {
        long needed = source.fresh() ? iteration : 0;
        if (momentsIteration == needed) {
            return;
        }
        TaskPool pool = source.tasksAt(iteration);
        double[] heads = pool.heads();
        headMean.zero();
        headSecond.zero();
        double[] mean = headMean.data;
        double[] second = headSecond.data;
        for (int i = 0; i < n; i++) {
            int o = i * k;
            for (int r = 0; r < k; r++) {
                double hr = heads[o + r];
                mean[r] += hr;
                VectorOps.axpy(hr, heads, o, second, r * k, k);
            }
        }
        CommonOps_DDRM.scale(1.0 / n, headMean);
        CommonOps_DDRM.scale(1.0 / n, headSecond);
        momentsIteration = needed;
    }

    /** E[w_i w_iᵀ], E[w⋆ w_iᵀ] and E[w_i] at θ_t (see the class comment). */
    private void expectations() {
        moments();
        CommonOps_DDRM.multTransA(truth.bStar(), b, p);
        CommonOps_DDRM.multTransA(b, b, btb);
        // a = w − α BᵀB w
        CommonOps_DDRM.mult(btb, w, a);
        CommonOps_DDRM.add(w, -alpha, a, a);
        // A = α Pᵀ, A w̄
        CommonOps_DDRM.transpose(p, aMat);
        CommonOps_DDRM.scale(alpha, aMat);
        CommonOps_DDRM.mult(aMat, headMean, aw);
        CommonOps_DDRM.add(a, aw, meanHead);
        // E[w_i w_iᵀ] = a aᵀ + a (A w̄)ᵀ + (A w̄) aᵀ + A S Aᵀ
        CommonOps_DDRM.multTransB(headSecond, aMat, sAt);
        CommonOps_DDRM.mult(aMat, sAt, eww);
        CommonOps_DDRM.multAddTransB(a, a, eww);
        CommonOps_DDRM.multAddTransB(a, aw, eww);
        CommonOps_DDRM.multAddTransB(aw, a, eww);
        // E[w⋆ w_iᵀ] = w̄ aᵀ + S Aᵀ
        esw.setTo(sAt);
        CommonOps_DDRM.multAddTransB(headMean, a, esw);
    }

    /** The averaged outer gradient at θ_t into {@link #gradB} and {@link #gradW}. */
    void computeGradient() {
        expectations();
        CommonOps_DDRM.mult(b, eww, gradB);
        CommonOps_DDRM.multAdd(-1.0, truth.bStar(), esw, gradB);
        // ∇_w = BᵀB E[w_i] − Pᵀ w̄
        CommonOps_DDRM.mult(btb, meanHead, gradW);
        CommonOps_DDRM.multAddTransA(-1.0, p, headMean, gradW);
    }

    DMatrixRMaj gradB() {
        return gradB;
    }

    DMatrixRMaj gradW() {
        return gradW;
    }

    @Override
    public void step() {
        computeGradient();
        CommonOps_DDRM.addEquals(b, -beta, gradB);
        if (params.updateHeadOuter()) {
            CommonOps_DDRM.addEquals(w, -beta, gradW);
        }
        magnitude = frobenius2(b) + frobenius2(w);
        iteration++;
    }

    @Override
    public DynamicsState saveState() {
        return saveModel(b, w.data);
    }

    @Override
    public void restoreState(DynamicsState s) {
        restoreModel(s, b, w.data);
        momentsIteration = -1;
    }

    @Override
    public ModelState state() {
        return ModelState.of(iteration, truth, b, w.data);
    }

    /**
     * (1/N) Σ ½‖B w_i − B⋆ w⋆,i‖² + σ²/2 = ½[Tr(BᵀB E[w_i w_iᵀ]) − 2 Tr(B⋆ᵀB E[w_i w⋆ᵀ]) + Tr S] + σ²/2 (docs/math.md §3.10).
     */
    @Override
    public double trainingLoss() {
        expectations();
        double quad = 0;
        for (int i = 0; i < kp * kp; i++) {
            quad += btb.data[i] * eww.data[i];
        }
        double crossTerm = 0;
        for (int i = 0; i < k * kp; i++) {
            crossTerm += p.data[i] * esw.data[i];
        }
        double traceS = CommonOps_DDRM.trace(headSecond);
        return 0.5 * (quad - 2 * crossTerm + traceS) + 0.5 * truth.sigma2();
    }

    @Override
    public double flopsPerIteration() {
        double dk = (double) d * kp;
        return 2 * dk * k + 2 * dk * kp + 2.0 * kp * kp + 4.0 * kp * k * k + 2.0 * kp * kp * k + 6.0 * kp * kp
                + 2 * dk * kp + 2 * dk * k + 2.0 * kp * kp + 2.0 * kp * k + 2 * dk;
    }

    @Override
    public void close() {
        executor.close();
    }
}
