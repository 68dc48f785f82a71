package org.anilexplorer.core.params;

import java.util.Optional;

/**
 * Every parameter's key, paper symbol, meaning and allowed range, in one place. Validation messages, CLI
 * {@code --set} keys, preset and session JSON fields, and the UI's fields and tooltips all read this table.
 */
public enum ParamSpec {
    ALGORITHM("algorithm", "", "training method", "one of " + Algorithm.keys()),
    D("d", "d", "ambient dimension of the inputs x", "integer in [2, 2000]"),
    K("k", "k", "dimension of the hidden task subspace col(B⋆)", "integer in [1, d-1]"),
    K_PRIME("k_prime", "k'", "width of the learned representation B (number of columns)", "integer in [1, d]"),
    M_IN("m_in", "m_in", "samples per task for the inner (adaptation) step; inf = population loss", "integer ≥ 1 or inf"),
    M_OUT("m_out", "m_out", "samples per task for the outer (meta) step; inf = population loss", "integer ≥ 1 or inf"),
    TASKS("tasks", "N", "number of training tasks; inf = exact expectation over tasks (eqs. 5–7)", "integer in [1, 10^6] or inf"),
    FRESH_TASKS("fresh_tasks", "", "draw a fresh batch of N tasks every iteration instead of a fixed pool (Collins et al.)", "true or false"),
    ALPHA("alpha", "α", "inner step size (also the test-time 1-GD step)", "number > 0"),
    BETA("beta", "β", "outer step size (the single GD step size for Burer–Monteiro and average loss)", "number > 0"),
    SIGMA2("sigma2", "σ²", "label-noise variance", "number ≥ 0"),
    TASK_COV("task_cov", "Σ⋆", "task-head covariance diagonal: identity, linear (c·diag(1..k), ‖Σ⋆‖_F = √k) or k values", "identity, linear, or k positive numbers"),
    TASK_MEAN("task_mean", "μ⋆", "task-head mean (k values; empty = 0)", "empty or k finite numbers"),
    INIT("init", "B₀", "initialisation of B: gaussian (entries N(0, s²/d)) or orthonormal (α^(-1/2)·s·Q)", "gaussian or orthonormal"),
    INIT_SCALE("init_scale", "s", "scale s of the initial representation B₀", "number ≥ 0"),
    W0_SCALE("w0_scale", "‖w₀‖", "initial head w₀: entries N(0, scale²/k'); 0 gives w₀ = 0", "number ≥ 0"),
    UPDATE_HEAD_OUTER("update_head_outer", "", "whether the outer step also updates the shared head w", "true or false"),
    BM_HEADS("bm_heads", "", "Burer–Monteiro head step: averaged (plain GD on eq. 12) or per-task", "averaged or per-task"),
    ITERATIONS("iterations", "T", "number of training iterations", "integer in [1, 10^9]"),
    SEED("seed", "", "random seed of the first run (ground truth, tasks, initialisation, test tasks)", "integer ≥ 0"),
    SEEDS("seeds", "", "number of independent runs (seeds seed, seed+1, …)", "integer in [1, 64]"),
    M_TEST("m_test", "m_test", "samples per test task for evaluation", "list of integers ≥ 1"),
    TEST_TASKS("test_tasks", "", "number of fresh test tasks per run for evaluation", "integer in [1, 10^6]"),
    GD_STEPS("gd_steps", "", "number of steps of the k-step GD test estimator", "integer in [1, 1000]");

    private final String key;
    private final String symbol;
    private final String meaning;
    private final String allowed;

    ParamSpec(String key, String symbol, String meaning, String allowed) {
        this.key = key;
        this.symbol = symbol;
        this.meaning = meaning;
        this.allowed = allowed;
    }

    public String key() {
        return key;
    }

    public String symbol() {
        return symbol;
    }

    public String meaning() {
        return meaning;
    }

    public String allowed() {
        return allowed;
    }

    /** Default value as text, taken from {@link Params#defaults()}. */
    public String defaultText() {
        return Params.defaults().get(this);
    }

    public static Optional<ParamSpec> byKey(String key) {
        String k = key.trim().toLowerCase().replace('-', '_');
        if (k.equals("kprime") || k.equals("k'")) {
            k = "k_prime";
        }
        for (ParamSpec p : values()) {
            if (p.key.equals(k)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    public static String keys() {
        StringBuilder b = new StringBuilder();
        for (ParamSpec p : values()) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(p.key);
        }
        return b.toString();
    }
}
