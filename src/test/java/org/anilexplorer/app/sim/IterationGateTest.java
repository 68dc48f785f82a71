package org.anilexplorer.app.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

class IterationGateTest {

    /** A worker that completes iterations as fast as the gate lets it. */
    private static class Worker extends Thread {
        final AtomicLong completed = new AtomicLong();
        final IterationGate.Pass pass;
        volatile boolean stop;

        Worker(IterationGate gate) {
            pass = gate.newPass();
            setDaemon(true);
        }

        @Override
        public void run() {
            try {
                while (!stop) {
                    pass.await(completed.get());
                    completed.incrementAndGet();
                }
            } catch (InterruptedException e) {
                // ends the worker
            }
        }
    }

    private static void waitUntil(LongSupplier value, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (value.getAsLong() != expected && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        assertEquals(expected, value.getAsLong());
    }

    /** Gives a blocked worker the chance to run past where it should stop, if the gate were wrong. */
    private static void settle() throws InterruptedException {
        Thread.sleep(50);
    }

    @Test
    void aNewGateHoldsEveryRunAtIterationZero() throws Exception {
        IterationGate gate = new IterationGate();
        Worker w = new Worker(gate);
        w.start();
        settle();
        assertEquals(0, w.completed.get());
        gate.open();
        w.stop = true;
    }

    @Test
    void runningRunsStopAtTheLimitAndGoOnWhenItRises() throws Exception {
        IterationGate gate = new IterationGate();
        Worker a = new Worker(gate);
        Worker b = new Worker(gate);
        a.start();
        b.start();
        gate.limitTo(7);
        gate.resume();
        waitUntil(a.completed::get, 7);
        waitUntil(b.completed::get, 7);
        settle();
        assertEquals(7, a.completed.get());
        gate.limitTo(20);
        waitUntil(a.completed::get, 20);
        gate.open();
        a.stop = true;
        b.stop = true;
    }

    @Test
    void pausedRunsTakeExactlyTheGrantedSteps() throws Exception {
        IterationGate gate = new IterationGate();
        gate.limitTo(Long.MAX_VALUE);
        Worker w = new Worker(gate);
        w.start();
        gate.step(1);
        waitUntil(w.completed::get, 1);
        gate.step(3);
        waitUntil(w.completed::get, 4);
        settle();
        assertEquals(4, w.completed.get());
        gate.open();
        w.stop = true;
    }

    @Test
    void aStepAskedForBeforeTheRunExistsStillApplies() throws Exception {
        IterationGate gate = new IterationGate();
        gate.step(1);
        Worker w = new Worker(gate);
        w.start();
        waitUntil(w.completed::get, 1);
        gate.open();
        w.stop = true;
    }

    @Test
    void openingReleasesBlockedRuns() throws Exception {
        IterationGate gate = new IterationGate();
        Worker w = new Worker(gate);
        w.start();
        settle();
        gate.open();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (w.completed.get() < 100 && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertTrue(w.completed.get() >= 100);
        w.stop = true;
        w.join(5000);
    }

    @Test
    void withOneSlotRunsTakeTurnsAndAllAdvance() throws Exception {
        IterationGate gate = new IterationGate(1);
        gate.limitTo(Long.MAX_VALUE);
        gate.resume();
        java.util.concurrent.atomic.AtomicInteger inside = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger mostInside = new java.util.concurrent.atomic.AtomicInteger();
        Worker[] workers = new Worker[3];
        for (int i = 0; i < workers.length; i++) {
            Worker w = new Worker(gate) {
                @Override
                public void run() {
                    try {
                        while (!stop) {
                            pass.await(completed.get());
                            int n = inside.incrementAndGet();
                            mostInside.accumulateAndGet(n, Math::max);
                            Thread.onSpinWait();
                            inside.decrementAndGet();
                            completed.incrementAndGet();
                        }
                    } catch (InterruptedException e) {
                        // ends the worker
                    } finally {
                        pass.release();
                    }
                }
            };
            workers[i] = w;
            w.start();
        }
        Thread.sleep(200);
        for (Worker w : workers) {
            w.stop = true;
        }
        for (Worker w : workers) {
            w.join(5000);
            assertTrue(w.completed.get() > 0, "every run got turns");
        }
        assertEquals(1, mostInside.get(), "never two runs computing at once");
    }

    /**
     * Slots count threads: with two slots, two one-thread runs compute together, while a run stepping on two threads
     * computes alone (it takes both slots), and every run still gets turns.
     */
    @Test
    void aRunTakesOneSlotPerThreadOfItsStep() throws Exception {
        IterationGate gate = new IterationGate(2);
        gate.limitTo(Long.MAX_VALUE);
        gate.resume();
        IterationGate.Group group = gate.newGroup();
        java.util.concurrent.atomic.AtomicInteger threadsInside = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger mostInside = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean wideInsideWithAnother = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicBoolean wideInside = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicBoolean narrowPair = new java.util.concurrent.atomic.AtomicBoolean();
        int[] widths = {1, 1, 2};
        java.util.concurrent.atomic.AtomicLong[] completed = new java.util.concurrent.atomic.AtomicLong[widths.length];
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread[] runs = new Thread[widths.length];
        for (int i = 0; i < widths.length; i++) {
            int width = widths[i];
            java.util.concurrent.atomic.AtomicLong done = completed[i] = new java.util.concurrent.atomic.AtomicLong();
            IterationGate.Pass pass = group.newPass(width);
            runs[i] = new Thread(() -> {
                try {
                    while (!stop.get()) {
                        pass.await(done.get());
                        int now = threadsInside.addAndGet(width);
                        mostInside.accumulateAndGet(now, Math::max);
                        if (width == 2) {
                            wideInside.set(true);
                        }
                        if (now > width && (width == 2 || wideInside.get())) {
                            wideInsideWithAnother.set(true);
                        }
                        if (width == 1 && now == 2) {
                            narrowPair.set(true);
                        }
                        long until = System.nanoTime() + 200_000;
                        while (System.nanoTime() < until) {
                            Thread.onSpinWait(); // an iteration's work
                        }
                        if (width == 2) {
                            wideInside.set(false);
                        }
                        threadsInside.addAndGet(-width);
                        done.incrementAndGet();
                    }
                } catch (InterruptedException e) {
                    // ends the run
                } finally {
                    pass.end();
                }
            });
            runs[i].setDaemon(true);
            runs[i].start();
        }
        Thread.sleep(400);
        stop.set(true);
        for (Thread t : runs) {
            t.join(5000);
        }
        assertTrue(mostInside.get() <= 2, "never more threads computing than slots: " + mostInside.get());
        assertFalse(wideInsideWithAnother.get(), "the two-thread run never computed beside another run");
        assertTrue(narrowPair.get(), "the two one-thread runs computed together");
        for (int i = 0; i < widths.length; i++) {
            assertTrue(completed[i].get() > 0, "run " + i + " (" + widths[i] + " thread(s)) got turns");
        }
    }

    @Test
    void openingAGroupReleasesOnlyItsRuns() throws Exception {
        IterationGate gate = new IterationGate();
        IterationGate.Group replaced = gate.newGroup();
        Worker kept = new Worker(gate);
        Worker stopping = new Worker(gate) {
        };
        IterationGate.Pass pass = replaced.newPass();
        java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        Thread t = new Thread(() -> {
            try {
                while (done.get() < 50) {
                    pass.await(done.get());
                    done.incrementAndGet();
                }
            } catch (InterruptedException e) {
                // ends the worker
            }
        });
        t.setDaemon(true);
        kept.start();
        t.start();
        settle();
        assertEquals(0, done.get(), "paused: the group waits like every run");
        replaced.open();
        waitUntil(done::get, 50);
        assertEquals(0, kept.completed.get(), "the other runs are still held");
        gate.open();
        kept.stop = true;
        stopping.stop = true;
    }

    @Test
    void aGroupJoiningLaterCountsFromTheClock() throws Exception {
        IterationGate gate = new IterationGate();
        Worker early = new Worker(gate);
        early.start();
        gate.limitTo(30);
        gate.resume();
        waitUntil(early.completed::get, 30);
        IterationGate.Group late = gate.newGroup();
        IterationGate.Pass pass = late.newPass();
        java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        Thread t = new Thread(() -> {
            try {
                while (true) {
                    pass.await(done.get());
                    done.incrementAndGet();
                }
            } catch (InterruptedException e) {
                // ends the worker
            }
        });
        t.setDaemon(true);
        t.start();
        gate.limitAhead(10);
        waitUntil(done::get, 10);
        waitUntil(early.completed::get, 40);
        settle();
        assertEquals(10, done.get(), "the late run goes 10 from where it joined");
        assertEquals(40, early.completed.get(), "the early run was not held back to the late one's t");
        gate.open();
        early.stop = true;
        t.interrupt();
    }
}
