/**
 * Closed forms drawn beside the measured curves: the limit Λ⋆ of Theorem 1 ({@code LambdaStar}, docs/math.md §4.1),
 * the 1/t law of unlearning ({@code UnlearningRate}, §4.3) and the exact expected risk of one test-time gradient
 * step ({@code OneStepRisk}, §4.4).
 *
 * <p>Decision: theory is plain static functions of the parameters and of a model state, in the core, so both fronts
 * draw the same levels and curves and the tests check them against the dynamics (which never call them). Which curve
 * a figure shows, and where the 1/t curve is anchored, is a figure recipe and belongs to the {@code figure}
 * package, not here.
 */
package org.anilexplorer.core.theory;
