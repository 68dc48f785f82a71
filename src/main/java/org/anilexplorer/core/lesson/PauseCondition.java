package org.anilexplorer.core.lesson;

import java.util.List;
import java.util.Locale;
import org.anilexplorer.core.metrics.Snapshot;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.run.SeriesMetric;
import org.anilexplorer.core.theory.LambdaStar;

/**
 * A state of a run at which a lesson stops to explain, judged on the run's recorded snapshots only (never on the
 * wall clock), so the same run pauses at the same iteration every time. A condition at record {@code index} may look
 * back at earlier records but never ahead.
 */
public sealed interface PauseCondition {

    /** Whether the condition holds at {@code series.get(index)}, for a run with these parameters. */
    boolean holds(List<Snapshot> series, int index, Params params);

    /** How far back the slopes look: from the record at or before t/2 up to t (about one doubling of t). */
    double SLOPE_WINDOW = 2;

    /** For {@link Stalled}: the share of its starting value the orthogonal part must have come down to. */
    double UNLEARNED_SHARE = 0.5;

    /** How close to Λ⋆ col(B⋆) must be before the orthogonal part's slope means anything. */
    double LEARNED_FOR_SLOPES = 0.1;

    /**
     * col(B⋆) is learned: the smallest squared singular value of B⋆ᵀB_t is within {@code within} (relative) of the
     * smallest eigenvalue of Λ⋆ (Theorem 1).
     */
    record Learned(double within) implements PauseCondition {

        public Learned {
            requirePositive(within, "within");
        }

        @Override
        public boolean holds(List<Snapshot> series, int index, Params params) {
            return learned(series.get(index), params, within);
        }
    }

    /**
     * The orthogonal part follows 1/t: over the last doubling of t, with col(B⋆) learned throughout, the log–log slope
     * of the largest squared singular value of B⋆,⊥ᵀB_t is within {@code within} of −1.
     */
    record OneOverT(double within) implements PauseCondition {

        public OneOverT {
            requirePositive(within, "within");
        }

        @Override
        public boolean holds(List<Snapshot> series, int index, Params params) {
            double slope = unlearningSlope(series, index, params);
            return Math.abs(slope + 1) <= within;
        }
    }

    /**
     * Unlearning has stalled at a residual: the largest squared singular value of B⋆,⊥ᵀB_t has come down to at most
     * {@value #UNLEARNED_SHARE} of its value at the first record, and with col(B⋆) learned its log–log slope over the
     * last doubling of t is at most {@code within} in size (finite tasks). The first part tells it from a run that
     * never unlearned ({@link Frozen}).
     */
    record Stalled(double within) implements PauseCondition {

        public Stalled {
            requirePositive(within, "within");
        }

        @Override
        public boolean holds(List<Snapshot> series, int index, Params params) {
            return series.get(index).sv2PerpMax() <= UNLEARNED_SHARE * series.get(0).sv2PerpMax()
                    && Math.abs(unlearningSlope(series, index, params)) <= within;
        }
    }

    /**
     * The orthogonal part does not move: with col(B⋆) learned, the log–log slope of its largest squared singular
     * value over the last doubling of t is at most {@code within} in size (infinite samples never unlearn).
     */
    record Frozen(double within) implements PauseCondition {

        public Frozen {
            requirePositive(within, "within");
        }

        @Override
        public boolean holds(List<Snapshot> series, int index, Params params) {
            return Math.abs(unlearningSlope(series, index, params)) <= within;
        }
    }

    /** A recorded curve has come down to {@code value} or below (e.g. the principal-angle distance under 10⁻³). */
    record Below(SeriesMetric metric, double value) implements PauseCondition {

        public Below {
            if (metric == null) {
                throw new IllegalArgumentException("metric is missing");
            }
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("value must be a finite number, got " + value);
            }
        }

        @Override
        public boolean holds(List<Snapshot> series, int index, Params params) {
            return metric.of(series.get(index)) <= value;
        }
    }

    /** The run has reached iteration {@code iteration}. */
    record Reached(long iteration) implements PauseCondition {

        public Reached {
            if (iteration < 0) {
                throw new IllegalArgumentException("iteration must be ≥ 0, got " + iteration);
            }
        }

        @Override
        public boolean holds(List<Snapshot> series, int index, Params params) {
            return series.get(index).iteration() >= iteration;
        }
    }

    private static boolean learned(Snapshot s, Params params, double within) {
        double[] lambda = LambdaStar.eigenvalues(params);
        double smallest = lambda[lambda.length - 1];
        return Math.abs(s.sv2StarMin() - smallest) <= within * smallest;
    }

    /**
     * The log–log slope of σ²_max(B⋆,⊥ᵀB_t) from the last record at or before t/{@value #SLOPE_WINDOW} to t, or NaN
     * when there is no such record, a value is not positive, or col(B⋆) was not learned at both ends.
     */
    private static double unlearningSlope(List<Snapshot> series, int index, Params params) {
        Snapshot now = series.get(index);
        Snapshot then = null;
        for (int i = index - 1; i >= 0; i--) {
            if (series.get(i).iteration() * SLOPE_WINDOW <= now.iteration()) {
                then = series.get(i);
                break;
            }
        }
        if (then == null || then.iteration() <= 0 || !learned(then, params, LEARNED_FOR_SLOPES)
                || !learned(now, params, LEARNED_FOR_SLOPES)) {
            return Double.NaN;
        }
        double a = then.sv2PerpMax();
        double b = now.sv2PerpMax();
        if (!(a > 0 && b > 0)) {
            return Double.NaN;
        }
        return Math.log(b / a) / Math.log((double) now.iteration() / then.iteration());
    }

    private static void requirePositive(double v, String name) {
        if (!(v > 0 && Double.isFinite(v))) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s must be a number > 0, got %s", name, v));
        }
    }
}
