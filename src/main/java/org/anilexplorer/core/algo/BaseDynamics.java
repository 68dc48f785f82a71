package org.anilexplorer.core.algo;

import java.util.LinkedHashMap;
import java.util.Map;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.problem.GroundTruth;
import org.ejml.data.DMatrixRMaj;

/** What every {@link Dynamics} keeps alike: its parameters, ground truth, iteration count and magnitude. */
abstract class BaseDynamics implements Dynamics {

    protected final Params params;
    protected final GroundTruth truth;
    /** Completed iterations; advanced by {@link #step()}. */
    protected long iteration;
    /** ‖B‖_F² + ‖w‖² (and per-task heads), kept up to date by {@link #step()}. */
    protected double magnitude;

    BaseDynamics(Params params, GroundTruth truth) {
        this.params = params;
        this.truth = truth;
    }

    @Override
    public final Params params() {
        return params;
    }

    @Override
    public final GroundTruth truth() {
        return truth;
    }

    @Override
    public final long iteration() {
        return iteration;
    }

    @Override
    public final double magnitude() {
        return magnitude;
    }

    /** The kind of state of the methods whose whole state is (B, w): see {@link #saveModel}. */
    static final String MODEL_KIND = "B,w";

    /** The state of a method whose whole state is (B, w) and the magnitude. */
    final DynamicsState saveModel(DMatrixRMaj b, double[] w) {
        Map<String, double[]> arrays = new LinkedHashMap<>();
        arrays.put(DynamicsState.B, b.data);
        arrays.put(DynamicsState.W, w);
        return new DynamicsState(MODEL_KIND, iteration, magnitude, arrays);
    }

    /**
     * Restores (B, w) and the iteration into {@code b} and {@code w}; the magnitude too from a {@link #MODEL_KIND}
     * state, else ‖B‖_F² + ‖w‖² of the restored values.
     */
    final void restoreModel(DynamicsState s, DMatrixRMaj b, double[] w) {
        requireModel(s, b.numRows, b.numCols);
        s.copyInto(DynamicsState.B, b.data);
        s.copyInto(DynamicsState.W, w);
        iteration = s.iteration();
        magnitude = MODEL_KIND.equals(s.kind()) ? s.magnitude()
                : VectorOps.norm2(b.data, 0, b.data.length) + VectorOps.norm2(w, 0, w.length);
    }

    /** Refuses a state whose B is not d×k' or that has no shared head w. */
    static void requireModel(DynamicsState s, int d, int kp) {
        if (s.length(DynamicsState.B) != d * kp) {
            throw new IllegalArgumentException("the state's B holds " + s.length(DynamicsState.B)
                    + " numbers, not d×k' = " + d + "×" + kp);
        }
        if (!s.has(DynamicsState.W)) {
            throw new IllegalArgumentException("a " + s.kind() + " state has no shared head w to continue from");
        }
    }
}
