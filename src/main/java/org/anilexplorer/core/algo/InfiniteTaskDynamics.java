package org.anilexplorer.core.algo;

import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.problem.GroundTruth;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * FO-ANIL with infinitely many tasks: the deterministic expected update of Yüksel et al., eqs. (5)–(7), in the general
 * form with task mean μ⋆ and diagonal covariance Σ⋆ (docs/math.md §3.6). With m_in = ∞ every 1/m_in term is dropped
 * (docs/math.md §3.5, the second reading); m_out never enters. update_head_outer = false freezes w at w₀.
 *
 * <h2>Coordinates that make the cost independent of d</h2>
 * Every iterate stays in span(B⋆) ⊕ span(B⋆,⊥D₀): B_{t+1} = B_t − β(B_t E_t − B⋆C_t) (eq. 6), so
 * B⋆,⊥ᵀB_{t+1} = B⋆,⊥ᵀB_t (I − βE_t) (docs/math.md §3.7, invariant I3). With the thin QR D₀ = B⋆,⊥ᵀB₀ = Q R₀ (Q of size
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
 * The cubic work is N = ZZᵀ (its lower triangle) and KZ: 1.5·n²·k' multiply-adds, at most 1.5·(k+k')²·k' whatever
 * d is; rows are separate arrays so that {@link RowKernels} vectorises. With m_in = ∞, γ = 0 and K has only k
 * non-zero columns, so a step costs O(n·k·k').
 *
 * <p>B (d×k') is rebuilt only in {@link #state()}, from the fixed orthonormal d×n basis [B⋆, B⋆,⊥Q].
 */
public final class InfiniteTaskDynamics extends BaseDynamics {

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
    private DMatrixRMaj perpBasis; // replaced only by restoreState from another kind of state

    // state: the n rows of Z = [P; R] (each of length k') and w
    private double[][] z;
    private double[][] zNext;
    private final double[] w;

    // workspace (preallocated; step() allocates nothing)
    /** The k' columns of Z, each of length n. */
    private final double[][] zCols;
    /** Lower triangle of N = ZZᵀ: gram[i][l] for l ≤ i (or only l &lt; k when m_in = ∞). */
    private final double[][] gram;
    /** The rows an output row of Z_{t+1} combines (Z's rows, a, u) and their coefficients. */
    private final double[][] sources;
    private final double[] coef;
    private final double[] y;
    private final double[] vc;
    private final double[] u;
    private final double[] a;
    private final double[] zu;
    private final double[] ac;
    private final double[] headGradient;
    /** N = ZZᵀ at iteration {@link #gramCacheIteration} (record time only). */
    private final DMatrixRMaj gramCache;
    private long gramCacheIteration = -1;

    /** Starts from (B₀, w₀) given explicitly (copied). */
    public InfiniteTaskDynamics(Params params, GroundTruth truth, DMatrixRMaj b0, double[] w0) {
        super(params, truth);
        if (!params.tasks().infinite()) {
            throw new IllegalArgumentException("InfiniteTaskDynamics needs tasks = inf, got " + params.tasks());
        }
        int d = truth.d();
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
        DMatrixRMaj[] qr0 = complementFactors(d0);
        DMatrixRMaj q = qr0[0];
        DMatrixRMaj r0 = qr0[1];
        this.perpBasis = new DMatrixRMaj(d, r);
        CommonOps_DDRM.mult(truth.bPerp(), q, perpBasis);

        this.z = new double[n][kp];
        this.zNext = new double[n][kp];
        for (int i = 0; i < k; i++) {
            System.arraycopy(p0.data, i * kp, z[i], 0, kp);
        }
        for (int i = 0; i < r; i++) {
            System.arraycopy(r0.data, i * kp, z[k + i], 0, kp);
        }
        this.w = w0.clone();

        this.zCols = new double[kp][n];
        this.gram = new double[n][n];
        this.sources = new double[n + 2][];
        this.coef = new double[n + 2];
        this.y = new double[n];
        this.vc = new double[n];
        this.u = new double[kp];
        this.a = new double[kp];
        this.zu = new double[n];
        this.ac = new double[n];
        this.headGradient = new double[kp];
        this.gramCache = new DMatrixRMaj(n, n);
        this.magnitude = frobeniusSq(z) + RowKernels.sumSquares(w, kp);
    }

    /**
     * {Q, R₀} with D₀ = Q R₀ and Q ((d−k)×r) with orthonormal columns. Householder QR refuses a matrix with an exactly
     * zero column (B₀ = 0 is a valid start: a stationary point when μ⋆ = 0); then Q is taken from the SVD instead,
     * whose left singular vectors span col(D₀) and are completed to r orthonormal columns, and R₀ = QᵀD₀.
     */
    private static DMatrixRMaj[] complementFactors(DMatrixRMaj d0) {
        int rows = d0.numRows;
        int cols = d0.numCols;
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(rows, cols);
        if (qr.decompose(d0.copy())) {
            return new DMatrixRMaj[] {qr.getQ(null, true), qr.getR(null, true)};
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(rows, cols, true, false, true);
        if (!svd.decompose(d0.copy())) {
            throw new IllegalStateException("neither QR nor SVD of B⋆,⊥ᵀB₀ succeeded");
        }
        DMatrixRMaj q = svd.getU(null, false);
        DMatrixRMaj r0 = new DMatrixRMaj(q.numCols, cols);
        CommonOps_DDRM.multTransA(q, d0, r0);
        return new DMatrixRMaj[] {q, r0};
    }

    @Override
    public void step() {
        transpose();
        // y = Zw; vc = coordinates of v = Bw − B⋆μ⋆ in the basis [B⋆, B⋆,⊥Q]
        RowKernels.combine(y, zCols, w, kp, n);
        double vNormSq = 0;
        for (int i = 0; i < n; i++) {
            vc[i] = i < k ? y[i] - mu[i] : y[i];
            vNormSq += vc[i] * vc[i];
        }
        // u = Bᵀv = Zᵀvc, a = E[w_{t,i}] = w − αu, ac = coordinates of Ba − B⋆μ⋆ = vc − αZu
        RowKernels.combine(u, z, vc, n, kp);
        for (int j = 0; j < kp; j++) {
            a[j] = w[j] - alpha * u[j];
        }
        RowKernels.combine(zu, zCols, u, kp, n);
        for (int i = 0; i < n; i++) {
            ac[i] = vc[i] - alpha * zu[i];
        }
        // ∇_w = Bᵀ(Ba − B⋆μ⋆) = Zᵀac   (eq. 5, general form)
        RowKernels.combine(headGradient, z, ac, n, kp);

        double gamma = alpha * alpha * invMIn * (vNormSq + traceSigma + sigma2);
        if (gamma != 0) {
            for (int i = 0; i < n; i++) {
                // lower triangle, rounded up to a multiple of 4 for the vector loop (the extra entries are unused)
                RowKernels.combine(gram[i], zCols, z[i], kp, Math.min(n, (i + 4) & ~3));
            }
        } else {
            for (int i = 0; i < n; i++) {
                RowKernels.combine(gram[i], zCols, z[i], kp, k);
            }
        }
        updateRows(gamma);

        if (updateHead) {
            for (int j = 0; j < kp; j++) {
                w[j] -= beta * headGradient[j];
            }
        }
        double[][] t = z;
        z = zNext;
        zNext = t;
        iteration++;
        magnitude = frobeniusSq(z) + RowKernels.sumSquares(w, kp);
    }

    private void transpose() {
        for (int i = 0; i < n; i++) {
            double[] zi = z[i];
            for (int j = 0; j < kp; j++) {
                zCols[j][i] = zi[j];
            }
        }
    }

    /**
     * Z_{t+1} row i = z_i − β Σ_l K_il z_l − β ac_i a − β(α²/m_in) zu_i u, with
     * K_il = γN_il + [l &lt; k](α²(1 + 1/m_in) s_l N_il − α s_l δ_il).
     */
    private void updateRows(double gamma) {
        double cSigma = alpha * alpha * (1 + invMIn);
        double cU = -beta * alpha * alpha * invMIn;
        if (gamma != 0) {
            // complete N from its lower triangle, so that row i of K reads one contiguous row
            for (int i = 0; i < n; i++) {
                double[] gi = gram[i];
                for (int l = i + 1; l < n; l++) {
                    gi[l] = gram[l][i];
                }
            }
            for (int l = 0; l < n; l++) {
                sources[l] = z[l];
            }
            sources[n] = a;
            sources[n + 1] = u;
            double bg = -beta * gamma;
            for (int i = 0; i < n; i++) {
                double[] gi = gram[i];
                for (int l = 0; l < n; l++) {
                    coef[l] = bg * gi[l];
                }
                for (int l = 0; l < k; l++) {
                    coef[l] -= beta * cSigma * s[l] * gi[l];
                }
                coef[i] += i < k ? 1 + beta * alpha * s[i] : 1;
                coef[n] = -beta * ac[i];
                coef[n + 1] = cU * zu[i];
                RowKernels.combine(zNext[i], sources, coef, n + 2, kp);
            }
            return;
        }
        // m_in = ∞: K has non-zero entries in its first k columns only, and there is no u term
        for (int i = 0; i < n; i++) {
            int count = 0;
            for (int l = 0; l < k; l++) {
                double kil = cSigma * s[l] * gram[i][l] - (l == i ? alpha * s[l] : 0);
                sources[count] = z[l];
                coef[count++] = (l == i ? 1 : 0) - beta * kil;
            }
            if (i >= k) {
                sources[count] = z[i];
                coef[count++] = 1;
            }
            sources[count] = a;
            coef[count++] = -beta * ac[i];
            RowKernels.combine(zNext[i], sources, coef, count, kp);
        }
    }

    private double frobeniusSq(double[][] rows) {
        double t = 0;
        for (int i = 0; i < n; i++) {
            t += RowKernels.sumSquares(rows[i], kp);
        }
        return t;
    }

    // ---- record-time quantities (allocate; not on the hot path) ----

    /** P_t = B⋆ᵀB_t (k×k'), a fresh copy. */
    public DMatrixRMaj starProjection() {
        DMatrixRMaj p = new DMatrixRMaj(k, kp);
        for (int i = 0; i < k; i++) {
            System.arraycopy(z[i], 0, p.data, i * kp, kp);
        }
        return p;
    }

    /** R_t (r×k'), with B⋆,⊥ᵀB_t = Q R_t and Q fixed with orthonormal columns; a fresh copy. */
    public DMatrixRMaj perpFactor() {
        DMatrixRMaj rr = new DMatrixRMaj(r, kp);
        for (int i = 0; i < r; i++) {
            System.arraycopy(z[k + i], 0, rr.data, i * kp, kp);
        }
        return rr;
    }

    /** G_t = (B⋆,⊥ᵀB_t)ᵀ(B⋆,⊥ᵀB_t) = R_tᵀR_t (k'×k'): row j from column j on is Σ_i R_ij R_i, then mirrored. */
    public DMatrixRMaj perpGram() {
        double[][] rRows = java.util.Arrays.copyOfRange(z, k, n);
        double[] column = new double[r];
        double[] row = new double[kp];
        DMatrixRMaj g = new DMatrixRMaj(kp, kp);
        for (int j = 0; j < kp; j++) {
            for (int i = 0; i < r; i++) {
                column[i] = rRows[i][j];
            }
            int from = j & ~3; // start at a multiple of 4 for the vector loop (the extra entries are overwritten)
            RowKernels.combine(row, rRows, column, r, from, kp);
            System.arraycopy(row, from, g.data, j * kp + from, kp - from);
        }
        for (int j = 0; j < kp; j++) {
            for (int l = 0; l < j; l++) {
                g.data[j * kp + l] = g.data[l * kp + j];
            }
        }
        return g;
    }

    /** w_t, a fresh copy. */
    public double[] head() {
        return w.clone();
    }

    /** B_t = B⋆P_t + (B⋆,⊥Q)R_t (d×k'), row i = Σ_l [B⋆, B⋆,⊥Q]_il z_l. Costs d·n·k'. */
    public DMatrixRMaj representation() {
        int d = truth.d();
        DMatrixRMaj b = new DMatrixRMaj(d, kp);
        double[] basisRow = new double[n];
        double[] row = new double[kp];
        for (int i = 0; i < d; i++) {
            for (int l = 0; l < k; l++) {
                basisRow[l] = truth.bStar().unsafe_get(i, l);
            }
            for (int l = 0; l < r; l++) {
                basisRow[k + l] = perpBasis.unsafe_get(i, l);
            }
            RowKernels.combine(row, z, basisRow, n, kp);
            System.arraycopy(row, 0, b.data, i * kp, kp);
        }
        return b;
    }

    /** The rows of Z = [P; R] in a state, n×k' row-major, valid in the basis its kind names. */
    static final String COORDINATES = "Z";

    /**
     * B (for a dynamics of another kind), w and the coordinates Z. The kind names the basis [B⋆, B⋆,⊥Q] by a hash of
     * its bits, since Z means nothing in another basis (Q comes from B₀, which depends on init, init_scale and α).
     */
    @Override
    public DynamicsState saveState() {
        java.util.Map<String, double[]> arrays = new java.util.LinkedHashMap<>();
        arrays.put(DynamicsState.B, representation().data);
        arrays.put(DynamicsState.W, w);
        arrays.put(COORDINATES, DynamicsState.flatten(z));
        return new DynamicsState(kind(), iteration, magnitude, arrays);
    }

    /**
     * From a state in the same basis, Z and w exactly; from any other, the basis and Z are rebuilt from the state's
     * B as a run starting there would build them from B₀.
     */
    @Override
    public void restoreState(DynamicsState s) {
        requireModel(s, truth.d(), kp);
        if (kind().equals(s.kind())) {
            s.copyInto(COORDINATES, z);
            s.copyInto(DynamicsState.W, w);
            magnitude = s.magnitude();
        } else {
            DMatrixRMaj b = new DMatrixRMaj(truth.d(), kp);
            s.copyInto(DynamicsState.B, b.data);
            InfiniteTaskDynamics from = new InfiniteTaskDynamics(params, truth, b, s.array(DynamicsState.W));
            perpBasis = from.perpBasis;
            for (int i = 0; i < n; i++) {
                System.arraycopy(from.z[i], 0, z[i], 0, kp);
            }
            System.arraycopy(from.w, 0, w, 0, kp);
            magnitude = from.magnitude;
        }
        iteration = s.iteration();
        gramCacheIteration = -1;
    }

    private String kind() {
        long h = 1;
        for (double x : perpBasis.data) {
            h = 31 * h + Double.doubleToRawLongBits(x);
        }
        return "infinite-tasks/" + Long.toHexString(h);
    }

    @Override
    public ModelState state() {
        return new ModelState(iteration, representation(), w.clone(), starProjection(), perpGram());
    }

    /**
     * The closed-form ANIL objective at θ_t (docs/math.md §3.6): L = ½[Tr(BᵀB E) − 2Tr(B⋆ᵀB Cᵀ) + Tr Σ⋆ + ‖μ⋆‖²] + σ²/2,
     * evaluated in Z coordinates without k'×k' products: with M = BᵀB = ZᵀZ and N = ZZᵀ,
     * Tr(ME) = ‖Za‖² + (α²/m_in)‖Zu‖² + α²(1 + 1/m_in) Σ_j s_j Σ_i N_ij² + γ‖N‖_F² and
     * Tr(PCᵀ) = Σ_j μ_j (Za)_j + α Σ_j s_j N_jj.
     */
    @Override
    public double trainingLoss() {
        double[][] cols = columns();
        double[] yy = new double[n];
        RowKernels.combine(yy, cols, w, kp, n);
        double v2 = 0;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = i < k ? yy[i] - mu[i] : yy[i];
            v2 += v[i] * v[i];
        }
        double[] uu = new double[kp];
        RowKernels.combine(uu, z, v, n, kp);
        double[] aa = new double[kp];
        for (int j = 0; j < kp; j++) {
            aa[j] = w[j] - alpha * uu[j];
        }
        double[] zaa = new double[n];
        double[] zuu = new double[n];
        RowKernels.combine(zaa, cols, aa, kp, n);
        RowKernels.combine(zuu, cols, uu, kp, n);
        double gamma = alpha * alpha * invMIn * (v2 + traceSigma + sigma2);
        double cSigma = alpha * alpha * (1 + invMIn);
        double[] nn = gramOfCoordinates().data;
        double normNSq = RowKernels.sumSquares(nn, n * n);
        double sigmaColumns = 0; // Σ_{j<k} s_j Σ_i N_ij²
        for (int j = 0; j < k; j++) {
            sigmaColumns += s[j] * RowKernels.sumSquares(java.util.Arrays.copyOfRange(nn, j * n, j * n + n), n);
        }
        double trME = RowKernels.sumSquares(zaa, n) + alpha * alpha * invMIn * RowKernels.sumSquares(zuu, n)
                + cSigma * sigmaColumns + gamma * normNSq;
        double trPC = 0;
        for (int i = 0; i < k; i++) {
            trPC += mu[i] * zaa[i] + alpha * s[i] * nn[i * n + i];
        }
        double mu2 = RowKernels.sumSquares(mu, k);
        return 0.5 * (trME - 2 * trPC + traceSigma + mu2) + 0.5 * sigma2;
    }

    /**
     * N = ZZᵀ (n×n, a fresh copy): the Gram matrix of B_t's rows in the orthonormal basis [B⋆, B⋆,⊥Q]. Its blocks
     * are Λ_t = PPᵀ, RPᵀ and RRᵀ, whose non-zero spectrum is that of G = RᵀR, so the metrics of a record need
     * nothing else. Costs n²k'/2 once per iteration (shared with {@link #trainingLoss()}).
     */
    public DMatrixRMaj coordinateGram() {
        return gramOfCoordinates().copy();
    }

    /** Zw_t (n): the coordinates of B_t w_t in the basis [B⋆, B⋆,⊥Q]. */
    public double[] coordinateHead() {
        double[] out = new double[n];
        RowKernels.combine(out, columns(), w, kp, n);
        return out;
    }

    private DMatrixRMaj gramOfCoordinates() {
        if (gramCacheIteration != iteration) {
            double[][] cols = columns();
            double[][] lower = new double[n][n];
            for (int i = 0; i < n; i++) {
                // lower triangle, rows rounded up to a multiple of 4 for the vector loop (extra entries unused)
                RowKernels.combine(lower[i], cols, z[i], kp, Math.min(n, (i + 4) & ~3));
            }
            for (int i = 0; i < n; i++) {
                for (int l = 0; l <= i; l++) {
                    gramCache.data[i * n + l] = lower[i][l];
                    gramCache.data[l * n + i] = lower[i][l];
                }
            }
            gramCacheIteration = iteration;
        }
        return gramCache;
    }

    /** The k' columns of Z as arrays of length n (fresh). */
    private double[][] columns() {
        double[][] cols = new double[kp][n];
        for (int i = 0; i < n; i++) {
            double[] zi = z[i];
            for (int j = 0; j < kp; j++) {
                cols[j][i] = zi[j];
            }
        }
        return cols;
    }

    /** E[w_{t,i} w_{t,i}ᵀ] at θ_t (k'×k'), eq. (7) in its general form (docs/math.md §3.6). */
    public DMatrixRMaj headSecondMoment() {
        Moments m = moments();
        return m.e;
    }

    /** E[w⋆,i w_{t,i}ᵀ] at θ_t (k×k'), docs/math.md §3.6. */
    public DMatrixRMaj crossMoment() {
        return moments().c;
    }

    private record Moments(DMatrixRMaj gramB, DMatrixRMaj e, DMatrixRMaj c) {
    }

    /** BᵀB, E and C built explicitly from Z and w (k'×k'×n work; for tests and inspection only). */
    private Moments moments() {
        DMatrixRMaj zm = coordinates();
        DMatrixRMaj gramB = new DMatrixRMaj(kp, kp);
        CommonOps_DDRM.multTransA(zm, zm, gramB);
        DMatrixRMaj p = starProjection();
        double[] pw = new double[k];
        double[] bv = new double[kp]; // u = Bᵀv = BᵀBw − Pᵀμ⋆
        double v2 = 0;
        for (int i = 0; i < n; i++) {
            double yi = 0;
            for (int j = 0; j < kp; j++) {
                yi += z[i][j] * w[j];
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

    /** Z = [P; R] (n×k'), a fresh copy. */
    DMatrixRMaj coordinates() {
        DMatrixRMaj zm = new DMatrixRMaj(n, kp);
        for (int i = 0; i < n; i++) {
            System.arraycopy(z[i], 0, zm.data, i * kp, kp);
        }
        return zm;
    }

    /**
     * 2 × the multiply-adds of one {@link #step()}: four matrix–vector products with Z (4nk'), the lower triangle of
     * N = ZZᵀ (n(n+1)k'/2) and the row combinations (n(n+2)k'); with m_in = ∞ only N's first k columns (nkk') and
     * k + 2 terms per row (n(k+2)k').
     */
    @Override
    public double flopsPerIteration() {
        double vectorWork = 4.0 * n * kp;
        boolean finiteMIn = invMIn != 0;
        double gramWork = finiteMIn ? n * (n + 1) / 2.0 * kp : (double) n * k * kp;
        double productWork = finiteMIn ? (double) n * (n + 2) * kp : (double) n * (k + 2) * kp;
        return 2 * (vectorWork + gramWork + productWork);
    }
}
