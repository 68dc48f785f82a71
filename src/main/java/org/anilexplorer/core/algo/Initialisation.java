package org.anilexplorer.core.algo;

import java.util.SplittableRandom;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.problem.RandomStreams;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * The starting point (B₀, w₀) shared by every method: all of them call {@link #b0(Params, long)}, so two methods run
 * with the same seed start from the same B₀ and w₀ (a fair comparison, as in the figures of Yüksel et al.).
 *
 * <p>Stream layout of {@link RandomStreams.Purpose#INIT} (fixed, so a parameter never shifts another's draws):
 * first d·k' standard Gaussians filling a d×k' matrix row by row, then k' standard Gaussians for w₀. The w₀ draws
 * happen even when w0_scale = 0.
 * <ul>
 *   <li>gaussian: B₀ = (init_scale/√d)·G, i.e. entries i.i.d. N(0, init_scale²/d);</li>
 *   <li>orthonormal: B₀ = init_scale·α^(-1/2)·Q with Q the thin Q factor (EJML Householder QR) of G, so
 *       α B₀ᵀB₀ = init_scale²·I_{k'} (the initialisation assumed by Collins et al.);</li>
 *   <li>w₀ = (w0_scale/√k')·g, i.e. entries i.i.d. N(0, w0_scale²/k').</li>
 * </ul>
 *
 * @param b B₀ (d×k'), a fresh matrix owned by the caller
 * @param w w₀ (k'), a fresh array owned by the caller
 */
public record Initialisation(DMatrixRMaj b, double[] w) {

    /** Draws (B₀, w₀) for run {@code seed} from the INIT stream. */
    public static Initialisation b0(Params p, long seed) {
        int d = p.d();
        int kp = p.kPrime();
        SplittableRandom rng = RandomStreams.stream(seed, RandomStreams.Purpose.INIT);
        DMatrixRMaj b = new DMatrixRMaj(d, kp);
        switch (p.init()) {
            case GAUSSIAN -> RandomStreams.gaussian(rng, b.data, 0, d * kp, p.initScale() / Math.sqrt(d));
            case ORTHONORMAL -> {
                if (kp > d) {
                    throw new IllegalArgumentException("orthonormal init needs k_prime ≤ d, got k_prime = " + kp + ", d = " + d);
                }
                DMatrixRMaj g = new DMatrixRMaj(d, kp);
                RandomStreams.gaussian(rng, g.data, 0, d * kp, 1.0);
                QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(d, kp);
                if (!qr.decompose(g)) {
                    throw new IllegalStateException("QR of the initial draw failed");
                }
                qr.getQ(b, true);
                CommonOps_DDRM.scale(p.initScale() / Math.sqrt(p.alpha()), b);
            }
        }
        double[] w = new double[kp];
        RandomStreams.gaussian(rng, w, 0, kp, p.w0Scale() / Math.sqrt(kp));
        return new Initialisation(b, w);
    }
}
