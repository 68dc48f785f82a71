package org.anilexplorer.core.algo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ChunkExecutorTest {

    @Test
    void runsEveryChunkExactlyOnceEveryTime() {
        try (ChunkExecutor ex = new ChunkExecutor(3, "test")) {
            assertEquals(3, ex.workers());
            for (int round = 0; round < 200; round++) {
                int chunks = 1 + round % 17;
                AtomicIntegerArray seen = new AtomicIntegerArray(chunks);
                ex.run(chunks, (c, worker) -> {
                    assertTrue(worker >= 0 && worker < 3);
                    seen.incrementAndGet(c);
                });
                for (int c = 0; c < chunks; c++) {
                    assertEquals(1, seen.get(c), "chunk " + c + " in round " + round);
                }
            }
        }
    }

    @Test
    void rethrowsAWorkersFailureAndStaysUsable() {
        try (ChunkExecutor ex = new ChunkExecutor(2, "test")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ex.run(8, (c, w) -> {
                if (c == 5) {
                    throw new IllegalArgumentException("chunk 5");
                }
            }));
            assertEquals("chunk 5", e.getMessage());
            AtomicIntegerArray seen = new AtomicIntegerArray(4);
            ex.run(4, (c, w) -> seen.incrementAndGet(c));
            for (int c = 0; c < 4; c++) {
                assertEquals(1, seen.get(c));
            }
        }
    }

    /**
     * An Error thrown in a helper thread (out of memory, a stack overflow) is not caught: it ends that thread, whose
     * handler hands it to the caller, which rethrows it; the executor, a thread short, then refuses further loops.
     */
    @Test
    void aHelpersErrorReachesTheCallerAndTheExecutorRefusesFurtherLoops() {
        try (ChunkExecutor ex = new ChunkExecutor(2, "test")) {
            Error fatal = new StackOverflowError("in a helper");
            java.util.concurrent.atomic.AtomicBoolean helperTookOne = new java.util.concurrent.atomic.AtomicBoolean();
            Error e = assertThrows(Error.class, () -> ex.run(2, (c, w) -> {
                if (w != 0) {
                    helperTookOne.set(true);
                    throw fatal;
                }
                long deadline = System.nanoTime() + 5_000_000_000L;
                while (!helperTookOne.get() && System.nanoTime() < deadline) {
                    Thread.onSpinWait(); // the caller keeps one chunk until the helper has the other
                }
            }));
            assertSame(fatal, e);
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> ex.run(2, (c, w) -> { }));
            assertTrue(refused.getMessage().contains("died of an error"), refused.getMessage());
        }
    }

    /** An owner dropped without close() still gets its helper threads stopped (Cleaner). */
    @Test
    void helperThreadsStopWhenTheOwnerIsUnreachable() throws InterruptedException {
        String name = "cleaner-test-" + System.nanoTime();
        Object owner = new Object();
        new ChunkExecutor(3, name).closeWhenUnreachable(owner);
        assertEquals(2, helpers(name));
        owner = null;
        for (int i = 0; i < 100 && helpers(name) > 0; i++) {
            System.gc();
            Thread.sleep(50);
        }
        assertEquals(0, helpers(name));
    }

    private static long helpers(String name) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(name) && t.isAlive()).count();
    }

    @Test
    void refusesWorkAfterClose() {
        ChunkExecutor ex = new ChunkExecutor(2, "test");
        ex.close();
        ex.close();
        assertThrows(IllegalStateException.class, () -> ex.run(2, (c, w) -> { }));
        assertThrows(IllegalArgumentException.class, () -> new ChunkExecutor(0, "test"));
    }
}
