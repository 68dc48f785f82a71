package org.anilexplorer.app.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.anilexplorer.app.AnilExplorerApp;
import org.anilexplorer.app.viewmodel.ExperimentState;
import org.anilexplorer.app.viewmodel.TransportViewModel;

/**
 * Times every lesson in the real window, as a class would run it: the lesson opens, Play, and at each pause point the
 * run is resumed at once (the time a teacher spends talking is not the program's). A harness, not a test: run it
 * with a display and a window manager, e.g.
 * <pre>
 *   Xvfb :64 -screen 0 1920x1080x24 &amp; DISPLAY=:64 openbox &amp;
 *   DISPLAY=:64 java -cp "target/classes:target/test-classes:DEPS" org.anilexplorer.app.bench.LessonWindowTimes [LIMIT_S]
 * </pre>
 * For each lesson it prints the wall time from Play to the end of the run, how many pauses fired, and the load
 * average before and after (other processes on the machine slow the run down: compare lessons within one run).
 */
public final class LessonWindowTimes {

    private LessonWindowTimes() {
    }

    public static void main(String[] args) throws Exception {
        long limitSeconds = args.length > 0 ? Long.parseLong(args[0]) : 300;
        CompletableFuture<AnilExplorerApp> started = new CompletableFuture<>();
        Platform.startup(() -> {
            Stage stage = new Stage();
            AnilExplorerApp app = new AnilExplorerApp();
            app.start(stage);
            stage.setMaximized(true);
            started.complete(app);
        });
        AnilExplorerApp app = started.get(60, TimeUnit.SECONDS);
        Thread.sleep(3000);
        int count = onFx(() -> app.window().teaching().lessons().size());
        System.out.printf(Locale.ROOT, "%-18s %9s %7s %9s %9s%n", "lesson", "wall s", "pauses", "load1 at", "load1 end");
        for (int i = 0; i < count; i++) {
            int index = i;
            String id = onFx(() -> app.window().teaching().lessons().get(index).id());
            double loadBefore = load();
            onFx(() -> {
                app.window().teaching().openLesson(index);
                return null;
            });
            Thread.sleep(1000);
            long start = System.nanoTime();
            onFx(() -> {
                app.viewModel().transport().play();
                return null;
            });
            int pauses = 0;
            boolean done = false;
            while (!done && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(limitSeconds)) {
                Thread.sleep(50);
                ExperimentState state = onFx(() -> app.viewModel().transport().getState());
                if (state.isTerminal()) {
                    done = true;
                } else if (state == ExperimentState.PAUSED) {
                    pauses++;
                    onFx(() -> {
                        app.viewModel().transport().play();
                        return null;
                    });
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%-18s %9s %7d %9.1f %9.1f%n", id,
                    done ? String.format(Locale.ROOT, "%.1f", seconds) : "> " + limitSeconds, pauses, loadBefore,
                    load());
            if (!done) {
                onFx(() -> {
                    TransportViewModel t = app.viewModel().transport();
                    t.pause();
                    return null;
                });
            }
        }
        Platform.exit();
        System.exit(0);
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> action) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(action.call());
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(30, TimeUnit.SECONDS);
    }
}
