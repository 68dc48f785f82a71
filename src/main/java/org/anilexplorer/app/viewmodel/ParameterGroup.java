package org.anilexplorer.app.viewmodel;

import java.util.List;
import org.anilexplorer.core.params.ParamSpec;

/** How the parameter panel groups the keys of {@link ParamSpec}; every key belongs to exactly one group. */
public enum ParameterGroup {
    PROBLEM("Problem", List.of(ParamSpec.D, ParamSpec.K, ParamSpec.K_PRIME, ParamSpec.TASK_COV, ParamSpec.TASK_MEAN,
            ParamSpec.SIGMA2)),
    TRAINING("Training", List.of(ParamSpec.ALGORITHM, ParamSpec.TASKS, ParamSpec.FRESH_TASKS, ParamSpec.M_IN,
            ParamSpec.M_OUT, ParamSpec.ALPHA, ParamSpec.BETA, ParamSpec.ITERATIONS)),
    INITIALISATION("Initialisation", List.of(ParamSpec.INIT, ParamSpec.INIT_SCALE, ParamSpec.W0_SCALE,
            ParamSpec.UPDATE_HEAD_OUTER, ParamSpec.BM_HEADS)),
    RUNS("Runs", List.of(ParamSpec.SEED, ParamSpec.SEEDS)),
    EVALUATION("Evaluation", List.of(ParamSpec.M_TEST, ParamSpec.TEST_TASKS, ParamSpec.GD_STEPS));

    private final String title;
    private final List<ParamSpec> keys;

    ParameterGroup(String title, List<ParamSpec> keys) {
        this.title = title;
        this.keys = keys;
    }

    public String title() {
        return title;
    }

    public List<ParamSpec> keys() {
        return keys;
    }
}
