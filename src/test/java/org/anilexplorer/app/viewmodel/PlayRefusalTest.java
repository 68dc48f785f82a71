package org.anilexplorer.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.anilexplorer.app.sim.CoreExperimentLauncher;
import org.anilexplorer.app.sim.ExperimentDriver;
import org.anilexplorer.app.sim.ExperimentLauncher;
import org.anilexplorer.app.sim.RunStatus;
import org.anilexplorer.core.params.ParamSpec;
import org.junit.jupiter.api.Test;

/**
 * A problem too large for memory is refused the moment Play is pressed, with a message naming the method and the
 * fix, and nothing is started (no run allocates anything, so nothing needs cancelling).
 */
class PlayRefusalTest {

    @Test
    void aTaskPoolLargerThanTheHeapIsRefusedAtOnceNamingTheMethod() {
        ParametersViewModel params = new ParametersViewModel();
        int[] opened = {0};
        CoreExperimentLauncher real = new CoreExperimentLauncher();
        ExperimentLauncher counting = new ExperimentLauncher() {
            @Override
            public ExperimentDriver open(ExperimentRequest request) {
                opened[0]++;
                return real.open(request);
            }

            @Override
            public Optional<String> refusal(ExperimentRequest request) {
                return real.refusal(request);
            }
        };
        try (TransportViewModel vm = new TransportViewModel(counting, params.requestProperty(), Runnable::run)) {
            params.field(ParamSpec.D).setText("2000");
            params.field(ParamSpec.K_PRIME).setText("2000");
            params.field(ParamSpec.TASKS).setText("100000");
            params.field(ParamSpec.M_IN).setText("10");
            params.field(ParamSpec.M_OUT).setText("10");
            assertTrue(params.getRequest() != null, "the values themselves are allowed");
            vm.play();
            assertEquals(0, opened[0], "nothing was started");
            assertFalse(vm.isRunning());
            assertEquals(RunStatus.READY, vm.getState());
            String problem = vm.getProblem();
            String label = params.getRequest().methods().get(0).label();
            assertTrue(problem.startsWith(label + " cannot run here"), problem);
            assertTrue(problem.contains("100,000 tasks") && problem.contains("MB") && problem.contains("Lower N"),
                    problem);
            assertFalse(problem.contains("tasks tasks"), problem);
        }
    }
}
