package org.anilexplorer.app.viewmodel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.anilexplorer.app.sim.ExperimentRequest;
import org.anilexplorer.app.sim.LiveExperiment;
import org.anilexplorer.app.sim.ResolvedMethod;
import org.anilexplorer.core.run.ExperimentView;
import org.anilexplorer.core.run.RunState;
import org.anilexplorer.core.run.RunView;

/**
 * Turns a live experiment's {@code core.run} views into {@link LiveView}s, publishing a new version only when a run
 * moved, recorded, changed state, the pause changed, or the experiment's methods changed (a method replaced or
 * relabelled): a frame with nothing new costs one comparison.
 */
final class LiveViews {

    private final LiveExperiment experiment;
    private long version;
    private long[] lastFingerprint = new long[0];
    private boolean lastPaused;
    private ExperimentRequest lastRequest;
    private LiveView last = LiveView.EMPTY;

    LiveViews(LiveExperiment experiment) {
        this.experiment = experiment;
    }

    LiveExperiment experiment() {
        return experiment;
    }

    /** The newest view; the same object as before when nothing changed. */
    synchronized LiveView latest() {
        ExperimentView v = experiment.latest();
        boolean paused = experiment.isPaused();
        List<RunView> runs = v.runs();
        long[] fingerprint = new long[runs.size() * 4];
        for (int i = 0; i < runs.size(); i++) {
            RunView r = runs.get(i);
            fingerprint[4 * i] = r.iteration();
            fingerprint[4 * i + 1] = r.series().size();
            fingerprint[4 * i + 2] = r.state().ordinal();
            fingerprint[4 * i + 3] = r.risk().size();
        }
        ExperimentRequest request = experiment.request();
        if (version > 0 && Arrays.equals(fingerprint, lastFingerprint) && paused == lastPaused
                && request == lastRequest) {
            return last;
        }
        lastFingerprint = fingerprint;
        lastPaused = paused;
        lastRequest = request;
        last = of(++version, request, runs, paused);
        return last;
    }

    /** The app's picture of the runs: one {@link MethodView} per requested method, and the state of the whole. */
    static LiveView of(long version, ExperimentRequest request, List<RunView> runs, boolean paused) {
        List<MethodView> methods = new ArrayList<>();
        long furthestRunning = -1;
        long furthest = 0;
        boolean allFinal = true;
        boolean anySuccess = false;
        boolean allConverged = true;
        ExperimentState firstProblem = null;
        for (ResolvedMethod m : request.methods()) {
            List<RunView> seeds = new ArrayList<>();
            for (RunView r : runs) {
                if (!r.label().equals(m.label())) {
                    continue;
                }
                seeds.add(r);
                furthest = Math.max(furthest, r.iteration());
                if (!r.state().isFinal()) {
                    allFinal = false;
                    if (r.state() != RunState.PENDING) {
                        furthestRunning = Math.max(furthestRunning, r.iteration());
                    }
                } else {
                    anySuccess |= r.state().isSuccess();
                    allConverged &= r.state() == RunState.CONVERGED;
                    if (firstProblem == null && (r.state() == RunState.DIVERGED || r.state() == RunState.FAILED)) {
                        firstProblem = ExperimentState.of(r.state(), paused);
                    }
                }
            }
            methods.add(new MethodView(m, seeds));
        }
        // the experiment's t is its furthest running run's: a method restarted from 0 does not set the others back
        long iteration = furthestRunning < 0 ? furthest : furthestRunning;
        ExperimentState overall;
        if (!allFinal) {
            overall = paused ? ExperimentState.PAUSED : ExperimentState.RUNNING;
        } else if (anySuccess) {
            overall = allConverged ? ExperimentState.CONVERGED : ExperimentState.FINISHED;
        } else {
            overall = firstProblem != null ? firstProblem : ExperimentState.FINISHED;
        }
        return new LiveView(version, iteration, request.maxIterations(), overall, methods);
    }
}
