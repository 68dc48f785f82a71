package org.anilexplorer.app.sim;

import org.anilexplorer.core.run.ExperimentView;

/**
 * An experiment that only shows what a session file recorded: nothing runs (the transport commands have nothing to
 * act on); Play starts a fresh experiment.
 *
 * @param request the experiment the session describes
 * @param view    the recorded runs, all ended
 */
public record RecordedExperiment(ExperimentRequest request, ExperimentView view) implements LiveExperiment {

    @Override
    public void resume() {
        // nothing runs
    }

    @Override
    public void pause() {
        // nothing runs
    }

    @Override
    public boolean isPaused() {
        return false;
    }

    @Override
    public void step(long iterations) {
        // nothing runs
    }

    @Override
    public void limitTo(long iteration) {
        // nothing runs
    }

    @Override
    public void limitAhead(long iterations) {
        // nothing runs
    }

    @Override
    public ExperimentView latest() {
        return view;
    }

    @Override
    public void cancel() {
        // nothing runs
    }

    @Override
    public void close() {
        // nothing to release
    }
}
