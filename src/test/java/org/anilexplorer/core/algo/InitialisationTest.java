package org.anilexplorer.core.algo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.anilexplorer.core.params.Params;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class InitialisationTest {

    private static final Params BASE = Params.defaults().with("d", "12").with("k", "3").with("k_prime", "7")
            .with("alpha", "0.25").with("init_scale", "0.8").with("w0_scale", "0.3");

    @Test
    void sameSeedGivesSameStartAndDifferentSeedsDiffer() {
        Initialisation a = Initialisation.b0(BASE, 5);
        Initialisation b = Initialisation.b0(BASE, 5);
        Initialisation c = Initialisation.b0(BASE, 6);
        assertArrayEquals(a.b().data, b.b().data, 0.0);
        assertArrayEquals(a.w(), b.w(), 0.0);
        assertTrue(a.b().get(0, 0) != c.b().get(0, 0));
        assertEquals(12, a.b().numRows);
        assertEquals(7, a.b().numCols);
        assertEquals(7, a.w().length);
    }

    @Test
    void streamLayoutIsFixed() {
        // w₀ is drawn after the d·k' draws of B₀ whatever the scheme and scales, so w₀ only scales with w0_scale,
        // and B₀ does not depend on w0_scale.
        Initialisation g = Initialisation.b0(BASE, 3);
        Initialisation o = Initialisation.b0(BASE.with("init", "orthonormal"), 3);
        Initialisation g2 = Initialisation.b0(BASE.with("w0_scale", "0.6").with("init_scale", "1.6"), 3);
        Initialisation zero = Initialisation.b0(BASE.with("w0_scale", "0"), 3);
        assertArrayEquals(g.w(), o.w(), 0.0);
        for (int j = 0; j < 7; j++) {
            assertEquals(2 * g.w()[j], g2.w()[j], 1e-15);
            assertEquals(0.0, zero.w()[j], 0.0);
            for (int i = 0; i < 12; i++) {
                assertEquals(2 * g.b().get(i, j), g2.b().get(i, j), 1e-15);
                assertEquals(g.b().get(i, j), zero.b().get(i, j), 0.0);
            }
        }
    }

    @Test
    void gaussianScaleAndOrthonormalGram() {
        // Entries N(0, s²/d): E‖B₀‖_F² = s²·k'; averaged over seeds, within a few standard errors.
        Params big = BASE.with("d", "200").with("k_prime", "50").with("init_scale", "1.5");
        double sum = 0;
        int seeds = 20;
        for (int s = 0; s < seeds; s++) {
            sum += CommonOps_DDRM.elementSum(elementSquares(Initialisation.b0(big, s).b()));
        }
        double expected = 1.5 * 1.5 * 50;
        // Var of the sum of d·k' squared N(0, s²/d) entries = 2·d·k'·s⁴/d²; se of the mean over seeds
        double se = Math.sqrt(2.0 * 200 * 50 * Math.pow(1.5, 4) / (200.0 * 200.0) / seeds);
        assertEquals(expected, sum / seeds, 4 * se);

        // orthonormal: α B₀ᵀB₀ = s² I, and col(B₀) = col(the Gaussian draw of the same stream)
        Params orth = BASE.with("init", "orthonormal");
        DMatrixRMaj b = Initialisation.b0(orth, 9).b();
        DMatrixRMaj gram = new DMatrixRMaj(7, 7);
        CommonOps_DDRM.multTransA(b, b, gram);
        CommonOps_DDRM.scale(orth.alpha(), gram);
        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 7; j++) {
                assertEquals(i == j ? 0.64 : 0.0, gram.get(i, j), 1e-13);
            }
        }
        DMatrixRMaj g = Initialisation.b0(BASE, 9).b();
        // residual of g after projecting onto col(b): g − b (bᵀb)⁻¹ bᵀ g = g − (α/s²) b bᵀ g
        DMatrixRMaj btg = new DMatrixRMaj(7, 7);
        CommonOps_DDRM.multTransA(b, g, btg);
        DMatrixRMaj proj = new DMatrixRMaj(12, 7);
        CommonOps_DDRM.mult(orth.alpha() / 0.64, b, btg, proj);
        assertEquals(0.0, CommonOps_DDRM.elementMaxAbs(CommonOps_DDRM.subtract(g, proj, null)), 1e-13);
    }

    private static DMatrixRMaj elementSquares(DMatrixRMaj m) {
        DMatrixRMaj out = m.copy();
        CommonOps_DDRM.elementMult(out, m);
        return out;
    }
}
