package org.anilexplorer.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.anilexplorer.app.viewmodel.ChartKind;
import org.anilexplorer.app.viewmodel.TeachingViewModel;

/**
 * Screenshots of presenter mode with the real simulation, for looking at under a real X server with a window
 * manager: {@code xvfb-run} (or Xvfb + openbox) then
 * {@code java -cp … org.anilexplorer.app.PresenterScreenshots SCALE LESSON CHART|all SECONDS OUT.png}. The window
 * fills the screen, opens the lesson in presenter mode at SCALE, plays it, and after SECONDS (or at the first pause
 * point) the whole screen is captured with ImageMagick's {@code import -window root}.
 */
public final class PresenterScreenshots {

    private PresenterScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        double scale = Double.parseDouble(args[0]);
        int lesson = Integer.parseInt(args[1]);
        String chart = args[2];
        long seconds = Long.parseLong(args[3]);
        Path out = Path.of(args[4]);
        CountDownLatch paused = new CountDownLatch(1);
        Platform.startup(() -> {
            Stage stage = new Stage();
            AnilExplorerApp app = new AnilExplorerApp();
            app.start(stage);
            stage.setMaximized(true);
            TeachingViewModel t = app.window().teaching();
            t.openLesson(lesson);
            t.presentingProperty().set(true);
            t.scaleProperty().set(scale);
            if (!chart.equals("all")) {
                t.maximisedProperty().set(ChartKind.valueOf(chart));
            }
            t.events().addListener((javafx.collections.ListChangeListener<Object>) c -> paused.countDown());
            app.viewModel().transport().play();
        });
        paused.await(seconds, TimeUnit.SECONDS);
        Thread.sleep(2500); // let the charts catch up with the paused run
        Files.createDirectories(out.toAbsolutePath().getParent());
        Process p = new ProcessBuilder("import", "-window", "root", out.toString()).inheritIO().start();
        p.waitFor();
        Platform.exit();
        System.exit(0);
    }
}
