package org.anilexplorer.core.algo;

import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.problem.GroundTruth;

/**
 * Entry point for every method on N finite tasks (fixed pool or fresh batches). Every method run with the same seed
 * sees the same tasks ({@link org.anilexplorer.core.problem.TaskPool}) and starts from the same B₀ and w₀
 * ({@link org.anilexplorer.core.problem.Initialization}). Close the returned dynamics to stop its worker threads.
 */
public final class FiniteTasks {

    private FiniteTasks() {
    }

    /**
     * Which implementation of the finite-task kernels this JVM runs: "vector" when it was started with
     * {@code --add-modules jdk.incubator.vector} (as the installed app is), else "scalar". Both give the same bits.
     */
    public static String kernelPath() {
        return Kernels.preferred().name();
    }

    /**
     * @param threads at most this many threads work inside one step (≥ 1); the iterates do not depend on it
     */
    public static Dynamics create(Params p, GroundTruth truth, long seed, int threads) {
        if (p.tasks().infinite()) {
            throw new IllegalArgumentException("tasks = inf is handled by InfiniteTasks");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
        }
        return switch (p.algorithm()) {
            case FO_ANIL -> p.mIn().infinite() && p.mOut().infinite()
                    ? new FoAnilInfiniteSamples(p, truth, seed)
                    : new FiniteMetaLearning(p, truth, seed, threads);
            case FO_MAML, ANIL, MAML -> new FiniteMetaLearning(p, truth, seed, threads);
            case BURER_MONTEIRO -> new BurerMonteiro(p, truth, seed, threads);
            case AVERAGE_LOSS -> new AverageLoss(p, truth, seed, threads);
        };
    }
}
