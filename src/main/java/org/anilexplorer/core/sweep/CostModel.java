package org.anilexplorer.core.sweep;

import org.anilexplorer.core.params.Params;

/**
 * A rough relative cost of a job, for balancing shards and ordering work (longest first): iterations × the
 * multiply-adds of one step. Only ratios matter; a refused job costs a token amount so it still lands somewhere.
 * The Sweep view also estimates the time left from it.
 */
public final class CostModel {

    private CostModel() {
    }

    /** The job's relative cost (only ratios between jobs mean anything). */
    public static double cost(SweepJob job) {
        if (job.refused()) {
            return 1;
        }
        Params p = job.variant().params();
        return p.iterations() * perIteration(p) + 1;
    }

    /** Multiply-adds per iteration, up to a constant: d-independent for infinite tasks, per-task work otherwise. */
    static double perIteration(Params p) {
        int k = p.k();
        int kp = p.kPrime();
        if (p.tasks().infinite()) {
            // InfiniteTaskDynamics: F's upper triangle and Z F with m_in finite, a rank-(k + 1) update with m_in = ∞
            int n = k + Math.min(p.d() - k, kp);
            double matrixWork = p.mIn().finite() ? (n + 2) * (double) kp * kp / 2 + (double) n * kp * kp
                    : (double) n * (2 * k + 1) * kp;
            return matrixWork + 4.0 * n * kp;
        }
        double samples = (p.mIn().finite() ? p.mIn().value() : p.d()) + (p.mOut().finite() ? p.mOut().value() : p.d());
        return (double) p.tasks().value() * (samples * p.d() + (double) p.d() * kp) * 2;
    }
}
