package org.anilexplorer.core.run;

import org.anilexplorer.core.algo.Dynamics;
import org.anilexplorer.core.algo.DynamicsFactory;
import org.anilexplorer.core.params.Params;

/** Builds the dynamics of one run; {@link #FACTORY} in production, a toy recursion in tests. */
@FunctionalInterface
public interface DynamicsSource {

    DynamicsSource FACTORY = DynamicsFactory::create;

    /** Builds run {@code seed} of {@code p} using at most {@code threads} worker threads inside one step. */
    Dynamics create(Params p, long seed, int threads);
}
