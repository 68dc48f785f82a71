package org.anilexplorer.core.algo;

import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.problem.GroundTruth;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * FO-ANIL with infinitely many tasks: the deterministic expected update of Yüksel et al., eqs. (5)–(7), in the general
 * form with task mean μ⋆ and diagonal covariance Σ⋆ (math spec §3.2). With m_in = ∞ every 1/m_in term is dropped
 * (§3.3, variant (b)); m_out never enters.
 *
 * <h2>Coordinates that make the cost independent of d</h2>
 * Every iterate stays in span(B⋆) ⊕ span(B⋆,⊥D₀): B_{t+1} = B_t − β(B_t E_t − B⋆C_t) (eq. 6), so
 * B⋆,⊥ᵀB_{t+1} = B⋆,⊥ᵀB_t (I − βE_t) (identity I3 of §9). With the thin QR D₀ = B⋆,⊥ᵀB₀ = Q R₀ (Q of size
 * (d−k)×r, r = min(d−k, k')) we therefore have exactly
 * <pre>
 *   B_t = B⋆ P_t + B⋆,⊥Q R_t,     Z_t := [P_t; R_t]  (n×k', n = k + r ≤ k + k'),
 *   P_{t+1} = P_t − β(P_t E_t − C_t),     R_{t+1} = R_t (I − βE_t),     BᵀB = ZᵀZ = PᵀP + RᵀR,
 * </pre>
 * and only Z (n×k') and w (k') evolve. With v = Bw − B⋆μ⋆, u := Bᵀv = ZᵀZw − Pᵀμ⋆ and a := E[w_{t,i}] = w − αu,
 * eq. (7) in its general form reads
 * <pre>
 *   E_t = a aᵀ + (α²/m_in) u uᵀ + α²(1 + 1/m_in) PᵀΣ⋆P + γ ZᵀZ,     γ = α²(‖v‖² + Tr Σ⋆ + σ²)/m_in,
 *   C_t = E[w⋆ w_{t,i}ᵀ] = μ⋆aᵀ + αΣ⋆P,
 * </pre>
 * so that, with N = ZZᵀ (n×n) and μ̄ = [μ⋆; 0],
 * <pre>
 *   Z_{t+1} = Z − β K Z − β (Za − μ̄) aᵀ − β(α²/m_in)(Zu) uᵀ,
 *   K_il = γ N_il + [l &lt; k] (α²(1 + 1/m_in) s_l N_il − α s_l δ_il),
 *   w_{t+1} = w − β (ZᵀZa − Pᵀμ⋆)                                  (eq. 5, general form).
 * </pre>
 * The cubic work is N = ZZᵀ and KZ: 1.5·n²·k' multiply-adds, at most 1.5·(k+k')²·k' whatever d is. With m_in = ∞,
 * γ = 0 and K has only k non-zero columns, so a step costs O(n·k·k').
 *
 * <p>B (d×k') is rebuilt only in {@link #state()}, from the fixed orthonormal d×n basis [B⋆, B⋆,⊥Q].
 */
public final class InfiniteTaskDynamics implements Dynamics {

    private final Params params;
    private final GroundTruth truth;
    private final int k;
    private final int kp;
    private final int r;
    private final int n;

    private final double alpha;
    private final double beta;
    /** 1/m_in, and 0 for m_in = ∞. */
    private final double invMIn;
    private final double[] s;
    private final double[] mu;
    private final double traceSigma;
    private final double sigma2;
    private final boolean updateHead;

    /** B⋆,⊥Q (d×r): together with B⋆, an orthonormal basis in which B_t = B⋆P_t + (B⋆,⊥Q)R_t. */
    private final DMatrixRMaj perpBasis;

    // state: Z = [P; R] row-major n×k', and w
    private double[] z;
    private double[] zNext;
    private final double[] w;
    private long iteration;
    private double magnitude;

    // workspace (preallocated; step() allocates nothing)
    private final double[] y;
    private final double[] pmu;
    private final double[] u;
    private final double[] a;
    private final double[] za;
    private final double[] zu;
    private final double[] ma;
    private final double[] gram;
    private final double[] kMat;
    private final double[] zt;
    private final double[] rowA;
    private final double[] rowB;
    private final double[] rowC;
    private final double[] rowD;

    /** Starts from (B₀, w₀) given explicitly (copied). */
    public InfiniteTaskDynamics(Params params, GroundTruth truth, DMatrixRMaj b0, double[] w0) {
        if (!params.tasks().infinite()) {
            throw new IllegalArgumentException("InfiniteTaskDynamics needs tasks = inf, got " + params.tasks());
        }
        int d = truth.d();
        this.params = params;
        this.truth = truth;
        this.k = truth.k();
        this.kp = b0.numCols;
        if (b0.numRows != d || w0.length != kp || kp != params.kPrime()) {
            throw new IllegalArgumentException("B₀ must be d×k' = " + d + "×" + params.kPrime() + " and w₀ of length k'");
        }
        this.r = Math.min(d - k, kp);
        this.n = k + r;
        this.alpha = params.alpha();
        this.beta = params.beta();
        this.invMIn = params.mIn().reciprocal();
        this.s = truth.sigmaDiag();
        this.mu = truth.mean();
        this.traceSigma = truth.traceSigma();
        this.sigma2 = truth.sigma2();
        this.updateHead = params.updateHeadOuter();

        // P₀ = B⋆ᵀB₀, D₀ = B⋆,⊥ᵀB₀ = Q R₀ (thin QR), so B₀ = B⋆P₀ + (B⋆,⊥Q)R₀ exactly up to rounding.
        DMatrixRMaj p0 = new DMatrixRMaj(k, kp);
        CommonOps_DDRM.multTransA(truth.bStar(), b0, p0);
        DMatrixRMaj d0 = new DMatrixRMaj(d - k, kp);
        CommonOps_DDRM.multTransA(truth.bPerp(), b0, d0);
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(d - k, kp);
        if (!qr.decompose(d0)) {
            throw new IllegalStateException("QR of B⋆,⊥ᵀB₀ failed");
        }
        DMatrixRMaj q = qr.getQ(null, true);
        DMatrixRMaj r0 = qr.getR(null, true);
        this.perpBasis = new DMatrixRMaj(d, r);
        CommonOps_DDRM.mult(truth.bPerp(), q, perpBasis);

        this.z = new double[n * kp];
        this.zNext = new double[n * kp];
        System.arraycopy(p0.data, 0, z, 0, k * kp);
        System.arraycopy(r0.data, 0, z, k * kp, r * kp);
        this.w = w0.clone();

        this.y = new double[n];
        this.pmu = new double[kp];
        this.u = new double[kp];
        this.a = new double[kp];
        this.za = new double[n];
        this.zu = new double[n];
        this.ma = new double[kp];
        this.gram = new double[n * n];
        this.kMat = new double[n * n];
        this.zt = new double[kp * n];
        this.rowA = new double[kp];
        this.rowB = new double[kp];
        this.rowC = new double[kp];
        this.rowD = new double[kp];
        this.magnitude = sumSquares(z) + sumSquares(w);
    }

    @Override
    public Params params() {
        return params;
    }

    @Override
    public GroundTruth truth() {
        return truth;
    }

    @Override
    public long iteration() {
        return iteration;
    }

    @Override
    public double magnitude() {
        return magnitude;
    }

    @Override
    public void step() {
        headMoments();
        double gamma = alpha * alpha * invMIn * (vNormSq() + traceSigma + sigma2);
        buildK(gamma);
        updateZ();
        if (updateHead) {
            // w_{t+1} = w − β Bᵀ(Ba − B⋆μ⋆) = w − β(ZᵀZa − Pᵀμ⋆)   (eq. 5, general form)
            for (int j = 0; j < kp; j++) {
                w[j] -= beta * (ma[j] - pmu[j]);
            }
        }
        double[] t = z;
        z = zNext;
        zNext = t;
        iteration++;
        magnitude = sumSquares(z) + sumSquares(w);
    }

    /** y = Zw, pmu = Pᵀμ⋆, u = Bᵀv = Zᵀy − pmu, a = w − αu, za = Za, zu = Zu, ma = ZᵀZa. */
    private void headMoments() {
        matVec(z, w, y);
        java.util.Arrays.fill(pmu, 0);
        for (int i = 0; i < k; i++) {
            axpy(mu[i], z, i * kp, pmu, 0, kp);
        }
        java.util.Arrays.fill(u, 0);
        for (int i = 0; i < n; i++) {
            axpy(y[i], z, i * kp, u, 0, kp);
        }
        for (int j = 0; j < kp; j++) {
            u[j] -= pmu[j];
            a[j] = w[j] - alpha * u[j];
        }
        matVec(z, u, zu);
        for (int i = 0; i < n; i++) {
            za[i] = y[i] - alpha * zu[i];
        }
        java.util.Arrays.fill(ma, 0);
        for (int i = 0; i < n; i++) {
            axpy(za[i], z, i * kp, ma, 0, kp);
        }
    }

    /** ‖v‖² = ‖Bw − B⋆μ⋆‖² = ‖Pw − μ⋆‖² + ‖Rw‖² (needs y = Zw). */
    private double vNormSq() {
        double v2 = 0;
        for (int i = 0; i < n; i++) {
            double e = i < k ? y[i] - mu[i] : y[i];
            v2 += e * e;
        }
        return v2;
    }

    /** K = γN + the Σ⋆ columns (see the class comment); N = ZZᵀ is formed only where K needs it. */
    private void buildK(double gamma) {
        double c = alpha * alpha * (1 + invMIn);
        int cols = gamma != 0 ? n : k;
        for (int i = 0; i < n; i++) {
            int zi = i * kp;
            for (int l = 0; l < cols; l++) {
                double dot = 0;
                int zl = l * kp;
                for (int j = 0; j < kp; j++) {
                    dot += z[zi + j] * z[zl + j];
                }
                gram[i * n + l] = dot;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < n; l++) {
                double v = 0;
                if (gamma != 0) {
                    v = gamma * gram[i * n + l];
                }
                if (l < k) {
                    v += c * s[l] * gram[i * n + l];
                    if (i == l) {
                        v -= alpha * s[l];
                    }
                }
                kMat[i * n + l] = v;
            }
        }
    }

    /** zNext = Z − βKZ − β(za − μ̄)aᵀ − β(α²/m_in) zu uᵀ. */
    private void updateZ() {
        double c2 = beta * alpha * alpha * invMIn;
        for (int i = 0; i < n; i++) {
            int oi = i * kp;
            System.arraycopy(z, oi, zNext, oi, kp);
            for (int l = 0; l < n; l++) {
                double kil = kMat[i * n + l];
                if (kil != 0) {
                    axpy(-beta * kil, z, l * kp, zNext, oi, kp);
                }
            }
            double ca = -beta * (za[i] - (i < k ? mu[i] : 0));
            axpy(ca, a, 0, zNext, oi, kp);
            axpy(-c2 * zu[i], u, 0, zNext, oi, kp);
        }
    }

    private void matVec(double[] m, double[] x, double[] out) {
        for (int i = 0; i < n; i++) {
            double dot = 0;
            int off = i * kp;
            for (int j = 0; j < kp; j++) {
                dot += m[off + j] * x[j];
            }
            out[i] = dot;
        }
    }

    private static void axpy(double c, double[] x, int xOff, double[] yv, int yOff, int len) {
        for (int j = 0; j < len; j++) {
            yv[yOff + j] += c * x[xOff + j];
        }
    }

    private static double sumSquares(double[] x) {
        double t = 0;
        for (double v : x) {
            t += v * v;
        }
        return t;
    }

    // ---- record-time quantities (allocate; not on the hot path) ----

    /** P_t = B⋆ᵀB_t (k×k'), a fresh copy. */
    public DMatrixRMaj starProjection() {
        DMatrixRMaj p = new DMatrixRMaj(k, kp);
        System.arraycopy(z, 0, p.data, 0, k * kp);
        return p;
    }

    /** R_t (r×k'), with B⋆,⊥ᵀB_t = Q R_t and Q fixed with orthonormal columns; a fresh copy. */
    public DMatrixRMaj perpFactor() {
        DMatrixRMaj rr = new DMatrixRMaj(r, kp);
        System.arraycopy(z, k * kp, rr.data, 0, r * kp);
        return rr;
    }

    /** G_t = (B⋆,⊥ᵀB_t)ᵀ(B⋆,⊥ᵀB_t) = R_tᵀR_t (k'×k'). */
    public DMatrixRMaj perpGram() {
        DMatrixRMaj rr = perpFactor();
        DMatrixRMaj g = new DMatrixRMaj(kp, kp);
        CommonOps_DDRM.multTransA(rr, rr, g);
        return g;
    }

    /** w_t, a fresh copy. */
    public double[] head() {
        return w.clone();
    }

    /** B_t = B⋆P_t + (B⋆,⊥Q)R_t (d×k'). Costs d·n·k'. */
    public DMatrixRMaj representation() {
        DMatrixRMaj b = new DMatrixRMaj(truth.d(), kp);
        CommonOps_DDRM.mult(truth.bStar(), starProjection(), b);
        CommonOps_DDRM.multAdd(perpBasis, perpFactor(), b);
        return b;
    }

    @Override
    public ModelState state() {
        return new ModelState(iteration, representation(), w.clone(), starProjection(), perpGram());
    }

    /** E[w_{t,i} w_{t,i}ᵀ] at θ_t (k'×k'), eq. (7) in its general form (§3.2). */
    public DMatrixRMaj headSecondMoment() {
        Moments m = moments();
        return m.e;
    }

    /** E[w⋆,i w_{t,i}ᵀ] at θ_t (k×k'), §3.2. */
    public DMatrixRMaj crossMoment() {
        return moments().c;
    }

    /**
     * The closed-form ANIL objective at θ_t (§3.2):
     * L = ½[Tr(BᵀB E) − 2Tr(B⋆ᵀB Cᵀ) + Tr Σ⋆ + ‖μ⋆‖²] + σ²/2.
     */
    @Override
    public double trainingLoss() {
        Moments m = moments();
        double trME = 0;
        for (int i = 0; i < kp * kp; i++) {
            trME += m.gramB.data[i] * m.e.data[i]; // both symmetric: Tr(ME) = Σ M_ij E_ij
        }
        double trPC = 0;
        for (int i = 0; i < k * kp; i++) {
            trPC += z[i] * m.c.data[i];
        }
        double mu2 = 0;
        for (double v : mu) {
            mu2 += v * v;
        }
        return 0.5 * (trME - 2 * trPC + traceSigma + mu2) + 0.5 * sigma2;
    }

    private record Moments(DMatrixRMaj gramB, DMatrixRMaj e, DMatrixRMaj c) {
    }

    /** BᵀB, E and C built explicitly from Z and w (k'×k' work; record time and tests only). */
    private Moments moments() {
        DMatrixRMaj zm = DMatrixRMaj.wrap(n, kp, z.clone());
        DMatrixRMaj gramB = new DMatrixRMaj(kp, kp);
        CommonOps_DDRM.multTransA(zm, zm, gramB);
        DMatrixRMaj p = starProjection();
        double[] pw = new double[k];
        double[] bv = new double[kp]; // u = Bᵀv = BᵀBw − Pᵀμ⋆
        double v2 = 0;
        for (int i = 0; i < n; i++) {
            double yi = 0;
            for (int j = 0; j < kp; j++) {
                yi += z[i * kp + j] * w[j];
            }
            double e = i < k ? yi - mu[i] : yi;
            v2 += e * e;
            if (i < k) {
                pw[i] = yi;
            }
        }
        for (int j = 0; j < kp; j++) {
            double t = 0;
            for (int l = 0; l < kp; l++) {
                t += gramB.get(j, l) * w[l];
            }
            for (int i = 0; i < k; i++) {
                t -= p.get(i, j) * mu[i];
            }
            bv[j] = t;
        }
        double[] av = new double[kp];
        for (int j = 0; j < kp; j++) {
            av[j] = w[j] - alpha * bv[j];
        }
        double cSig = alpha * alpha * (1 + invMIn);
        double gamma = alpha * alpha * invMIn * (v2 + traceSigma + sigma2);
        DMatrixRMaj e = new DMatrixRMaj(kp, kp);
        for (int i = 0; i < kp; i++) {
            for (int j = 0; j < kp; j++) {
                double pSp = 0;
                for (int l = 0; l < k; l++) {
                    pSp += p.get(l, i) * s[l] * p.get(l, j);
                }
                e.set(i, j, av[i] * av[j] + alpha * alpha * invMIn * bv[i] * bv[j] + cSig * pSp
                        + gamma * gramB.get(i, j));
            }
        }
        DMatrixRMaj c = new DMatrixRMaj(k, kp);
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < kp; j++) {
                c.set(i, j, mu[i] * av[j] + alpha * s[i] * p.get(i, j));
            }
        }
        return new Moments(gramB, e, c);
    }

    /** Multiply-adds of one {@link #step()} counted from the algebra above, times 2. */
    @Override
    public double flopsPerIteration() {
        double vectorWork = 5.0 * n * kp + 4.0 * n * kp; // Zw, Pᵀμ, Zᵀy, Zu, ZᵀZa + two rank-one updates
        boolean finiteMIn = invMIn != 0;
        double gramWork = finiteMIn ? (double) n * n * kp : (double) n * k * kp;
        double productWork = finiteMIn ? (double) n * n * kp : (double) n * k * kp;
        return 2 * (vectorWork + gramWork + productWork);
    }

    int rows() {
        return n;
    }
}
