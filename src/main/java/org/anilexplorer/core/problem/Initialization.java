package org.anilexplorer.core.problem;

import java.util.SplittableRandom;
import org.anilexplorer.core.params.Params;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * The learner's starting point θ₀ = (B₀, w₀), drawn from the INIT stream of a run so that every method run with the
 * same seed starts from the same B₀ and w₀ (a fair comparison). B₀ is drawn first, then w₀.
 * <ul>
 *   <li>gaussian: B₀ entries i.i.d. N(0, s²/d) (the setting of Yüksel et al., s = init_scale);</li>
 *   <li>orthonormal: B₀ = s·α^(-1/2)·Q, Q the thin Q factor of a d×k' standard Gaussian matrix, so that
 *       α B₀ᵀB₀ = s² I (the theory assumption of Collins et al. when s = 1);</li>
 *   <li>w₀ entries i.i.d. N(0, w0_scale²/k'), and exactly w₀ = 0 when w0_scale = 0.</li>
 * </ul>
 *
 * @param b0 B₀ (d×k'); callers copy it before modifying
 * @param w0 w₀ (k'); callers copy it before modifying
 */
public record Initialization(DMatrixRMaj b0, double[] w0) {

    public static Initialization sample(Params p, long seed) {
        SplittableRandom rng = RandomStreams.stream(seed, RandomStreams.Purpose.INIT);
        int d = p.d();
        int kp = p.kPrime();
        DMatrixRMaj b = new DMatrixRMaj(d, kp);
        switch (p.init()) {
            case GAUSSIAN -> RandomStreams.gaussian(rng, b.data, 0, d * kp, p.initScale() / Math.sqrt(d));
            case ORTHONORMAL -> {
                DMatrixRMaj g = new DMatrixRMaj(d, kp);
                RandomStreams.gaussian(rng, g.data, 0, d * kp, 1.0);
                QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(d, kp);
                if (!qr.decompose(g)) {
                    throw new IllegalStateException("QR of the initialisation draw failed");
                }
                qr.getQ(b, true);
                CommonOps_DDRM.scale(p.initScale() / Math.sqrt(p.alpha()), b);
            }
        }
        double[] w = new double[kp];
        if (p.w0Scale() > 0) {
            RandomStreams.gaussian(rng, w, 0, kp, p.w0Scale() / Math.sqrt(kp));
        }
        return new Initialization(b, w);
    }
}
