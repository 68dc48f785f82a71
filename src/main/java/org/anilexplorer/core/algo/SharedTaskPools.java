package org.anilexplorer.core.algo;

import java.lang.ref.WeakReference;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.anilexplorer.core.params.Count;
import org.anilexplorer.core.problem.GroundTruth;
import org.anilexplorer.core.problem.TaskPool;

/**
 * Fixed task pools shared by the runs that would draw the same one: the methods of one seed in an experiment each
 * train on the pool of (ground truth, seed, sizes), which at N = 50,000 is 612 MB and takes a second to draw. A fixed
 * pool is never written after it is drawn, so one copy serves every run. The key compares the ground truth by value
 * (B⋆, the head mean and variances, σ²), not by identity, because every run samples its own truth object; a pool is
 * kept only while some run holds it (weak references), so nothing outlives the runs that use it.
 */
final class SharedTaskPools {

    private static final Map<Key, WeakReference<TaskPool>> POOLS = new HashMap<>();

    private SharedTaskPools() {
    }

    /**
     * The fixed pool of (truth, seed, d, m_in, m_out, N): the one a live run already holds, or a new one from
     * {@code draw}, which must fill it as {@link TaskPool#drawFixed} does for that truth and seed. Runs asking for
     * the same pool at the same time wait for one draw.
     */
    static TaskPool fixed(GroundTruth truth, long seed, Count mIn, Count mOut, int tasks, Supplier<TaskPool> draw) {
        Key key = new Key(seed, tasks, mIn, mOut, truth.bStar().numRows, truth.bStar().numCols,
                truth.bStar().data.clone(), truth.mean().clone(), truth.sigmaDiag().clone(), truth.sigma2());
        synchronized (POOLS) {
            POOLS.values().removeIf(ref -> ref.get() == null);
            WeakReference<TaskPool> held = POOLS.get(key);
            TaskPool pool = held == null ? null : held.get();
            if (pool == null) {
                pool = draw.get();
                POOLS.put(key, new WeakReference<>(pool));
            }
            return pool;
        }
    }

    /** What makes two fixed pools the same draw. */
    private record Key(long seed, int tasks, Count mIn, Count mOut, int d, int k, double[] bStar, double[] mean,
                       double[] sigmaDiag, double sigma2) {

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && seed == other.seed && tasks == other.tasks && mIn.equals(other.mIn)
                    && mOut.equals(other.mOut) && d == other.d && k == other.k
                    && Arrays.equals(bStar, other.bStar) && Arrays.equals(mean, other.mean)
                    && Arrays.equals(sigmaDiag, other.sigmaDiag)
                    && Double.doubleToLongBits(sigma2) == Double.doubleToLongBits(other.sigma2);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(seed) * 31 + Arrays.hashCode(bStar);
        }
    }
}
