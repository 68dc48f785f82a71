package org.anilexplorer.core.algo;

import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.problem.GroundTruth;

/**
 * One training run of one method, advanced one iteration at a time. Implementations preallocate everything in
 * their constructor; {@link #step()} allocates nothing. The same params and seed give bit-identical iterates.
 * Not thread-safe: one thread drives a run (an implementation may use worker threads inside {@code step}).
 */
public interface Dynamics extends AutoCloseable {

    Params params();

    GroundTruth truth();

    /** Number of completed iterations t (the state is θ_t). */
    long iteration();

    /** Advances θ_t to θ_{t+1}. */
    void step();

    /** A snapshot of θ_t. */
    ModelState state();

    /**
     * The method's own training objective at θ_t (for meta methods: the outer loss after the inner step, averaged
     * over the training tasks; for infinite tasks: its closed form). Used for the loss curve, at record times only.
     */
    double trainingLoss();

    /**
     * ‖B_t‖_F² + ‖w_t‖² (plus per-task heads where a method has them), kept up to date cheaply by {@link #step()}:
     * the run checks it after every iteration, so a diverging run stops at the iteration where it blows up.
     */
    double magnitude();

    /** Floating-point operations of one {@link #step()}, counted from the algebra (for the benchmark's GFLOP/s). */
    double flopsPerIteration();

    /**
     * Bytes of stored task data (samples and labels) one {@link #step()} must read: every task's rows once. Zero
     * for methods that keep no samples. With the machine's streaming bandwidth this gives the fastest possible step.
     */
    default double taskBytesPerIteration() {
        return 0;
    }

    /**
     * The state at θ_t that continuing needs beyond the parameters and seed ({@link DynamicsState}): a dynamics
     * built again from the same parameters and seed and given this state by {@link #restoreState} continues bit for
     * bit as this one would. Call it on the run's thread, between steps. Costs one copy of the state.
     *
     * @throws UnsupportedOperationException for a dynamics that cannot save its state (test stand-ins)
     */
    default DynamicsState saveState() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot save its state");
    }

    /**
     * Puts this dynamics, freshly built and not yet stepped, at a saved state. From a state of its own
     * {@link DynamicsState#kind() kind} (saved by a dynamics built from the same parameters and seed) the
     * continuation is exact; from another kind (parameters changed at a branch) it takes over B, w and the
     * iteration, and rebuilds what it keeps of its own from them.
     *
     * @throws IllegalArgumentException when the state does not fit (other dimensions, or no shared head w)
     * @throws UnsupportedOperationException for a dynamics that cannot restore a state (test stand-ins)
     */
    default void restoreState(DynamicsState state) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot restore a state");
    }

    /** Releases worker threads an implementation may hold; the run must not be stepped afterwards. Idempotent. */
    @Override
    default void close() {
    }
}
