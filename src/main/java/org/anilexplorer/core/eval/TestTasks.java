package org.anilexplorer.core.eval;

import java.util.SplittableRandom;
import org.anilexplorer.core.problem.GroundTruth;
import org.anilexplorer.core.problem.RandomStreams;

/**
 * The fresh test tasks of one seed (docs/math.md §6.1, eq. (10)): task i has w⋆ ~ N(μ⋆, Σ⋆), rows x_r ~ N(0, I_d) and
 * labels y_r = x_rᵀB⋆w⋆ + z_r with z_r ~ N(0, σ²).
 *
 * <p>Task i is drawn from its own sub-stream of {@link RandomStreams.Purpose#TEST_TASKS}, so it depends only on
 * (seed, i): not on the thread that evaluates it, the number of test tasks, nor the method being evaluated. The head
 * is drawn first and then the rows one at a time (features, then noise), so the task with m rows is the first m rows
 * of the task with more rows: the m_test = 20 and m_test = 30 evaluations see the same w⋆ and nested data.
 */
public final class TestTasks {

    private TestTasks() {
    }

    /**
     * Draws the first {@code rows} samples of test task {@code index}.
     *
     * @param headStar receives w⋆ (length ≥ k)
     * @param thetaStar receives θ⋆ = B⋆w⋆ (length ≥ d)
     * @param x receives the rows, row-major (length ≥ rows·d)
     * @param y receives the labels (length ≥ rows)
     */
    public static void draw(long seed, long index, GroundTruth truth, int rows, double[] headStar, double[] thetaStar,
            double[] x, double[] y) {
        int d = truth.d();
        double sigma = Math.sqrt(truth.sigma2());
        SplittableRandom rng = RandomStreams.stream(seed, RandomStreams.Purpose.TEST_TASKS, index);
        truth.sampleHead(rng, headStar);
        truth.theta(headStar, thetaStar);
        for (int r = 0; r < rows; r++) {
            int row = r * d;
            double signal = 0;
            for (int i = 0; i < d; i++) {
                double v = rng.nextGaussian();
                x[row + i] = v;
                signal += v * thetaStar[i];
            }
            y[r] = signal + sigma * rng.nextGaussian();
        }
    }
}
