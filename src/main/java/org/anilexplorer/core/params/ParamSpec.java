package org.anilexplorer.core.params;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every parameter in one place: its key, the paper's symbol, its meaning, its type with the allowed range (which
 * parses and checks the text, and words every refusal), its default, and why the range stops where it does.
 * {@link Params} validation, CLI {@code --set} keys and the {@code params} command, preset and session JSON fields,
 * the app's fields and tooltips, and the README's parameter table all read this table.
 *
 * <p>Adding a parameter: one entry here, a record component of {@link Params} (and its line in
 * {@code Params.value}/{@code Params.Builder.set}), and its use in the code.
 */
public enum ParamSpec {
    ALGORITHM("algorithm", "", "training method",
            ValueType.choice(List.of(Algorithm.values()), Algorithm::key, Algorithm::parse), "fo-anil", ""),
    D("d", "d", "ambient dimension of the inputs x", ValueType.integer(2, 2000), "20",
            "the d × k' representation and every task's samples grow with d: beyond 2000 they outgrow a desktop's memory"),
    K("k", "k", "dimension of the hidden task subspace col(B⋆)", ValueType.integer(1, 1999, "an integer in [1, d−1]"),
            "3", "the subspace must leave a complement B⋆,⊥ to unlearn"),
    K_PRIME("k_prime", "k'", "width of the learned representation B (number of columns)",
            ValueType.integer(1, 2000, "an integer in [1, d]"), "20", "the columns of B live in R^d"),
    M_IN("m_in", "m_in", "samples per task for the inner (adaptation) step; inf = population loss",
            ValueType.count(100_000), "20", "beyond 10^5 samples a task is its population: use inf"),
    M_OUT("m_out", "m_out", "samples per task for the outer (meta) step; inf = population loss",
            ValueType.count(100_000), "10", "beyond 10^5 samples a task is its population: use inf"),
    TASKS("tasks", "N", "number of training tasks; inf = exact expectation over tasks (eqs. 5–7)",
            ValueType.count(1_000_000), "1000", "a pool of more than 10^6 tasks would not fit in memory: use inf"),
    FRESH_TASKS("fresh_tasks", "", "draw a fresh batch of N tasks every iteration instead of a fixed pool (Collins et al.)",
            ValueType.bool(), "false", ""),
    ALPHA("alpha", "α", "inner step size (also the test-time 1-GD step)", ValueType.number(1e-9, false, 100), "0.1",
            "Λ⋆ grows like 1/α, so below 10^-9 it leaves any useful range; Theorem 1 needs α·σ̃ = O(1) and "
                    + "σ̃ ≥ 0.01 within the limits of task_cov, so larger steps are outside every stable setting"),
    BETA("beta", "β", "outer step size (the single GD step size for Burer–Monteiro and average loss)",
            ValueType.number(1e-9, false, 1000), "0.1",
            "smaller steps move nothing within the iteration limit; Theorem 1 asks β ≤ α, and the gradient-descent "
                    + "baselines need steps of order 10, far below 1000"),
    SIGMA2("sigma2", "σ²", "label-noise variance", ValueType.number(0, false, 10_000), "1",
            "beyond 10^4 the noise drowns a unit-scale signal entirely"),
    TASK_COV("task_cov", "Σ⋆", "task-head covariance diagonal: identity, linear (c·diag(1..k), ‖Σ⋆‖_F = √k) or k values",
            ValueType.spectrum(1e-4, 10_000), "linear",
            "variances between 10^-4 and 10^4 keep σ̃ = √(Tr Σ⋆ + σ²) ≥ 0.01 and the features finite"),
    TASK_MEAN("task_mean", "μ⋆", "task-head mean (k values; empty = 0)",
            ValueType.numbers(10_000, "empty or k numbers in [-10^4, 10^4]"), "",
            "a mean beyond 10^4 only scales the labels out of range"),
    INIT("init", "B₀", "initialisation of B: gaussian (entries N(0, s²/d)) or orthonormal (α^(-1/2)·s·Q)",
            ValueType.choice(List.of(InitScheme.values()), InitScheme::key, InitScheme::parse), "gaussian", ""),
    INIT_SCALE("init_scale", "s", "scale s of the initial representation B₀", ValueType.number(0, false, 1000), "1",
            "Theorem 1 assumes ‖B₀‖² = O(1/(α·m_in)); a scale beyond 1000 starts every run far outside it"),
    W0_SCALE("w0_scale", "‖w₀‖", "initial head w₀: entries N(0, scale²/k'); 0 gives w₀ = 0",
            ValueType.number(0, false, 1000), "0", "the same bound as init_scale, for the head"),
    UPDATE_HEAD_OUTER("update_head_outer", "", "whether the outer step also updates the shared head w", ValueType.bool(),
            "true", ""),
    BM_HEADS("bm_heads", "", "Burer–Monteiro head step: averaged (plain GD on eq. 12) or per-task",
            ValueType.choice(List.of(HeadStep.values()), HeadStep::key, HeadStep::parse), "averaged", ""),
    ITERATIONS("iterations", "T", "number of training iterations", ValueType.integer(1, 1_000_000_000L), "5000",
            "the recording schedule is sized for it (about 410 records at 10^9)"),
    SEED("seed", "", "random seed of the first run (ground truth, tasks, initialisation, test tasks)",
            ValueType.integer(0, Long.MAX_VALUE - 64), "1", "seeds seed, seed+1, … must stay in range"),
    SEEDS("seeds", "", "number of independent runs (seeds seed, seed+1, …)", ValueType.integer(1, 64), "1",
            "64 runs side by side already fill a large machine"),
    M_TEST("m_test", "m_test", "samples per test task for evaluation", ValueType.integers(1, 100_000), "20,30",
            "the same bound as m_in"),
    TEST_TASKS("test_tasks", "", "number of fresh test tasks per run for evaluation", ValueType.integer(1, 1_000_000),
            "1000", "10^6 test tasks already estimate a risk to 0.1 % of its spread"),
    GD_STEPS("gd_steps", "", "number of steps of the k-step GD test estimator", ValueType.integer(1, 1000), "5",
            "more steps only approach the ridge estimate");

    private final String key;
    private final String symbol;
    private final String meaning;
    private final ValueType<?> type;
    private final String defaultText;
    private final String limitReason;

    ParamSpec(String key, String symbol, String meaning, ValueType<?> type, String defaultText, String limitReason) {
        this.key = key;
        this.symbol = symbol;
        this.meaning = meaning;
        this.type = type;
        this.defaultText = defaultText;
        this.limitReason = limitReason;
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

    /** The allowed values in words, as every refusal of this field states them. */
    public String allowed() {
        return type.allowed();
    }

    /** Why the allowed range ends where it does (empty when the values are a fixed set). */
    public String limitReason() {
        return limitReason;
    }

    /** The meaning, the allowed values and the reason for the limits: the text of a tooltip or a help line. */
    public String help() {
        String m = Character.toUpperCase(meaning.charAt(0)) + meaning.substring(1) + ". Allowed: " + allowed() + ".";
        return limitReason.isEmpty() ? m : m + " Limits: " + limitReason + ".";
    }

    public ValueType<?> type() {
        return type;
    }

    /** The values a chooser may offer (algorithms, schemes, booleans), or empty for a typed value. */
    public List<String> choices() {
        return type.choices();
    }

    /** The default value as text (the value of {@link Params#defaults()}). */
    public String defaultText() {
        return defaultText;
    }

    /**
     * Parses and range-checks a value of this field.
     *
     * @throws ParamException naming the field and the allowed values
     */
    public Object parse(String text) {
        if (text == null) {
            throw new ParamException(key, "missing value; allowed: " + allowed());
        }
        try {
            return type.parse(text.trim());
        } catch (ParamException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ParamException(key, e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    String format(Object value) {
        return ((ValueType<Object>) type).format(value);
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
        return String.join(", ", Arrays.stream(values()).map(ParamSpec::key).toList());
    }

    /** Every parameter as a Markdown table: key, symbol, default, allowed values, meaning and limits. */
    public static String markdownTable() {
        StringBuilder b = new StringBuilder();
        b.append("| key | symbol | default | allowed | meaning |\n");
        b.append("| --- | --- | --- | --- | --- |\n");
        for (ParamSpec p : values()) {
            b.append("| `").append(p.key).append("` | ").append(p.symbol).append(" | ")
                    .append(p.defaultText.isEmpty() ? "(empty)" : "`" + p.defaultText + "`").append(" | ")
                    .append(p.allowed()).append(" | ").append(p.meaning)
                    .append(p.limitReason.isEmpty() ? "" : ". Limits: " + p.limitReason).append(" |\n");
        }
        return b.toString().replace("|  |", "| |");
    }
}
