package org.anilexplorer.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.anilexplorer.core.run.RunCheckpoint;
import org.anilexplorer.core.run.Variant;
import org.anilexplorer.io.CheckpointFiles;

/**
 * {@code --checkpoint-every N}: writes the checkpoints the runs hand out into the staging folder's
 * {@code checkpoints/}, on one writer thread, so a run only pays for copying its state. At most
 * {@link #IN_FLIGHT} checkpoints wait to be written; a run that would add one more waits, so memory stays bounded
 * however slow the disk. The first failure is kept and reported by {@link #finish()}; later checkpoints are dropped.
 */
final class CheckpointWriter implements Consumer<RunCheckpoint>, AutoCloseable {

    static final int IN_FLIGHT = 8;

    private final Path dir;
    private final Map<String, Integer> methodIndex;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "anil-checkpoints");
        t.setDaemon(true);
        return t;
    });
    private final Semaphore slots = new Semaphore(IN_FLIGHT);
    private volatile IOException failure;
    private int written;

    /** @param dir the result set's staging folder; methods are numbered by their place in {@code variants} */
    CheckpointWriter(Path dir, List<Variant> variants) {
        this.dir = dir;
        this.methodIndex = new java.util.HashMap<>();
        for (int i = 0; i < variants.size(); i++) {
            methodIndex.put(variants.get(i).label(), i);
        }
    }

    /** Queues one checkpoint (called on a run's thread). */
    @Override
    public void accept(RunCheckpoint c) {
        if (failure != null) {
            return;
        }
        slots.acquireUninterruptibly();
        thread.execute(() -> {
            try {
                if (failure == null) {
                    CheckpointFiles.write(dir, methodIndex.get(c.label()), c);
                    written++;
                }
            } catch (IOException e) {
                failure = e;
            } finally {
                slots.release();
            }
        });
    }

    /**
     * Waits until every queued checkpoint is on disk.
     *
     * @return how many were written
     * @throws IOException the first write that failed
     */
    int finish() throws IOException, InterruptedException {
        thread.shutdown();
        while (!thread.awaitTermination(1, TimeUnit.MINUTES)) {
            // a very slow disk: keep waiting, the set is not complete without them
        }
        if (failure != null) {
            throw failure;
        }
        return written;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
