package org.anilexplorer.core.algo;

import org.anilexplorer.core.problem.GroundTruth;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Test oracle: the infinite-task FO-ANIL update written literally in d-space from docs/math.md §3.6 (eqs. (5)–(7)
 * in the general μ⋆ form), with no change of coordinates and no fusion. Slow (d²k' per step) and obviously correct.
 */
final class DirectExpectedUpdate {

    final GroundTruth truth;
    final double alpha;
    final double beta;
    final double invMIn;
    final boolean updateHead;
    DMatrixRMaj b;
    double[] w;

    DirectExpectedUpdate(GroundTruth truth, double alpha, double beta, double invMIn, boolean updateHead,
                         DMatrixRMaj b0, double[] w0) {
        this.truth = truth;
        this.alpha = alpha;
        this.beta = beta;
        this.invMIn = invMIn;
        this.updateHead = updateHead;
        this.b = b0.copy();
        this.w = w0.clone();
    }

    /** B⋆ Σ⋆ B⋆ᵀ (d×d). */
    DMatrixRMaj starCov() {
        int d = truth.d();
        int k = truth.k();
        DMatrixRMaj bs = truth.bStar().copy();
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < k; j++) {
                bs.set(i, j, bs.get(i, j) * truth.sigma(j));
            }
        }
        DMatrixRMaj out = new DMatrixRMaj(d, d);
        CommonOps_DDRM.multTransB(bs, truth.bStar(), out);
        return out;
    }

    /** v = Bw − B⋆μ⋆ (d). */
    DMatrixRMaj v() {
        DMatrixRMaj v = new DMatrixRMaj(truth.d(), 1);
        CommonOps_DDRM.mult(b, DMatrixRMaj.wrap(w.length, 1, w.clone()), v);
        DMatrixRMaj bmu = new DMatrixRMaj(truth.d(), 1);
        CommonOps_DDRM.mult(truth.bStar(), DMatrixRMaj.wrap(truth.k(), 1, truth.mean()), bmu);
        CommonOps_DDRM.subtractEquals(v, bmu);
        return v;
    }

    /** a = E[w_{t,i}] = w − αBᵀv (k'). */
    DMatrixRMaj a() {
        DMatrixRMaj btv = new DMatrixRMaj(w.length, 1);
        CommonOps_DDRM.multTransA(b, v(), btv);
        DMatrixRMaj a = DMatrixRMaj.wrap(w.length, 1, w.clone());
        CommonOps_DDRM.addEquals(a, -alpha, btv);
        return a;
    }

    /** E[w_{t,i} w_{t,i}ᵀ], eq. (7) general form. */
    DMatrixRMaj e() {
        int d = truth.d();
        int kp = w.length;
        DMatrixRMaj v = v();
        DMatrixRMaj a = a();
        DMatrixRMaj e = new DMatrixRMaj(kp, kp);
        CommonOps_DDRM.multTransB(a, a, e);
        DMatrixRMaj inner = starCov();
        DMatrixRMaj tmp = new DMatrixRMaj(kp, d);
        DMatrixRMaj quad = new DMatrixRMaj(kp, kp);
        CommonOps_DDRM.multTransA(b, inner, tmp);
        CommonOps_DDRM.mult(tmp, b, quad);
        CommonOps_DDRM.addEquals(e, alpha * alpha, quad);
        double v2 = CommonOps_DDRM.dot(v, v);
        DMatrixRMaj bracket = new DMatrixRMaj(d, d);
        CommonOps_DDRM.multTransB(v, v, bracket);
        CommonOps_DDRM.addEquals(bracket, inner);
        for (int i = 0; i < d; i++) {
            bracket.add(i, i, v2 + truth.traceSigma() + truth.sigma2());
        }
        CommonOps_DDRM.multTransA(b, bracket, tmp);
        CommonOps_DDRM.mult(tmp, b, quad);
        CommonOps_DDRM.addEquals(e, alpha * alpha * invMIn, quad);
        return e;
    }

    /** E[w⋆ w_{t,i}ᵀ] = μ⋆aᵀ + αΣ⋆B⋆ᵀB (k×k'). */
    DMatrixRMaj c() {
        int k = truth.k();
        int kp = w.length;
        DMatrixRMaj a = a();
        DMatrixRMaj p = new DMatrixRMaj(k, kp);
        CommonOps_DDRM.multTransA(truth.bStar(), b, p);
        DMatrixRMaj c = new DMatrixRMaj(k, kp);
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < kp; j++) {
                c.set(i, j, truth.mean(i) * a.get(j) + alpha * truth.sigma(i) * p.get(i, j));
            }
        }
        return c;
    }

    /** Expected FO outer gradient in B: B E − B⋆C (d×k'). */
    DMatrixRMaj gradB() {
        DMatrixRMaj g = new DMatrixRMaj(truth.d(), w.length);
        CommonOps_DDRM.mult(b, e(), g);
        CommonOps_DDRM.multAdd(-1, truth.bStar(), c(), g);
        return g;
    }

    /** Expected FO outer gradient in w: Bᵀ(Ba − B⋆μ⋆) (k'). */
    DMatrixRMaj gradW() {
        DMatrixRMaj ba = new DMatrixRMaj(truth.d(), 1);
        CommonOps_DDRM.mult(b, a(), ba);
        CommonOps_DDRM.multAdd(-1, truth.bStar(), DMatrixRMaj.wrap(truth.k(), 1, truth.mean()), ba);
        DMatrixRMaj g = new DMatrixRMaj(w.length, 1);
        CommonOps_DDRM.multTransA(b, ba, g);
        return g;
    }

    /** Closed-form ANIL objective (docs/math.md §3.6): ½[Tr(BᵀB E) − 2Tr(B⋆ᵀB Cᵀ) + Tr Σ⋆ + ‖μ⋆‖²] + σ²/2. */
    double loss() {
        int kp = w.length;
        DMatrixRMaj gram = new DMatrixRMaj(kp, kp);
        CommonOps_DDRM.multTransA(b, b, gram);
        DMatrixRMaj me = new DMatrixRMaj(kp, kp);
        CommonOps_DDRM.mult(gram, e(), me);
        DMatrixRMaj p = new DMatrixRMaj(truth.k(), kp);
        CommonOps_DDRM.multTransA(truth.bStar(), b, p);
        double mu2 = 0;
        for (double m : truth.mean()) {
            mu2 += m * m;
        }
        return 0.5 * (CommonOps_DDRM.trace(me) - 2 * CommonOps_DDRM.elementSum(CommonOps_DDRM.elementMult(p, c(), null)) + truth.traceSigma() + mu2)
                + 0.5 * truth.sigma2();
    }

    void step() {
        DMatrixRMaj gb = gradB();
        DMatrixRMaj gw = gradW();
        CommonOps_DDRM.addEquals(b, -beta, gb);
        if (updateHead) {
            for (int j = 0; j < w.length; j++) {
                w[j] -= beta * gw.get(j);
            }
        }
    }
}
