package org.anilexplorer.app.sim;

import java.util.ArrayList;
import java.util.List;
import org.anilexplorer.app.viewmodel.ExperimentRequest;
import org.anilexplorer.app.viewmodel.ResolvedMethod;
import org.anilexplorer.core.run.RunState;
import org.anilexplorer.core.run.RunView;

/** Turns the simulation package's run views into the app's {@link ExperimentView}. */
final class Views {

    private Views() {
    }

    static ExperimentView of(long version, ExperimentRequest request, List<RunView> runs, boolean paused,
                             java.util.function.BiFunction<org.anilexplorer.core.params.Params, Long, RiskSeries> risk) {
        List<MethodView> methods = new ArrayList<>();
        long slowest = Long.MAX_VALUE;
        long furthest = 0;
        boolean allFinal = true;
        boolean anySuccess = false;
        boolean allConverged = true;
        RunStatus firstProblem = null;
        for (ResolvedMethod m : request.methods()) {
            List<SeedSeries> seeds = new ArrayList<>();
            for (RunView r : runs) {
                if (!r.label().equals(m.label())) {
                    continue;
                }
                RunStatus status = status(r.state(), paused);
                seeds.add(new SeedSeries(r.seed(), r.series(), status, r.reason(), risk.apply(m.params(), r.seed())));
                furthest = Math.max(furthest, r.iteration());
                if (!r.state().isFinal()) {
                    allFinal = false;
                    if (r.state() != RunState.PENDING) {
                        slowest = Math.min(slowest, r.iteration());
                    }
                } else {
                    anySuccess |= r.state().isSuccess();
                    allConverged &= r.state() == RunState.CONVERGED;
                    if (firstProblem == null && (status == RunStatus.DIVERGED || status == RunStatus.FAILED)) {
                        firstProblem = status;
                    }
                }
            }
            methods.add(new MethodView(m, seeds));
        }
        long iteration = slowest == Long.MAX_VALUE ? furthest : slowest;
        RunStatus overall;
        if (!allFinal) {
            overall = paused ? RunStatus.PAUSED : RunStatus.RUNNING;
        } else if (anySuccess) {
            overall = allConverged ? RunStatus.CONVERGED : RunStatus.FINISHED;
        } else {
            overall = firstProblem != null ? firstProblem : RunStatus.FINISHED;
        }
        return new ExperimentView(version, iteration, request.maxIterations(), overall, methods);
    }

    static RunStatus status(RunState state, boolean paused) {
        return switch (state) {
            case PENDING, RUNNING, PAUSED -> paused ? RunStatus.PAUSED : RunStatus.RUNNING;
            case CONVERGED -> RunStatus.CONVERGED;
            case FINISHED -> RunStatus.FINISHED;
            case CANCELLED -> RunStatus.FINISHED;
            case DIVERGED -> RunStatus.DIVERGED;
            case FAILED -> RunStatus.FAILED;
        };
    }
}
