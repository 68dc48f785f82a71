package org.anilexplorer.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.anilexplorer.core.params.Params;
import org.junit.jupiter.api.Test;

class DivergenceTest {

    @Test
    void limitIsTheLowerOfAbsoluteAndRelativeCeilings() {
        assertEquals(1e8, Divergence.limit(0.0));      // a zero start counts as 1
        assertEquals(1e8, Divergence.limit(0.5));
        assertEquals(5e10, Divergence.limit(500));
        assertEquals(1e12, Divergence.limit(1e6));
        assertTrue(Divergence.exceeded(Double.NaN, 1e12));
        assertTrue(Divergence.exceeded(Double.POSITIVE_INFINITY, 1e12));
        assertFalse(Divergence.exceeded(1e11, 1e12));
    }

    @Test
    void causesInOrderOfLikelihood() {
        Params base = Params.defaults().withAll(java.util.Map.of("task_cov", "identity", "k", "3", "sigma2", "1"));
        // σ̃² = 3 + 1 = 4, σ̃ = 2
        String inner = Divergence.likelyCause(base.with("alpha", "0.8"));
        assertTrue(inner.contains("α·σ̃ = 1.6") && inner.contains("try alpha ≤ 0.5"), inner);

        // α·σ̃ = 0.2; default gaussian init s = 1, k' = d: α·m_in·s²·(1+1)² = 0.1·20·4 = 8 ≤ 10, so not the init
        // α = 0.1 ≤ 1/σ̃ = 0.5: the outer step; Λ⋆ passes 1/(2α) = 5, where (I − αBᵀB)BᵀB peaks at 1/(4α) = 2.5
        String outer = Divergence.likelyCause(base.with("beta", "0.5"));
        assertTrue(outer.contains("β = 0.5") && outer.contains("(I − αBᵀB)BᵀB") && outer.contains("L ≈ 2.50")
                && outer.endsWith("try beta ≤ 0.4"), outer);

        // s = 2: α·m_in·‖B₀‖² ≈ 0.1·20·4·4 = 32 > 10; suggest s ≤ 1/√(0.1·20·4) = 0.354 → 0.35
        String init = Divergence.likelyCause(base.with("init_scale", "2"));
        assertTrue(init.contains("≈ 32") && init.contains("try init_scale ≤ 0.35"), init);

        // Burer–Monteiro never names α (it has no inner step), and its bound comes from its own Hessian
        String bm = Divergence.likelyCause(base.with("algorithm", "burer-monteiro").with("alpha", "5")
                .with("beta", "1000"));
        assertTrue(bm.contains("step β = 1000") && bm.contains("Hessian of the multi-task loss"), bm);
        double suggested = Double.parseDouble(bm.substring(bm.indexOf("try beta ≤ ") + "try beta ≤ ".length()));
        assertEquals(Divergence.roundDown(StepSizeBounds.of(base.with("algorithm", "burer-monteiro")).betaMax()),
                suggested, 1e-12);
    }

    @Test
    void roundsSuggestionsDownToTwoDigits() {
        assertEquals(0.57, Divergence.roundDown(1 / Math.sqrt(3)), 1e-12);
        assertEquals(120, Divergence.roundDown(123.9), 1e-12);
        assertEquals(0.0031, Divergence.roundDown(0.003199), 1e-15);
    }
}
