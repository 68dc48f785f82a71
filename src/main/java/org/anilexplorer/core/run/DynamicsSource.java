package org.anilexplorer.core.run;

import org.anilexplorer.core.algo.Dynamics;
import org.anilexplorer.core.algo.DynamicsFactory;
import org.anilexplorer.core.algo.DynamicsState;
import org.anilexplorer.core.params.Params;

/** Builds the dynamics of one run; {@link #FACTORY} in production, a toy recursion in tests. */
@FunctionalInterface
public interface DynamicsSource {

    DynamicsSource FACTORY = DynamicsFactory::create;

    /** Builds run {@code seed} of {@code p} using at most {@code threads} worker threads inside one step. */
    Dynamics create(Params p, long seed, int threads);

    /**
     * Builds run {@code seed} of {@code p} and puts it at a saved state ({@link Dynamics#restoreState}): a run
     * continuing from a checkpoint. A wrapping source needs nothing more, as long as its wrapper forwards the state
     * (every {@link org.anilexplorer.core.algo.ForwardingDynamics} does).
     */
    default Dynamics resume(Params p, long seed, int threads, DynamicsState state) {
        Dynamics d = create(p, seed, threads);
        try {
            d.restoreState(state);
        } catch (RuntimeException e) {
            d.close();
            throw e;
        }
        return d;
    }
}
