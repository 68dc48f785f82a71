package org.anilexplorer.app;

import java.util.concurrent.atomic.AtomicLong;
import org.anilexplorer.core.algo.Dynamics;
import org.anilexplorer.core.algo.ForwardingDynamics;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.run.DynamicsSource;

/** The real dynamics, counting every step any of them takes: a test's evidence that nothing was recomputed. */
final class CountingSource implements DynamicsSource {

    final AtomicLong steps = new AtomicLong();
    final AtomicLong built = new AtomicLong();

    @Override
    public Dynamics create(Params p, long seed, int threads) {
        built.incrementAndGet();
        Dynamics inner = DynamicsSource.FACTORY.create(p, seed, threads);
        return new ForwardingDynamics() {
            @Override
            public Dynamics delegate() {
                return inner;
            }

            @Override
            public void step() {
                inner.step();
                steps.incrementAndGet();
            }
        };
    }
}
