package org.anilexplorer.app.sim;

import java.util.HashSet;
import java.util.Set;

/**
 * The speed control and the pause button, seen from the simulation threads: a run may start iteration t+1 only
 * while the gate allows it. Running, a run may go up to {@link #limitTo the limit} (raised by one frame's worth of
 * iterations every animation frame, or unlimited); paused, only as far as a {@link #step} granted it. Opening the
 * gate (on cancel) lets every waiting run through so that it reaches its cancellation check at once; opening one
 * {@link Group} does the same for the runs of one method whose runs are being replaced.
 *
 * <p>The limit is on the gate's own clock: a run counts its iterations from the clock's reading when it joined (the
 * slowest live run's position then), so a method added or restarted while the others are at t = 5,000 advances at
 * the same pace as they do, instead of holding them back until it has caught up.
 *
 * <p>The gate also shares the cores: at most {@code slots} threads compute at the same moment (a run takes one slot per
 * worker thread of its step), runs taking turns in time slices of about {@link #SLICE_NANOS}, so that every run of a
 * comparison advances together, and only as many computing threads as cores compete with the window's threads
 * (with every run of a large comparison computing at once, the operating system would share the cores among all of
 * them and the UI thread would get a small share). A slot per core, not one fewer: the window's threads sleep
 * between frames and get a core as soon as they wake, while a core held back for them would idle most of the time
 * (on two cores, half the machine). While the window's frames come late, one slot at a time is withheld for it
 * ({@link ComputeSlots}).
 */
public final class IterationGate {

    /** How long a run keeps its compute slot before letting the next one in. */
    static final long SLICE_NANOS = 4_000_000L;

    private final ComputeSlots slots;

    /** A gate with one compute slot per core. */
    public IterationGate() {
        this(Runtime.getRuntime().availableProcessors());
    }

    public IterationGate(int slots) {
        this.slots = new ComputeSlots(slots);
    }

    private long limit;
    /** Volatile so a step's frequent mid-step look ({@link Pass#holdWhilePaused}) takes no lock while running. */
    private volatile boolean paused = true;
    private long stepGeneration;
    private long stepSize;
    private boolean open;
    /** Passes of runs that have not ended, for the clock. */
    private final Set<Pass> live = new HashSet<>();
    /** The clock's last reading (kept while no run is live, so that a run joining then starts from it). */
    private long lastClock;

    /** Lets running runs complete iterations up to {@code iteration} on the gate's clock (Long.MAX_VALUE: unthrottled). */
    public synchronized void limitTo(long iteration) {
        if (iteration != limit) {
            limit = iteration;
            notifyAll();
        }
    }

    /**
     * Lets running runs go {@code iterations} further than the slowest live run has got, on the gate's clock
     * (Long.MAX_VALUE: unthrottled).
     */
    public synchronized void limitAhead(long iterations) {
        slots.frame(System.nanoTime()); // the window calls this once per frame: the slots follow its frame rate
        limitTo(iterations == Long.MAX_VALUE ? Long.MAX_VALUE : clock() + iterations);
    }

    /** Compute slots not withheld for the window now. */
    int computeSlots() {
        return slots.available();
    }

    /** The slowest live run's position on the gate's clock (its joining time plus its iterations). */
    synchronized long clock() {
        if (!live.isEmpty()) {
            long min = Long.MAX_VALUE;
            for (Pass p : live) {
                min = Math.min(min, p.position);
            }
            lastClock = min;
        }
        return lastClock;
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
            slots.releaseAll(); // nobody waits for a turn any more
        }
        notifyAll();
    }

    /**
     * Runs {@code action} holding the gate's monitor: no parked run leaves the gate meanwhile (see
     * {@link Pass#parked()}), so states can be read from the runs parked in it.
     */
    synchronized <T> T holding(java.util.function.Supplier<T> action) {
        return action.get();
    }

    public synchronized boolean isPaused() {
        return paused;
    }

    /**
     * A new group of runs (one method's seeds), joining the clock now: its runs count their iterations from the
     * clock's current reading, and can be let through on their own.
     */
    public synchronized Group newGroup() {
        return new Group(clock());
    }

    /** The runs of one method: {@link #open()} lets them through while the gate holds the others. */
    public final class Group {
        private final long offset;
        private boolean groupOpen;

        private Group(long offset) {
            this.offset = offset;
        }

        /** Lets this group's runs through from now on (they are being cancelled). */
        public void open() {
            synchronized (IterationGate.this) {
                groupOpen = true;
                IterationGate.this.notifyAll();
            }
        }

        Pass newPass() {
            return newPass(1);
        }

        /** A run whose step uses {@code threads} worker threads: it computes holding that many slots. */
        Pass newPass(int threads) {
            return IterationGate.this.newPass(this, threads);
        }
    }

    /** A run's place in the gate: its completed iterations, its share of the current grant, its compute turn. */
    /** How long a step runs before Pause holds it in the middle (see {@link Pass#holdWhilePaused}). */
    static final long HOLD_AFTER_MILLIS = 250;

    final class Pass {
        private final Group group;
        /** Threads of its step. */
        private final int threads;
        /** Slots it holds while computing (its threads, at most the slots not withheld when it took them). */
        private int held;
        private long seenGeneration;
        private long stepsTakenOfGrant;
        private boolean holdingSlot;
        private long slotSince;
        /** offset of the group + completed iterations (guarded by the gate). */
        private long position;
        /** Waiting in the gate before its next step, its iteration fully recorded (guarded by the gate). */
        private boolean parked;
        /** Its current step was let through while running, so a pause holds it mid-step (guarded by the gate). */
        private boolean admittedRunning;
        /** When its current step was let through (guarded by the gate). */
        private long admittedAt;

        private Pass(Group group, int threads) {
            this.group = group;
            this.threads = threads;
            this.position = group.offset;
        }

        /**
         * Blocks until the run that has completed {@code completed} iterations may do one more. Returns true when it
         * was let through because it is being cancelled: then it should not step.
         */
        boolean await(long completed) throws InterruptedException {
            if (holdingSlot && System.nanoTime() - slotSince > SLICE_NANOS) {
                release(); // let the next run have its turn (the semaphore is fair)
            }
            if (admit(completed)) {
                return true; // let through to be cancelled: it needs no compute turn
            }
            if (!holdingSlot) {
                int weight = slots.weightOf(threads);
                slots.acquire(weight);
                held = weight;
                holdingSlot = true;
                slotSince = System.nanoTime();
            }
            return false;
        }

        /**
         * Called from inside the step (its cancellation checks, see {@link org.anilexplorer.core.algo.StepHold}):
         * while the gate is paused, a long step (running for {@value #HOLD_AFTER_MILLIS} ms or more) that was let
         * through while running waits here, so Pause stops a long iteration within a check's few milliseconds instead
         * of at its end. Short steps still end first: a paused run then waits in the gate with its iteration
         * recorded, where a session can read its exact state. A Step asked for meanwhile lets a held step finish as
         * the first step of that grant; resuming, cancelling or an interrupt of {@code driver} lets it go on.
         */
        void holdWhilePaused(Thread driver) {
            if (!paused) {
                return;
            }
            synchronized (IterationGate.this) {
                if (System.nanoTime() - admittedAt < HOLD_AFTER_MILLIS * 1_000_000L) {
                    return;
                }
                while (admittedRunning && paused && !open && !group.groupOpen && !driver.isInterrupted()) {
                    if (seenGeneration != stepGeneration) {
                        seenGeneration = stepGeneration;
                        stepsTakenOfGrant = 1;
                        admittedRunning = false;
                        return;
                    }
                    try {
                        IterationGate.this.wait(100); // also wakes to see an interrupt of the driver
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }

        /** Whether this run's group was let through to be cancelled (its method was replaced). */
        boolean groupOpened() {
            synchronized (IterationGate.this) {
                return group.groupOpen;
            }
        }

        /**
         * Whether the run waits in the gate before its next step. While the caller holds the gate's monitor, a parked
         * run stays parked, and everything it recorded of its current iteration is visible to the caller.
         */
        boolean parked() {
            synchronized (IterationGate.this) {
                return parked;
            }
        }

        /** Gives the compute slot back (between turns, while parked, and when the run ends). */
        void release() {
            if (holdingSlot) {
                holdingSlot = false;
                slots.release(held);
            }
        }

        /** The run has ended: gives the slot back and leaves the clock. */
        void end() {
            release();
            synchronized (IterationGate.this) {
                live.remove(this);
                IterationGate.this.notifyAll();
            }
        }

        /** Waits for admission; returns true when let through because the run is being cancelled. */
        private boolean admit(long completed) throws InterruptedException {
            synchronized (IterationGate.this) {
                position = group.offset + completed;
                while (true) {
                    if (group.groupOpen) {
                        release();
                        return true;
                    }
                    admittedRunning = false;
                    if (open) {
                        return false;
                    }
                    if (seenGeneration != stepGeneration) {
                        seenGeneration = stepGeneration;
                        stepsTakenOfGrant = 0;
                    }
                    if (paused) {
                        if (stepsTakenOfGrant < stepSize) {
                            stepsTakenOfGrant++;
                            return false;
                        }
                    } else if (position < limit) {
                        admittedRunning = true;
                        admittedAt = System.nanoTime();
                        return false;
                    }
                    release(); // parked runs do not hold a compute slot
                    parked = true;
                    try {
                        IterationGate.this.wait();
                    } finally {
                        parked = false;
                    }
                }
            }
        }
    }

    /** The group of runs that joined at the start (clock 0). */
    private final Group initial = new Group(0);

    Pass newPass() {
        return newPass(initial, 1);
    }

    private synchronized Pass newPass(Group group, int threads) {
        Pass p = new Pass(group, threads);
        p.seenGeneration = stepGeneration;
        p.stepsTakenOfGrant = 0; // a step asked for while this run was still being built applies to it too
        live.add(p);
        return p;
    }
}
