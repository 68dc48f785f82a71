package org.anilexplorer.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.anilexplorer.app.viewmodel.MainViewModel;
import org.anilexplorer.app.viewmodel.MethodVariant;
import org.anilexplorer.app.viewmodel.Speed;
import org.anilexplorer.core.params.ParamSpec;
import org.anilexplorer.io.PresetReader;

/**
 * A screenshot of the window with a ghost and a branch on screen, with the real simulation, for looking at under a
 * real X server with a window manager: {@code java -cp … org.anilexplorer.app.HistoryScreenshots OUT.png}. The
 * window fills the screen and runs the teaching preset's first method; at t ≈ 1,500 α goes from 0.2 to 0.3 (the α =
 * 0.2 run stays as a ghost); the new run is branched at t = 600 and the branch switches to 1,000 finite tasks; then
 * the timeline cursor is put at t = 1,000 and the whole screen is captured with ImageMagick's
 * {@code import -window root}.
 */
public final class HistoryScreenshots {

    private HistoryScreenshots() {
    }

    private static AnilExplorerApp app;

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        AnilExplorerApp[] app = new AnilExplorerApp[1];
        Platform.startup(() -> {
            Stage stage = new Stage();
            app[0] = new AnilExplorerApp();
            HistoryScreenshots.app = app[0];
            app[0].start(stage);
            stage.setMaximized(true);
        });
        Thread.sleep(3000);
        fx(() -> {
            MainViewModel vm = app[0].viewModel();
            vm.parameters().load(PresetReader.load("teaching").params().with("iterations", "4000"),
                    List.of(new MethodVariant("FO-ANIL", java.util.Map.of())));
            vm.transport().speedIndexProperty().set(Speed.STEPS.indexOf(20L));
            vm.transport().play();
            return null;
        });
        waitUntil(() -> app[0].viewModel().transport().getView().iteration() >= 1500);
        fx(() -> commit(app[0].viewModel(), ParamSpec.ALPHA, "0.3"));
        waitUntil(() -> app[0].viewModel().transport().getView().iteration() >= 1500);
        fx(() -> {
            MainViewModel vm = app[0].viewModel();
            vm.transport().pause();
            vm.exploration().timeline().moveTo(600);
            vm.showMessage(org.anilexplorer.app.viewmodel.Message.info(vm.exploration().branch()));
            return null;
        });
        Thread.sleep(1500);
        fx(() -> commit(app[0].viewModel(), ParamSpec.TASKS, "1000"));
        Thread.sleep(1000);
        fx(() -> {
            app[0].viewModel().transport().play();
            return null;
        });
        waitUntil(() -> app[0].viewModel().transport().getView().iteration() >= 2500);
        fx(() -> {
            MainViewModel vm = app[0].viewModel();
            vm.transport().pause();
            vm.exploration().timeline().moveTo(1000);
            return null;
        });
        Thread.sleep(3000); // let the charts catch up with the paused run
        Files.createDirectories(out.toAbsolutePath().getParent());
        Process p = new ProcessBuilder("import", "-window", "root", out.toString()).inheritIO().start();
        p.waitFor();
        Platform.exit();
        System.exit(0);
    }

    private static Object commit(MainViewModel vm, ParamSpec spec, String value) {
        vm.parameters().field(spec).setText(value);
        vm.parameters().commitDrafts();
        return null;
    }

    /** Runs {@code action} on the FX thread and waits for its result (shared with {@link SessionScreenshots}). */
    static <T> T fx(Callable<T> action) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(action.call());
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        });
        return f.get();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        long end = System.nanoTime() + 40_000_000_000L;
        while (!fx(condition) && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        System.err.println("at t = " + fx(() -> HistoryScreenshots.app.viewModel().transport().getView().iteration())
                + ", " + fx(() -> HistoryScreenshots.app.viewModel().getMessage()));
    }
}
