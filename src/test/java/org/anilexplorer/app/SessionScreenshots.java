package org.anilexplorer.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.anilexplorer.app.viewmodel.MainViewModel;
import org.anilexplorer.app.viewmodel.MethodEntry;
import org.anilexplorer.app.viewmodel.MethodVariant;
import org.anilexplorer.app.viewmodel.Speed;
import org.anilexplorer.core.params.ParamSpec;
import org.anilexplorer.io.PresetReader;

/**
 * Screenshots of the window with a family, a ghost and a branch on screen, then of the same session saved paused and
 * reopened, with the real simulation, for looking at under a real X server with a window manager:
 * {@code java -cp … org.anilexplorer.app.SessionScreenshots OUT_PREFIX}. The teaching preset's first method is varied
 * over α ∈ {0.05, 0.1, 0.2, 0.4}; at t ≈ 1,200 the α = 0.4 member gets β = 0.1 (its β = 0.2 run stays as a ghost);
 * that member alone is branched at t = 600 and continues on 1,000 finite tasks; at t ≈ 2,500 the run is paused with
 * the timeline cursor at t = 1,000 ({@code OUT_PREFIX-family.png}), saved as a session, the window reset and the
 * session reopened ({@code OUT_PREFIX-reopened.png}).
 */
public final class SessionScreenshots {

    private SessionScreenshots() {
    }

    private static AnilExplorerApp app;

    public static void main(String[] args) throws Exception {
        String prefix = args[0];
        Platform.startup(() -> {
            Stage stage = new Stage();
            app = new AnilExplorerApp();
            app.start(stage);
            stage.setMaximized(true);
        });
        Thread.sleep(3000);
        fx(() -> {
            MainViewModel vm = app.viewModel();
            vm.parameters().load(PresetReader.load("teaching").params().with("iterations", "4000"),
                    List.of(new MethodVariant("", java.util.Map.of())));
            vm.parameters().vary(vm.parameters().methods().get(0), ParamSpec.ALPHA, "0.05, 0.1, 0.2, 0.4")
                    .ifPresent(System.err::println);
            vm.transport().speedIndexProperty().set(Speed.STEPS.indexOf(20L));
            vm.transport().play();
            return null;
        });
        waitUntil(() -> vm().transport().getView().iteration() >= 1200);
        fx(() -> {
            MethodEntry fastest = vm().parameters().methods().get(3);
            vm().parameters().select(fastest);
            vm().parameters().field(ParamSpec.BETA).setText("0.1");
            vm().parameters().commitDrafts();
            vm().parameters().selectBase();
            return null;
        });
        waitUntil(() -> vm().transport().getView().iteration() >= 1500);
        fx(() -> {
            MainViewModel vm = vm();
            vm.transport().pause();
            List<MethodEntry> all = List.copyOf(vm.parameters().methods());
            for (int i = 0; i < 3; i++) {
                vm.charts().setShown(all.get(i).slot(), false); // branch the α = 0.4 member alone
            }
            vm.exploration().timeline().moveTo(600);
            vm.showMessage(org.anilexplorer.app.viewmodel.Message.info(vm.exploration().branch()));
            for (int i = 0; i < 3; i++) {
                vm.charts().setShown(all.get(i).slot(), true);
            }
            return null;
        });
        Thread.sleep(1500);
        fx(() -> {
            vm().parameters().select(vm().parameters().methods().get(3));
            vm().parameters().field(ParamSpec.TASKS).setText("1000");
            vm().parameters().commitDrafts();
            vm().parameters().selectBase();
            return null;
        });
        Thread.sleep(1000);
        fx(() -> {
            vm().transport().play();
            return null;
        });
        waitUntil(() -> vm().transport().getView().iteration() >= 2500);
        fx(() -> {
            vm().transport().pause();
            vm().exploration().timeline().moveTo(1000);
            return null;
        });
        Thread.sleep(3000); // let the charts catch up with the paused run
        Path family = Path.of(prefix + "-family.png");
        Files.createDirectories(family.toAbsolutePath().getParent());
        shoot(family);

        Path session = Path.of(prefix + "-session.json");
        fx(() -> vm().saveSession(session));
        fx(() -> {
            vm().transport().reset();
            return null;
        });
        Thread.sleep(1000);
        fx(() -> app.window().openFile(session));
        Thread.sleep(4000);
        System.err.println("reopened: " + fx(() -> vm().transport().getState()) + ", "
                + fx(() -> vm().transport().statusTextProperty().get()) + ", " + fx(() -> vm().getMessage()));
        shoot(Path.of(prefix + "-reopened.png"));
        Platform.exit();
        System.exit(0);
    }

    private static MainViewModel vm() {
        return app.viewModel();
    }

    private static void shoot(Path out) throws Exception {
        Process p = new ProcessBuilder("import", "-window", "root", out.toString()).inheritIO().start();
        p.waitFor();
    }

    private static <T> T fx(Callable<T> action) throws Exception {
        return HistoryScreenshots.fx(action);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        long end = System.nanoTime() + 60_000_000_000L;
        while (!fx(condition) && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        System.err.println("at t = " + fx(() -> vm().transport().getView().iteration()) + ", "
                + fx(() -> vm().getMessage()));
    }
}
