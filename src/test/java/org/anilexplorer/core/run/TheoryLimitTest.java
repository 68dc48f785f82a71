package org.anilexplorer.core.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.anilexplorer.core.params.Params;
import org.junit.jupiter.api.Test;

class TheoryLimitTest {

    @Test
    void matchesTheReferenceConfigurationOfTheSpec() {
        // math spec §9 I2: d = 50, k = 5, m_in = 20, σ² = 4, Σ⋆ = diag(1..5)/3, α = 0.1:
        // αΛ⋆ eigenvalues = [0.4167, 0.5797, 0.6667, 0.7207, 0.7576] (ascending)
        String cov = (1.0 / 3) + "," + (2.0 / 3) + ",1," + (4.0 / 3) + "," + (5.0 / 3);
        Params p = Params.defaults().withAll(java.util.Map.of("d", "50", "k", "5", "k_prime", "50", "m_in", "20",
                "sigma2", "4", "task_cov", cov, "alpha", "0.1"));
        double[] lambda = TheoryLimit.lambdaStar(p);
        double[] alphaLambda = new double[lambda.length];
        for (int j = 0; j < lambda.length; j++) {
            alphaLambda[j] = 0.1 * lambda[j];
        }
        assertArrayEquals(new double[] {0.7576, 0.7207, 0.6667, 0.5797, 0.4167}, alphaLambda, 5e-5);
    }

    @Test
    void infiniteInnerSamplesGiveOneOverAlpha() {
        Params p = Params.defaults().with("m_in", "inf").with("m_out", "inf").with("alpha", "0.25");
        assertArrayEquals(new double[] {4, 4, 4}, TheoryLimit.lambdaStar(p), 1e-12);
    }
}
