package org.anilexplorer.core.algo;

import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A small persistent pool of daemon threads that runs the chunks of one parallel loop and returns when all are done.
 * The calling thread works too, so {@code threads = 1} starts no thread at all.
 *
 * <p>Determinism is the caller's business and is easy: each chunk writes only its own partial sums, and the caller
 * reduces them in chunk order after {@link #run}; which thread ran which chunk then does not matter.
 *
 * <p>{@link #run} allocates nothing (workers park and are unparked; no futures, no latches), so a training step
 * stays allocation-free. {@link #close} stops the threads; {@link #closeWhenUnreachable} makes an owner that is
 * dropped without being closed stop them too, so forgotten runs do not pile up parked threads.
 */
final class ChunkExecutor implements AutoCloseable {

    /** The body of a parallel loop: process chunk {@code chunk} using the scratch space of {@code worker}. */
    @FunctionalInterface
    interface ChunkTask {
        void run(int chunk, int worker);
    }

    private static final int SPINS = 2000;
    private static final Cleaner CLEANER = Cleaner.create();

    private final Thread[] helpers;
    private final AtomicInteger nextChunk = new AtomicInteger();
    private final AtomicInteger busyHelpers = new AtomicInteger();
    private volatile ChunkTask task;
    private volatile int chunkCount;
    private volatile long generation;
    private volatile boolean closed;
    private volatile Thread caller;
    /** A helper's exception in the current loop, for the caller to rethrow. */
    private volatile Throwable failure;
    /** Set when a helper thread died of an error: the loop it was in failed, and later loops cannot run. */
    private volatile boolean broken;

    /** At most {@code threads} threads (the caller included) work on one loop. */
    ChunkExecutor(int threads, String name) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
        }
        helpers = new Thread[threads - 1];
        for (int i = 0; i < helpers.length; i++) {
            int worker = i + 1;
            Thread t = new Helper(() -> helperLoop(worker), name + "-" + worker, this);
            t.setDaemon(true);
            // an Error ends the helper's thread; this hands it to the caller, which then rethrows it
            t.setUncaughtExceptionHandler((thread, error) -> {
                broken = true;
                fail(error);
                helperDone();
            });
            helpers[i] = t;
        }
        for (Thread t : helpers) {
            t.start();
        }
    }

    /**
     * Closes this executor once {@code owner} is unreachable (the helper threads reference only the executor, and
     * {@link #run} drops its reference to the loop body when it returns, so the owner can become unreachable).
     */
    void closeWhenUnreachable(Object owner) {
        if (helpers.length > 0) {
            CLEANER.register(owner, this::close);
        }
    }

    /** Number of workers, the calling thread included; worker indices are 0 … workers() − 1. */
    int workers() {
        return helpers.length + 1;
    }

    /**
     * Runs {@code body} on chunks 0 … chunks − 1 and returns when all have finished; rethrows a worker's failure.
     * Once the calling thread is interrupted no further chunk starts, and this throws a
     * {@link java.util.concurrent.CancellationException} (see {@link Cancellation}).
     */
    void run(int chunks, ChunkTask body) {
        if (closed) {
            throw new IllegalStateException("executor is closed");
        }
        if (broken) {
            throw new IllegalStateException("a worker thread of this executor died of an error (rethrown earlier)");
        }
        if (helpers.length == 0 || chunks <= 1) {
            for (int c = 0; c < chunks; c++) {
                Cancellation.check();
                body.run(c, 0);
            }
            return;
        }
        failure = null;
        task = body;
        chunkCount = chunks;
        nextChunk.set(0);
        caller = Thread.currentThread();
        busyHelpers.set(helpers.length);
        generation++; // volatile write: publishes the fields above to the helpers
        for (Thread t : helpers) {
            LockSupport.unpark(t);
        }
        boolean workedThrough = false;
        try {
            work(body, chunks, 0);
            workedThrough = true;
        } finally {
            if (!workedThrough) {
                nextChunk.set(Integer.MAX_VALUE / 2); // the caller's own chunk failed: the helpers stop taking chunks
            }
            // whether or not the caller's part failed, the helpers must be out of the body before it returns
            int spins = 0;
            while (busyHelpers.get() > 0) {
                if (spins++ < SPINS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            task = null;
        }
        Throwable f = failure;
        if (f instanceof RuntimeException re) {
            throw re;
        }
        if (f instanceof Error er) {
            throw er;
        }
        if (f != null) {
            throw new IllegalStateException(f); // a chunk body declares no checked exception; kept for completeness
        }
    }

    private void fail(Throwable e) {
        failure = e;
        nextChunk.set(Integer.MAX_VALUE / 2); // the others stop taking chunks
    }

    private void helperDone() {
        if (busyHelpers.decrementAndGet() == 0) {
            LockSupport.unpark(caller);
        }
    }

    private void work(ChunkTask body, int chunks, int worker) {
        for (int c = nextChunk.getAndIncrement(); c < chunks; c = nextChunk.getAndIncrement()) {
            Cancellation.check();
            body.run(c, worker);
        }
    }

    /** A worker thread: knows the thread whose loop it is helping with, whose interrupt stops its chunks. */
    static final class Helper extends Thread {

        private final ChunkExecutor executor;

        Helper(Runnable loop, String name, ChunkExecutor executor) {
            super(loop, name);
            this.executor = executor;
        }

        /** The thread that called the current {@link ChunkExecutor#run}. */
        Thread driver() {
            return executor.caller;
        }
    }

    private void helperLoop(int worker) {
        long seen = 0;
        while (true) {
            long g;
            int spins = 0;
            while ((g = generation) == seen && !closed) {
                if (spins++ < SPINS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            if (closed) {
                return;
            }
            seen = g;
            try {
                work(task, chunkCount, worker);
            } catch (RuntimeException e) {
                fail(e); // the helper stays usable for the next loop
            }
            helperDone(); // not reached after an Error: the uncaught-exception handler reports it and counts down
        }
    }

    /** Stops the helper threads (idempotent). */
    @Override
    public void close() {
        closed = true;
        for (Thread t : helpers) {
            LockSupport.unpark(t);
        }
    }
}
