package org.anilexplorer.app.sim;

/**
 * The speed control and the pause button, seen from the simulation threads: a run may start iteration t+1 only
 * while the gate allows it. Running, a run may go up to {@link #limitTo the limit} (raised by one frame's worth of
 * iterations every animation frame, or unlimited); paused, only as far as a {@link #step} granted it. Opening the
 * gate (on cancel) lets every waiting run through so that it reaches its cancellation check at once.
 */
public final class IterationGate {

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
        open = true;
        notifyAll();
    }

    public synchronized boolean isPaused() {
        return paused;
    }

    /** A run's place in the gate: its completed iterations and the steps it has taken of the current grant. */
    final class Pass {
        private long seenGeneration;
        private long stepsTakenOfGrant;

        /** Blocks until the run that has completed {@code completed} iterations may do one more. */
        void await(long completed) throws InterruptedException {
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
