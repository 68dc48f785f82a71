package org.anilexplorer.app.sim;

/**
 * The speed control and the pause button, seen from the simulation threads: a run may start iteration t+1 only
 * while the gate allows it. Running, a run may go up to {@link #limitTo the limit} (raised by one frame's worth of
 * iterations every animation frame, or unlimited); paused, only as far as a {@link #step} granted it. Opening the
 * gate (on cancel) lets every waiting run through so that it reaches its cancellation check at once.
 *
 * <p>The gate also shares the cores: at most {@code slots} runs compute at the same moment, taking turns in time
 * slices of about {@link #SLICE_NANOS}, so that every run of a comparison advances together while a core stays free
 * for the window (with more runs than cores, the operating system would otherwise starve the UI thread).
 */
public final class IterationGate {

    /** How long a run keeps its compute slot before letting the next one in. */
    static final long SLICE_NANOS = 4_000_000L;

    private final java.util.concurrent.Semaphore slots;

    /** A gate with one compute slot per core but one (at least one), leaving a core to the window. */
    public IterationGate() {
        this(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
    }

    public IterationGate(int slots) {
        this.slots = new java.util.concurrent.Semaphore(Math.max(1, slots), true);
    }

    private long limit;
    private boolean paused = true;
    private long stepGeneration;
    private long stepSize;
    private boolean open;

    /** Lets running runs complete iterations up to {@code iteration} (Long.MAX_VALUE: unthrottled). */
    public synchronized void limitTo(long iteration) {
        if (iteration != limit) {
            limit = iteration;
            notifyAll();
        }
    }

    public synchronized void pause() {
        paused = true;
    }

    public synchronized void resume() {
        paused = false;
        stepSize = 0; // a step grant not used up before resuming does not carry over to the next pause
        notifyAll();
    }

    /** While paused: every run may complete {@code iterations} more iterations. */
    public synchronized void step(long iterations) {
        stepGeneration++;
        stepSize = iterations;
        notifyAll();
    }

    /** Lets everything through from now on (the runs are being cancelled). */
    public synchronized void open() {
        if (!open) {
            open = true;
            slots.release(Integer.MAX_VALUE / 2); // nobody waits for a turn any more
        }
        notifyAll();
    }

    public synchronized boolean isPaused() {
        return paused;
    }

    /** A run's place in the gate: its completed iterations, its share of the current grant, its compute turn. */
    final class Pass {
        private long seenGeneration;
        private long stepsTakenOfGrant;
        private boolean holdingSlot;
        private long slotSince;

        /** Blocks until the run that has completed {@code completed} iterations may do one more. */
        void await(long completed) throws InterruptedException {
            if (holdingSlot && System.nanoTime() - slotSince > SLICE_NANOS) {
                release(); // let the next run have its turn (the semaphore is fair)
            }
            admit(completed);
            if (!holdingSlot) {
                slots.acquire();
                holdingSlot = true;
                slotSince = System.nanoTime();
            }
        }

        /** Gives the compute slot back (between turns, while parked, and when the run ends). */
        void release() {
            if (holdingSlot) {
                holdingSlot = false;
                slots.release();
            }
        }

        private void admit(long completed) throws InterruptedException {
            synchronized (IterationGate.this) {
                while (true) {
                    if (open) {
                        return;
                    }
                    if (seenGeneration != stepGeneration) {
                        seenGeneration = stepGeneration;
                        stepsTakenOfGrant = 0;
                    }
                    if (paused) {
                        if (stepsTakenOfGrant < stepSize) {
                            stepsTakenOfGrant++;
                            return;
                        }
                    } else if (completed < limit) {
                        return;
                    }
                    release(); // parked runs do not hold a compute slot
                    IterationGate.this.wait();
                }
            }
        }
    }

    Pass newPass() {
        synchronized (this) {
            Pass p = new Pass();
            p.seenGeneration = stepGeneration;
            p.stepsTakenOfGrant = 0; // a step asked for while this run was still being built applies to it too
            return p;
        }
    }
}
