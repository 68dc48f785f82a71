package org.anilexplorer.app.sim;

import java.util.ArrayList;
import java.util.List;
import org.anilexplorer.app.viewmodel.ExperimentRequest;

/** Opens a {@link FakeDriver} for every experiment and keeps them, newest last, for the test to move and inspect. */
public final class FakeLauncher implements ExperimentLauncher {

    public final List<FakeDriver> opened = new ArrayList<>();

    @Override
    public ExperimentDriver open(ExperimentRequest request) {
        FakeDriver d = new FakeDriver(request);
        opened.add(d);
        return d;
    }

    /** The experiment opened last. */
    public FakeDriver live() {
        return opened.get(opened.size() - 1);
    }
}
