package org.anilexplorer.core.algo;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets a front pause a step in the middle: while a hold is installed for the thread that drives a step, every
 * cancellation check of that step (on the driving thread and on its {@link ChunkExecutor} helpers) first calls the
 * hold, which may block until the front lets the step go on. Without it Pause waits for the current iteration to
 * end, which on a big problem takes many seconds of full CPU. The command line installs none: a check then costs one
 * read of an empty map.
 */
public final class StepHold {

    /**
     * What a held check calls, on any of the step's threads; blocks while the step must wait and returns when it may
     * go on, or as soon as {@code driver} (the thread driving the step) is interrupted: the check then cancels.
     */
    @FunctionalInterface
    public interface Hold {
        void await(Thread driver);
    }

    private static final Map<Thread, Hold> HOLDS = new ConcurrentHashMap<>();

    private StepHold() {
    }

    /** Runs {@code step} on this thread with {@code hold} consulted at each of its cancellation checks. */
    public static void during(Hold hold, Runnable step) {
        Thread self = Thread.currentThread();
        HOLDS.put(self, hold);
        try {
            step.run();
        } finally {
            HOLDS.remove(self);
        }
    }

    /** Called by {@link Cancellation#check()} for the thread driving the current computation. */
    static void awaitFor(Thread driver) {
        if (HOLDS.isEmpty()) {
            return;
        }
        Hold hold = HOLDS.get(driver);
        if (hold != null) {
            hold.await(driver);
        }
    }
}
