package org.anilexplorer.app.view;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Runs an action on the FX thread after a quiet period; a newer call replaces a pending one (a burst of keystrokes
 * restarts the run once). Same idea as JabRef's DelayTaskThrottler.
 */
public final class Debouncer implements Consumer<Runnable>, AutoCloseable {

    private final long delayMillis;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "anil-debounce");
        t.setDaemon(true);
        return t;
    });
    private ScheduledFuture<?> pending;

    public Debouncer(long delayMillis) {
        this.delayMillis = delayMillis;
    }

    @Override
    public synchronized void accept(Runnable action) {
        if (pending != null) {
            pending.cancel(false);
        }
        pending = timer.schedule(() -> Platform.runLater(action), delayMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
