package org.anilexplorer.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.anilexplorer.app.sim.CoreExperimentLauncher;
import org.anilexplorer.app.sim.ExperimentLauncher;
import org.anilexplorer.app.sim.ExperimentRequest;
import org.anilexplorer.app.sim.FakeLauncher;
import org.anilexplorer.app.sim.LiveExperiment;
import org.anilexplorer.core.params.ParamSpec;
import org.junit.jupiter.api.Test;

/**
 * Play measures how long the experiment takes (the command line's estimator) and the status line says it; a long one
 * is announced in the message bar as soon as the estimate is known.
 */
class PlayEstimateTest {

    @Test
    void theStatusLineGetsTheEstimateAfterPlay() throws Exception {
        ParametersViewModel params = new ParametersViewModel();
        params.field(ParamSpec.D).setText("10");
        params.field(ParamSpec.K_PRIME).setText("10");
        params.field(ParamSpec.ITERATIONS).setText("5000");
        try (TransportViewModel vm = new TransportViewModel(new CoreExperimentLauncher(), params.requestProperty(),
                Runnable::run)) {
            vm.play();
            long now = 0;
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!vm.statusTextProperty().get().contains("in all at full speed") && System.nanoTime() < deadline) {
                Thread.sleep(20);
                vm.onFrame(now += 200_000_000L); // past the status line's refresh period
            }
            String status = vm.statusTextProperty().get();
            assertTrue(status.matches(".*about \\d+:\\d\\d(:\\d\\d)? in all at full speed.*"), status);
        }
    }

    /** An experiment longer than a minute at full speed is announced once, naming the estimate; a short one not. */
    @Test
    void aLongExperimentIsAnnouncedAsSoonAsItsEstimateIsKnown() throws Exception {
        assertEquals("12:00", noticeAfterPlay(Duration.ofMinutes(12)).replaceAll(".*about (\\S+) at full speed.*", "$1"));
        assertEquals("", noticeAfterPlay(Duration.ofSeconds(50)));
    }

    private static String noticeAfterPlay(Duration estimate) throws Exception {
        FakeLauncher fake = new FakeLauncher();
        ExperimentLauncher launcher = new ExperimentLauncher() {
            @Override
            public LiveExperiment open(ExperimentRequest request) {
                return fake.open(request);
            }

            @Override
            public Optional<Duration> estimate(ExperimentRequest request) {
                return Optional.of(estimate);
            }
        };
        ParametersViewModel params = new ParametersViewModel();
        try (TransportViewModel vm = new TransportViewModel(launcher, params.requestProperty(), Runnable::run)) {
            vm.play();
            long now = 0;
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!vm.statusTextProperty().get().contains("in all at full speed") && System.nanoTime() < deadline) {
                Thread.sleep(5);
                vm.onFrame(now += 200_000_000L);
            }
            assertTrue(vm.statusTextProperty().get().contains("in all at full speed"), vm.statusTextProperty().get());
            String notice = vm.noticeProperty().get();
            vm.reset();
            assertEquals("", vm.noticeProperty().get(), "the notice goes with its experiment");
            return notice;
        }
    }

    @Test
    void theEstimateReadsLikeTheElapsedTime() {
        assertEquals("0:01", TransportViewModel.clock(Duration.ofMillis(200)));
        assertEquals("12:05", TransportViewModel.clock(Duration.ofSeconds(725)));
        assertEquals("3:20:00", TransportViewModel.clock(Duration.ofMinutes(200)));
        assertEquals("over 4 days", TransportViewModel.clock(Duration.ofHours(100)));
        assertEquals("over 1 day", TransportViewModel.clock(Duration.ofHours(30)));
    }
}
