package org.anilexplorer.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;
import org.anilexplorer.app.sim.ExperimentRequest;
import org.anilexplorer.app.sim.FakeDriver;
import org.anilexplorer.app.sim.ResolvedMethod;
import org.anilexplorer.core.params.Params;
import org.junit.jupiter.api.Test;

/** The window's views of an experiment: a new version only when something changed. */
class LiveViewsTest {

    @Test
    void anUnchangedExperimentKeepsItsViewAndAChangeMakesANewVersion() {
        Params p = Params.defaults().withAll(Map.of("iterations", "100", "seeds", "2"));
        FakeDriver d = new FakeDriver(new ExperimentRequest(p, List.of(new ResolvedMethod("a", 0, p))));
        LiveViews views = new LiveViews(d);
        LiveView first = views.latest();
        assertSame(first, views.latest());
        assertEquals(ExperimentState.PAUSED, first.state());
        d.resume();
        LiveView running = views.latest();
        assertNotSame(first, running, "the pause changed");
        assertEquals(ExperimentState.RUNNING, running.state());
        d.advance(10);
        LiveView moved = views.latest();
        assertEquals(running.version() + 1, moved.version());
        assertEquals(10, moved.iteration());
        assertEquals(2, moved.methods().get(0).seeds().size());
        d.advance(1000);
        assertEquals(ExperimentState.FINISHED, views.latest().state());
    }
}
