package org.anilexplorer.core.run;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Which states a run hands out while it runs: at every iteration t that is a multiple of {@code every} (t = 0
 * included), once t is fully recorded, the run captures its {@link RunCheckpoint} and gives it to {@code sink} on the
 * run's own thread. The capture is one copy of the dynamics' state (the series are shared, not copied); a slow sink
 * slows the run, so a sink that writes files should hand the work to another thread. A run with checkpointing also
 * keeps the state it ended in ({@link Run#lastCheckpoint()}).
 *
 * @param every iterations between two checkpoints (≥ 1)
 * @param sink  receives each checkpoint; must be thread-safe when several runs share it
 */
public record Checkpointing(long every, Consumer<RunCheckpoint> sink) {

    public Checkpointing {
        if (every < 1) {
            throw new IllegalArgumentException("checkpoints need every ≥ 1, got " + every);
        }
        Objects.requireNonNull(sink, "sink");
    }

    /** Every {@code every} iterations into {@code store}. */
    public static Checkpointing into(CheckpointStore store, long every) {
        return new Checkpointing(every, store::add);
    }

    boolean due(long iteration) {
        return iteration % every == 0;
    }
}
