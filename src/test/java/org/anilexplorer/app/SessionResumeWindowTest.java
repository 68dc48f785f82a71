package org.anilexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.anilexplorer.app.sim.CoreExperimentLauncher;
import org.anilexplorer.app.viewmodel.ExperimentState;
import org.anilexplorer.app.viewmodel.LiveView;
import org.anilexplorer.app.viewmodel.MainViewModel;
import org.anilexplorer.app.viewmodel.Message;
import org.anilexplorer.app.viewmodel.MethodView;
import org.anilexplorer.app.viewmodel.Speed;
import org.anilexplorer.core.metrics.Snapshot;
import org.anilexplorer.core.run.RiskSeries;
import org.anilexplorer.core.run.RunView;
import org.anilexplorer.io.PresetReader;
import org.anilexplorer.io.RecordedRun;
import org.anilexplorer.io.SessionCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A saved paused session reopens paused at the same t and resumes exactly, in the window on the real engine: the
 * teaching preset (infinite tasks, 1,000 tasks, infinite samples) runs a few hundred iterations, is paused and saved
 * as the Save session menu item saves it, the window is reset and the file reopened; Play then continues every
 * method, and what they record equals, bit for bit, what an uninterrupted run of the preset records.
 */
@ExtendWith(ApplicationExtension.class)
class SessionResumeWindowTest {

    @TempDir
    Path dir;

    private AnilExplorerApp app;

    @Start
    void start(Stage stage) {
        app = new AnilExplorerApp(new CoreExperimentLauncher());
        app.start(stage);
    }

    @Stop
    void stop() {
        app.stop();
    }

    private MainViewModel vm() {
        return app.viewModel();
    }

    private void await(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }

    private <T> T fx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }

    /** Pauses with the Play button and waits until a frame shows every run settled where it parked. */
    private LiveView pauseAndSettle(FxRobot robot) throws Exception {
        robot.clickOn("#play");
        await(() -> vm().transport().getState() == ExperimentState.PAUSED);
        LiveView before;
        LiveView now = fx(() -> vm().transport().getView());
        do {
            before = now;
            Thread.sleep(300);
            now = fx(() -> vm().transport().getView());
        } while (positions(now).equals(positions(before)) == false);
        return now;
    }

    private static List<Long> positions(LiveView v) {
        List<Long> out = new ArrayList<>();
        for (MethodView m : v.methods()) {
            for (RunView r : m.seeds()) {
                out.add(r.iteration());
            }
        }
        return out;
    }

    @Test
    void aPausedSessionSavedAndReopenedResumesAtItsTExactlyAsAnUninterruptedRun(FxRobot robot) throws Exception {
        robot.interact(() -> {
            vm().applyPreset(PresetReader.load("teaching"));
            vm().transport().speedIndexProperty().set(Speed.STEPS.indexOf(20L));
        });
        robot.clickOn("#play");
        await(() -> vm().transport().getView().iteration() >= 300);
        LiveView paused = pauseAndSettle(robot);
        List<Long> pausedAt = positions(paused);

        Path file = dir.resolve("paused.json");
        assertTrue(fx(() -> vm().saveSession(file)), () -> String.valueOf(vm().getMessage()));
        List<RecordedRun> saved = SessionCodec.read(file).runs();
        assertEquals(3, saved.size());
        for (int i = 0; i < saved.size(); i++) {
            assertNotNull(saved.get(i).latest(), "the session holds the state of " + saved.get(i).label());
            assertEquals(pausedAt.get(i), saved.get(i).latest().iteration(), "… at the t it was paused at");
        }
        assertTrue(Files.readString(file).contains("\"checkpoints\""), "and earlier states to branch from");

        robot.clickOn("#reset");
        await(() -> vm().transport().getView().iteration() == 0);
        robot.interact(() -> app.window().openFile(file));
        await(() -> positions(vm().transport().getView()).equals(pausedAt));
        assertEquals(ExperimentState.PAUSED, fx(() -> vm().transport().getState()), "reopened paused");
        Message opened = fx(() -> vm().getMessage());
        assertTrue(opened.text().contains("Play continues"), opened.text());
        await(() -> vm().transport().statusTextProperty().get().startsWith(String.format(java.util.Locale.ROOT, "t = %,d / 20,000",
                paused.iteration())));
        for (int m = 0; m < 3; m++) {
            RunView reopened = fx(() -> vm().transport().getView()).methods().get(m).seeds().get(0);
            RunView before = paused.methods().get(m).seeds().get(0);
            assertSameBits(before, reopened, before.iteration());
        }

        robot.clickOn("#play");
        await(() -> vm().transport().getView().methods().stream().allMatch(x -> x.iteration() >= 700));
        LiveView continued = pauseAndSettle(robot);

        robot.interact(() -> vm().applyPreset(PresetReader.load("teaching")));
        robot.clickOn("#play");
        await(() -> vm().transport().getView().methods().stream().allMatch(x -> x.iteration() >= 700));
        LiveView uninterrupted = pauseAndSettle(robot);

        for (int m = 0; m < 3; m++) {
            RunView a = uninterrupted.methods().get(m).seeds().get(0);
            RunView b = continued.methods().get(m).seeds().get(0);
            assertEquals(a.label(), b.label());
            assertSameBits(a, b, Math.min(a.iteration(), b.iteration()));
        }
    }

    /** Every snapshot and test-risk point of {@code a} and {@code b} up to iteration {@code t} has the same bits. */
    private static void assertSameBits(RunView a, RunView b, long t) {
        List<Snapshot> x = a.series().stream().filter(s -> s.iteration() <= t).toList();
        List<Snapshot> y = b.series().stream().filter(s -> s.iteration() <= t).toList();
        assertEquals(x.size(), y.size(), a.label() + ": records up to t = " + t);
        assertTrue(x.size() > 50, "the records of a few hundred iterations are compared: " + x.size());
        for (int i = 0; i < x.size(); i++) {
            assertEquals(bits(x.get(i)), bits(y.get(i)), a.label() + ", t = " + x.get(i).iteration());
        }
        RiskSeries r = a.risk();
        RiskSeries q = b.risk();
        int shared = 0;
        for (int i = 0; i < r.size() && r.iteration(i) <= t; i++) {
            assertEquals(r.iteration(i), q.iteration(i));
            assertEquals(Double.doubleToRawLongBits(r.oneStepGd(i)), Double.doubleToRawLongBits(q.oneStepGd(i)));
            assertEquals(Double.doubleToRawLongBits(r.ridge(i)), Double.doubleToRawLongBits(q.ridge(i)));
            shared++;
        }
        assertTrue(shared > 0, "the test risk is compared too");
    }

    private static List<Long> bits(Snapshot s) {
        List<Long> out = new ArrayList<>();
        out.add(s.iteration());
        for (double v : s.sv2Star()) {
            out.add(Double.doubleToRawLongBits(v));
        }
        for (double v : s.sv2Perp()) {
            out.add(Double.doubleToRawLongBits(v));
        }
        for (double v : new double[] {s.bwNorm(), s.distance(), s.trainingLoss(), s.validationLoss()}) {
            out.add(Double.doubleToRawLongBits(v));
        }
        return out;
    }
}
