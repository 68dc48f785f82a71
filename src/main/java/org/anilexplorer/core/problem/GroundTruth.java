package org.anilexplorer.core.problem;

import java.util.SplittableRandom;
import org.anilexplorer.core.params.Params;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * The hidden structure shared by all tasks (Assumption 1 of Yüksel et al.): B⋆ with orthonormal columns, an
 * orthonormal basis B⋆,⊥ of its complement, the task-head mean μ⋆ and covariance Σ⋆ = diag(s), and the noise σ².
 * Immutable after construction; the matrices must not be modified by callers.
 */
public final class GroundTruth {

    private final int d;
    private final int k;
    private final DMatrixRMaj bStar;
    private final DMatrixRMaj bPerp;
    private final double[] sigmaDiag;
    private final double[] mean;
    private final double sigma2;

    public GroundTruth(DMatrixRMaj bStar, DMatrixRMaj bPerp, double[] sigmaDiag, double[] mean, double sigma2) {
        this.d = bStar.numRows;
        this.k = bStar.numCols;
        this.bStar = bStar;
        this.bPerp = bPerp;
        this.sigmaDiag = sigmaDiag.clone();
        this.mean = mean.clone();
        this.sigma2 = sigma2;
    }

    /** B⋆ = Q[:, :k], B⋆,⊥ = Q[:, k:], with Q from the QR decomposition of a d×d standard Gaussian (docs/math.md §2.1). */
    public static GroundTruth sample(Params p, long seed) {
        SplittableRandom rng = RandomStreams.stream(seed, RandomStreams.Purpose.GROUND_TRUTH);
        int d = p.d();
        DMatrixRMaj g = new DMatrixRMaj(d, d);
        RandomStreams.gaussian(rng, g.data, 0, d * d, 1.0);
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(d, d);
        if (!qr.decompose(g)) {
            throw new IllegalStateException("QR of the ground-truth draw failed");
        }
        DMatrixRMaj q = qr.getQ(null, false);
        DMatrixRMaj bStar = CommonOps_DDRM.extract(q, 0, d, 0, p.k());
        DMatrixRMaj bPerp = CommonOps_DDRM.extract(q, 0, d, p.k(), d);
        return new GroundTruth(bStar, bPerp, p.taskCovDiagonal(), p.taskMeanVector(), p.sigma2());
    }

    public int d() {
        return d;
    }

    public int k() {
        return k;
    }

    /** B⋆ (d×k), orthonormal columns. Do not modify. */
    public DMatrixRMaj bStar() {
        return bStar;
    }

    /** B⋆,⊥ (d×(d−k)), orthonormal basis of col(B⋆)^⊥. Do not modify. */
    public DMatrixRMaj bPerp() {
        return bPerp;
    }

    /** The diagonal s of Σ⋆ = Cov(w⋆). */
    public double[] sigmaDiag() {
        return sigmaDiag.clone();
    }

    public double sigma(int j) {
        return sigmaDiag[j];
    }

    /** μ⋆ = E[w⋆]. */
    public double[] mean() {
        return mean.clone();
    }

    public double mean(int j) {
        return mean[j];
    }

    public double sigma2() {
        return sigma2;
    }

    public double traceSigma() {
        double t = 0;
        for (double s : sigmaDiag) {
            t += s;
        }
        return t;
    }

    /** σ̃² = Tr Σ⋆ + σ². */
    public double tildeSigma2() {
        return traceSigma() + sigma2;
    }

    /** Draws one task head w⋆ ~ N(μ⋆, Σ⋆) into {@code out}. */
    public void sampleHead(SplittableRandom rng, double[] out) {
        for (int j = 0; j < k; j++) {
            out[j] = mean[j] + Math.sqrt(sigmaDiag[j]) * rng.nextGaussian();
        }
    }

    /** θ⋆ = B⋆ w⋆ into {@code out} (length d). */
    public void theta(double[] headStar, double[] out) {
        for (int i = 0; i < d; i++) {
            double s = 0;
            int row = i * k;
            for (int j = 0; j < k; j++) {
                s += bStar.data[row + j] * headStar[j];
            }
            out[i] = s;
        }
    }
}
