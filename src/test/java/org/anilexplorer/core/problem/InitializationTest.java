package org.anilexplorer.core.problem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.anilexplorer.core.params.Params;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** The shared starting point (B₀, w₀): reproducible, fixed stream layout, the documented scales. */
class InitializationTest {

    private static final Params BASE = Params.defaults().with("d", "12").with("k", "3").with("k_prime", "7")
            .with("alpha", "0.25").with("init_scale", "0.8").with("w0_scale", "0.3");

    @Test
    void sameSeedGivesSameStartAndDifferentSeedsDiffer() {
        Initialization a = Initialization.sample(BASE, 5);
        Initialization b = Initialization.sample(BASE, 5);
        Initialization c = Initialization.sample(BASE, 6);
        assertArrayEquals(a.b0().data, b.b0().data, 0.0);
        assertArrayEquals(a.w0(), b.w0(), 0.0);
        assertTrue(a.b0().get(0, 0) != c.b0().get(0, 0));
        assertEquals(12, a.b0().numRows);
        assertEquals(7, a.b0().numCols);
        assertEquals(7, a.w0().length);
    }

    @Test
    void streamLayoutIsFixed() {
        // w₀ is drawn after the d·k' draws of B₀ whatever the scheme and scales, so w₀ only scales with w0_scale,
        // and B₀ does not depend on w0_scale.
        Initialization g = Initialization.sample(BASE, 3);
        Initialization o = Initialization.sample(BASE.with("init", "orthonormal"), 3);
        Initialization g2 = Initialization.sample(BASE.with("w0_scale", "0.6").with("init_scale", "1.6"), 3);
        Initialization zero = Initialization.sample(BASE.with("w0_scale", "0"), 3);
        assertArrayEquals(g.w0(), o.w0(), 0.0);
        for (int j = 0; j < 7; j++) {
            assertEquals(2 * g.w0()[j], g2.w0()[j], 1e-15);
            assertEquals(0.0, zero.w0()[j], 0.0);
            for (int i = 0; i < 12; i++) {
                assertEquals(2 * g.b0().get(i, j), g2.b0().get(i, j), 1e-15);
                assertEquals(g.b0().get(i, j), zero.b0().get(i, j), 0.0);
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
            sum += CommonOps_DDRM.elementSum(elementSquares(Initialization.sample(big, s).b0()));
        }
        double expected = 1.5 * 1.5 * 50;
        // Var of the sum of d·k' squared N(0, s²/d) entries = 2·d·k'·s⁴/d²; se of the mean over seeds
        double se = Math.sqrt(2.0 * 200 * 50 * Math.pow(1.5, 4) / (200.0 * 200.0) / seeds);
        assertEquals(expected, sum / seeds, 4 * se);

        // orthonormal: α B₀ᵀB₀ = s² I, and col(B₀) = col(the Gaussian draw of the same stream)
        Params orth = BASE.with("init", "orthonormal");
        DMatrixRMaj b = Initialization.sample(orth, 9).b0();
        DMatrixRMaj gram = new DMatrixRMaj(7, 7);
        CommonOps_DDRM.multTransA(b, b, gram);
        CommonOps_DDRM.scale(orth.alpha(), gram);
        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 7; j++) {
                assertEquals(i == j ? 0.64 : 0.0, gram.get(i, j), 1e-13);
            }
        }
        DMatrixRMaj g = Initialization.sample(BASE, 9).b0();
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
