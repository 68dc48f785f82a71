package org.anilexplorer.core.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.anilexplorer.core.params.Count;
import org.junit.jupiter.api.Test;

/** The 1/t unlearning curve of docs/math.md §4.3 as a function (its agreement with the dynamics is checked in I4). */
class UnlearningRateTest {

    @Test
    void refinedCurveStartsAtTheMeasuredValueAndApproachesTheAsymptote() {
        Count m = Count.of(20);
        double alpha = 0.1;
        double beta = 0.1;
        double tilde = 9;
        // REF constant: m_in/(2α²βσ̃²) = 20/(2·0.01·0.1·9) = 1111.1…
        assertEquals(20 / (2 * 0.01 * 0.1 * 9), 1 / UnlearningRate.rateConstant(alpha, beta, tilde, m), 1e-9);
        assertEquals(0.3, UnlearningRate.refined(10, 10, 0.3, alpha, beta, tilde, m), 1e-15);
        long t = 100_000_000L;
        double ratio = UnlearningRate.refined(t, 10, 0.3, alpha, beta, tilde, m)
                / UnlearningRate.asymptotic(t, alpha, beta, tilde, m);
        assertEquals(1.0, ratio, 1e-4);
        assertEquals(1111.111111, t * UnlearningRate.asymptotic(t, alpha, beta, tilde, m), 1e-5);
    }

    @Test
    void noUnlearningWithInfiniteInnerSamples() {
        assertEquals(Double.POSITIVE_INFINITY, UnlearningRate.asymptotic(5, 0.1, 0.1, 9, Count.INFINITE));
        assertEquals(0.42, UnlearningRate.refined(1000, 3, 0.42, 0.1, 0.1, 9, Count.INFINITE), 0);
        assertThrows(IllegalArgumentException.class, () -> UnlearningRate.refined(2, 3, 0.42, 0.1, 0.1, 9, Count.INFINITE));
    }
}
