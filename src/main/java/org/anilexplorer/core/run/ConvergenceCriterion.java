package org.anilexplorer.core.run;

import org.anilexplorer.core.metrics.Snapshot;

/**
 * An optional early stop, judged at record times from two consecutive snapshots. Runs have none by default: FO-ANIL
 * unlearns B⋆,⊥ only like 1/t (docs/math.md §4.3), so "the curves look flat" is not convergence for this model, and
 * every run goes to its iteration budget unless the user asks for a criterion.
 */
@FunctionalInterface
public interface ConvergenceCriterion {

    /** Whether the run may stop at {@code current}, given the previous record. */
    boolean converged(Snapshot previous, Snapshot current);

    /**
     * Stationary to relative tolerance {@code tol} per iteration: every squared singular value of B⋆ᵀB and
     * B⋆,⊥ᵀB, and ‖Bw − B⋆μ⋆‖, moved by at most {@code tol·max(|value|, 1e-12)} per iteration between the two
     * records. Suits the exponentially converging well-specified runs of Collins et al.
     */
    static ConvergenceCriterion stationary(double tol) {
        if (!(tol > 0)) {
            throw new IllegalArgumentException("tolerance must be > 0");
        }
        return (previous, current) -> {
            double dt = current.iteration() - previous.iteration();
            if (dt <= 0) {
                return false;
            }
            return still(previous.sv2Star(), current.sv2Star(), tol * dt)
                    && still(previous.sv2Perp(), current.sv2Perp(), tol * dt)
                    && still(new double[] {previous.bwNorm()}, new double[] {current.bwNorm()}, tol * dt);
        };
    }

    private static boolean still(double[] a, double[] b, double relTol) {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (Math.abs(b[i] - a[i]) > relTol * Math.max(Math.abs(b[i]), 1e-12)) {
                return false;
            }
        }
        return true;
    }
}
