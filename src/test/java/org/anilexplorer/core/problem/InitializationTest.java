package org.anilexplorer.core.problem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.Map;
import org.anilexplorer.core.params.Params;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class InitializationTest {

    private static Params p(Map<String, String> settings) {
        Params p = Params.defaults().withAll(settings);
        p.validate();
        return p;
    }

    /** orthonormal: α B₀ᵀB₀ = s² I exactly (up to rounding). */
    @Test
    void orthonormalScheme() {
        Params p = p(Map.of("d", "30", "k", "3", "k_prime", "7", "init", "orthonormal", "init_scale", "1.5",
                "alpha", "0.2"));
        DMatrixRMaj b = Initialization.sample(p, 3).b0();
        DMatrixRMaj gram = new DMatrixRMaj(7, 7);
        CommonOps_DDRM.multTransA(b, b, gram);
        CommonOps_DDRM.scale(0.2, gram);
        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 7; j++) {
                assertEquals(i == j ? 2.25 : 0, gram.get(i, j), 1e-13);
            }
        }
    }

    /** gaussian: B₀ entries N(0, s²/d); w₀ entries N(0, w0²/k'); moments within 5 standard errors. */
    @Test
    void gaussianScheme() {
        Params p = p(Map.of("d", "400", "k", "3", "k_prime", "300", "init_scale", "2", "w0_scale", "3"));
        Initialization init = Initialization.sample(p, 5);
        double[] b = init.b0().data;
        double n = b.length;
        double mean = Arrays.stream(b).sum() / n;
        double var = Arrays.stream(b).map(x -> x * x).sum() / n;
        double s2 = 4.0 / 400;
        assertEquals(0, mean, 5 * Math.sqrt(s2 / n));
        assertEquals(s2, var, 5 * s2 * Math.sqrt(2 / n));
        double[] w = init.w0();
        double wVar = Arrays.stream(w).map(x -> x * x).sum() / 300;
        assertEquals(9.0 / 300, wVar, 5 * (9.0 / 300) * Math.sqrt(2 / 300.0));
    }

    /** Same seed ⇒ same θ₀ whatever the method; w0_scale = 0 ⇒ w₀ = 0 exactly; another seed ⇒ another B₀. */
    @Test
    void sharedAcrossMethodsAndSeeded() {
        Params p = p(Map.of("d", "10", "k", "2", "k_prime", "6", "w0_scale", "0"));
        Initialization a = Initialization.sample(p, 8);
        Initialization b = Initialization.sample(p.with("algorithm", "burer-monteiro").with("tasks", "7"), 8);
        assertArrayEquals(a.b0().data, b.b0().data);
        assertArrayEquals(new double[6], a.w0());
        assertFalse(Arrays.equals(a.b0().data, Initialization.sample(p, 9).b0().data));
    }
}
