package org.anilexplorer.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.anilexplorer.app.sim.CoreExperimentLauncher;
import org.anilexplorer.core.params.ParamSpec;
import org.junit.jupiter.api.Test;

/** Play measures how long the experiment takes (the command line's estimator) and the status line says it. */
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

    @Test
    void theEstimateReadsLikeTheElapsedTime() {
        assertEquals("0:01", TransportViewModel.clock(Duration.ofMillis(200)));
        assertEquals("12:05", TransportViewModel.clock(Duration.ofSeconds(725)));
        assertEquals("3:20:00", TransportViewModel.clock(Duration.ofMinutes(200)));
        assertEquals("over 4 days", TransportViewModel.clock(Duration.ofHours(100)));
        assertEquals("over 1 day", TransportViewModel.clock(Duration.ofHours(30)));
    }
}
