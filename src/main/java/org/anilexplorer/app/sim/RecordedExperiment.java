package org.anilexplorer.app.sim;

import org.anilexplorer.app.viewmodel.ExperimentRequest;

/** An experiment that only shows what a session file recorded: nothing runs; Play starts a fresh experiment. */
public final class RecordedExperiment implements ExperimentDriver {

    private final ExperimentRequest request;
    private final ExperimentView view;

    public RecordedExperiment(ExperimentRequest request, ExperimentView view) {
        this.request = request;
        this.view = view;
    }

    @Override
    public ExperimentRequest request() {
        return request;
    }

    @Override
    public void resume() {
    }

    @Override
    public void pause() {
    }

    @Override
    public void step(long iterations) {
    }

    @Override
    public void limitTo(long iteration) {
    }

    @Override
    public ExperimentView latest() {
        return view;
    }

    @Override
    public void cancel() {
    }

    @Override
    public void close() {
    }
}
