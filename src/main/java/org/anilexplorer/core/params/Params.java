package org.anilexplorer.core.params;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every parameter of one experiment, seed included: immutable, and the single input of presets, sessions, CLI flags
 * and the app's parameter panel. Keys, meanings and ranges live in {@link ParamSpec}.
 *
 * <p>Field-level checks happen in {@link #with(String, String)}; cross-field checks (k &lt; d, list lengths, method
 * combinations) in {@link #validate()}, which also returns non-blocking warnings.
 */
public record Params(
        Algorithm algorithm,
        int d,
        int k,
        int kPrime,
        Count mIn,
        Count mOut,
        Count tasks,
        boolean freshTasks,
        double alpha,
        double beta,
        double sigma2,
        TaskSpectrum taskCov,
        DoubleList taskMean,
        InitScheme init,
        double initScale,
        double w0Scale,
        boolean updateHeadOuter,
        HeadStep bmHeads,
        long iterations,
        long seed,
        int seeds,
        List<Integer> mTest,
        int testTasks,
        int gdSteps) {

    public Params {
        mTest = List.copyOf(mTest);
    }

    private static final Params DEFAULTS = new Params(Algorithm.FO_ANIL, 20, 3, 20, Count.of(20), Count.of(10),
            Count.of(1000), false, 0.1, 0.1, 1.0, TaskSpectrum.LINEAR, DoubleList.EMPTY, InitScheme.GAUSSIAN, 1.0, 0.0,
            true, HeadStep.AVERAGED, 5000, 1, 1, List.of(20, 30), 1000, 5);

    /** The quick teaching default: small enough to run in seconds, large enough to show the story. */
    public static Params defaults() {
        return DEFAULTS;
    }

    /** Returns a copy with one field set from text; refuses bad text with a message naming the field and range. */
    public Params with(String key, String value) {
        ParamSpec spec = ParamSpec.byKey(key).orElseThrow(
                () -> new ParamException(key, "unknown parameter; known parameters are " + ParamSpec.keys()));
        return with(spec, value);
    }

    public Params with(ParamSpec spec, String value) {
        if (value == null) {
            throw new ParamException(spec.key(), "missing value; allowed: " + spec.allowed());
        }
        String v = value.trim();
        try {
            return switch (spec) {
                case ALGORITHM -> copy(b -> b.algorithm = Algorithm.parse(v));
                case D -> copy(b -> b.d = parseInt(v, 2, 2000));
                case K -> copy(b -> b.k = parseInt(v, 1, 2000));
                case K_PRIME -> copy(b -> b.kPrime = parseInt(v, 1, 2000));
                case M_IN -> copy(b -> b.mIn = Count.parse(v));
                case M_OUT -> copy(b -> b.mOut = Count.parse(v));
                case TASKS -> copy(b -> b.tasks = parseTasks(v));
                case FRESH_TASKS -> copy(b -> b.freshTasks = parseBoolean(v));
                case ALPHA -> copy(b -> b.alpha = parsePositive(v));
                case BETA -> copy(b -> b.beta = parsePositive(v));
                case SIGMA2 -> copy(b -> b.sigma2 = parseNonNegative(v));
                case TASK_COV -> copy(b -> b.taskCov = parseSpectrum(v));
                case TASK_MEAN -> copy(b -> b.taskMean = DoubleList.parse(v));
                case INIT -> copy(b -> b.init = InitScheme.parse(v));
                case INIT_SCALE -> copy(b -> b.initScale = parseNonNegative(v));
                case W0_SCALE -> copy(b -> b.w0Scale = parseNonNegative(v));
                case UPDATE_HEAD_OUTER -> copy(b -> b.updateHeadOuter = parseBoolean(v));
                case BM_HEADS -> copy(b -> b.bmHeads = HeadStep.parse(v));
                case ITERATIONS -> copy(b -> b.iterations = parseLong(v, 1, 1_000_000_000L));
                case SEED -> copy(b -> b.seed = parseLong(v, 0, Long.MAX_VALUE));
                case SEEDS -> copy(b -> b.seeds = parseInt(v, 1, 64));
                case M_TEST -> copy(b -> b.mTest = parseIntList(v));
                case TEST_TASKS -> copy(b -> b.testTasks = parseInt(v, 1, 1_000_000));
                case GD_STEPS -> copy(b -> b.gdSteps = parseInt(v, 1, 1000));
            };
        } catch (ParamException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ParamException(spec.key(), e.getMessage());
        }
    }

    /** Applies several key=value settings in order. */
    public Params withAll(Map<String, String> settings) {
        Params p = this;
        for (Map.Entry<String, String> e : settings.entrySet()) {
            p = p.with(e.getKey(), e.getValue());
        }
        return p;
    }

    /** The value of one field as text, in the same syntax {@link #with} accepts. */
    public String get(ParamSpec spec) {
        return switch (spec) {
            case ALGORITHM -> algorithm.key();
            case D -> Integer.toString(d);
            case K -> Integer.toString(k);
            case K_PRIME -> Integer.toString(kPrime);
            case M_IN -> mIn.toString();
            case M_OUT -> mOut.toString();
            case TASKS -> tasks.toString();
            case FRESH_TASKS -> Boolean.toString(freshTasks);
            case ALPHA -> DoubleList.format(alpha);
            case BETA -> DoubleList.format(beta);
            case SIGMA2 -> DoubleList.format(sigma2);
            case TASK_COV -> taskCov.toString();
            case TASK_MEAN -> taskMean.toString();
            case INIT -> init.key();
            case INIT_SCALE -> DoubleList.format(initScale);
            case W0_SCALE -> DoubleList.format(w0Scale);
            case UPDATE_HEAD_OUTER -> Boolean.toString(updateHeadOuter);
            case BM_HEADS -> bmHeads.key();
            case ITERATIONS -> Long.toString(iterations);
            case SEED -> Long.toString(seed);
            case SEEDS -> Integer.toString(seeds);
            case M_TEST -> mTest.stream().map(String::valueOf).collect(Collectors.joining(","));
            case TEST_TASKS -> Integer.toString(testTasks);
            case GD_STEPS -> Integer.toString(gdSteps);
        };
    }

    /** All fields as key → text, in {@link ParamSpec} order; {@code defaults().withAll(p.toMap())} equals p. */
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        for (ParamSpec s : ParamSpec.values()) {
            m.put(s.key(), get(s));
        }
        return m;
    }

    /**
     * Cross-field checks. Throws {@link ParamException} for an invalid combination; returns warnings (conditions of
     * Theorem 1 that fail, settings likely to diverge) that must be shown but do not block a run.
     */
    public List<String> validate() {
        if (k >= d) {
            throw new ParamException("k", "must be in [1, d-1] = [1, " + (d - 1) + "], got " + k);
        }
        if (kPrime > d) {
            throw new ParamException("k_prime", "must be in [1, d] = [1, " + d + "], got " + kPrime);
        }
        if (taskCov.explicitSize() >= 0) {
            if (taskCov.explicitSize() != k) {
                throw new ParamException("task_cov", "needs k = " + k + " values, got " + taskCov.explicitSize());
            }
            for (double s : taskCov.diagonal(k)) {
                if (!(s > 0)) {
                    throw new ParamException("task_cov", "values must be > 0, got " + DoubleList.format(s));
                }
            }
        }
        if (!taskMean.isEmpty() && taskMean.size() != k) {
            throw new ParamException("task_mean", "needs k = " + k + " values (or none for 0), got " + taskMean.size());
        }
        if (tasks.finite() && tasks.value() > 1_000_000) {
            throw new ParamException("tasks", "must be in [1, 10^6] or inf, got " + tasks);
        }
        if (init == InitScheme.ORTHONORMAL && kPrime > d) {
            throw new ParamException("init", "orthonormal needs k_prime ≤ d");
        }
        checkCombination();

        List<String> warnings = new ArrayList<>();
        if (beta > alpha && algorithm.approachesLambdaStar()) {
            warnings.add("beta > alpha: Theorem 1 assumes β ≤ α.");
        }
        double tildeSigma2 = Arrays.stream(taskCov.diagonal(k)).sum() + sigma2;
        if (alpha * Math.sqrt(tildeSigma2) > 1.0 && algorithm.approachesLambdaStar()) {
            warnings.add(String.format("alpha = %s is large: Theorem 1 needs α = O(1/σ̃) and α·σ̃ = %.2f here.",
                    DoubleList.format(alpha), alpha * Math.sqrt(tildeSigma2)));
        }
        if (init == InitScheme.GAUSSIAN && mIn.finite() && algorithm.approachesLambdaStar()) {
            // E‖B₀‖² ≈ s²(1 + √(k'/d))²; Theorem 1 asks ‖B₀‖² = O(1/(α m_in)).
            double normB0 = initScale * initScale * Math.pow(1 + Math.sqrt((double) kPrime / d), 2);
            if (normB0 * alpha * mIn.value() > 10.0) {
                warnings.add(String.format("init_scale is large for Theorem 1: α·m_in·‖B₀‖² ≈ %.1f (the theorem assumes O(1)).",
                        normB0 * alpha * mIn.value()));
            }
        }
        return warnings;
    }

    private void checkCombination() {
        boolean finiteTasks = tasks.finite();
        switch (algorithm) {
            case FO_ANIL -> {
                if (!finiteTasks && freshTasks) {
                    throw new ParamException("fresh_tasks", "cannot be true with tasks = inf (the expectation has no batches)");
                }
            }
            case FO_MAML, ANIL, MAML, AVERAGE_LOSS -> {
                if (!finiteTasks) {
                    throw new ParamException("tasks", algorithm.key() + " is defined for finite N only; tasks = inf is available for fo-anil");
                }
            }
            case BURER_MONTEIRO -> {
                if (!finiteTasks) {
                    throw new ParamException("tasks", "burer-monteiro fits one head per task and needs a finite N");
                }
                if (freshTasks) {
                    throw new ParamException("fresh_tasks", "burer-monteiro fits a fixed pool of tasks; fresh_tasks must be false");
                }
                if (mIn.infinite() != mOut.infinite()) {
                    throw new ParamException("m_out", "burer-monteiro uses all m_in + m_out samples; both must be finite or both inf");
                }
            }
        }
        if (finiteTasks && mIn.infinite() != mOut.infinite() && algorithm != Algorithm.FO_ANIL) {
            throw new ParamException("m_out", "must be inf exactly when m_in is inf for " + algorithm.key());
        }
    }

    /** The diagonal of Σ⋆ for this k. */
    public double[] taskCovDiagonal() {
        return taskCov.diagonal(k);
    }

    /** μ⋆ as k values (zeros when not given). */
    public double[] taskMeanVector() {
        return taskMean.isEmpty() ? new double[k] : taskMean.toArray();
    }

    /** σ̃² = Tr Σ⋆ + σ² (Theorem 1). */
    public double tildeSigma2() {
        return Arrays.stream(taskCovDiagonal()).sum() + sigma2;
    }

    /** The seed of run {@code index} (0-based) of this experiment. */
    public long seedOf(int index) {
        return seed + index;
    }

    // ---- parsing helpers ----

    private static int parseInt(String v, int min, int max) {
        return (int) parseLong(v, min, max);
    }

    private static long parseLong(String v, long min, long max) {
        double x;
        try {
            x = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be an integer in [" + min + ", " + max + "], got '" + v + "'");
        }
        if (x != Math.rint(x) || x < min || x > max) {
            throw new IllegalArgumentException("must be an integer in [" + min + ", " + max + "], got '" + v + "'");
        }
        return (long) x;
    }

    private static double parseDouble(String v, String range) {
        double x;
        try {
            x = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a " + range + ", got '" + v + "'");
        }
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("must be a finite " + range + ", got '" + v + "'");
        }
        return x;
    }

    private static double parsePositive(String v) {
        double x = parseDouble(v, "number > 0");
        if (!(x > 0)) {
            throw new IllegalArgumentException("must be a number > 0, got '" + v + "'");
        }
        return x;
    }

    private static double parseNonNegative(String v) {
        double x = parseDouble(v, "number ≥ 0");
        if (x < 0) {
            throw new IllegalArgumentException("must be a number ≥ 0, got '" + v + "'");
        }
        return x;
    }

    private static boolean parseBoolean(String v) {
        return switch (v.toLowerCase()) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new IllegalArgumentException("must be true or false, got '" + v + "'");
        };
    }

    private static Count parseTasks(String v) {
        Count c = Count.parse(v);
        if (c.finite() && c.value() > 1_000_000) {
            throw new IllegalArgumentException("must be an integer in [1, 10^6] or inf, got '" + v + "'");
        }
        return c;
    }

    private static TaskSpectrum parseSpectrum(String v) {
        return TaskSpectrum.parse(v);
    }

    private static List<Integer> parseIntList(String v) {
        DoubleList list = DoubleList.parse(v);
        if (list.isEmpty()) {
            throw new IllegalArgumentException("needs at least one integer ≥ 1");
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            double x = list.get(i);
            if (x != Math.rint(x) || x < 1 || x > 100_000) {
                throw new IllegalArgumentException("values must be integers in [1, 100000], got " + DoubleList.format(x));
            }
            out.add((int) x);
        }
        return out;
    }

    // ---- copy-with support: keeps the record immutable while letting `with` change one field ----

    private Params copy(java.util.function.Consumer<Builder> change) {
        Builder b = new Builder(this);
        change.accept(b);
        return b.build();
    }

    private static final class Builder {
        Algorithm algorithm;
        int d, k, kPrime;
        Count mIn, mOut, tasks;
        boolean freshTasks;
        double alpha, beta, sigma2;
        TaskSpectrum taskCov;
        DoubleList taskMean;
        InitScheme init;
        double initScale, w0Scale;
        boolean updateHeadOuter;
        HeadStep bmHeads;
        long iterations, seed;
        int seeds;
        List<Integer> mTest;
        int testTasks, gdSteps;

        Builder(Params p) {
            algorithm = p.algorithm; d = p.d; k = p.k; kPrime = p.kPrime; mIn = p.mIn; mOut = p.mOut;
            tasks = p.tasks; freshTasks = p.freshTasks; alpha = p.alpha; beta = p.beta; sigma2 = p.sigma2;
            taskCov = p.taskCov; taskMean = p.taskMean; init = p.init; initScale = p.initScale; w0Scale = p.w0Scale;
            updateHeadOuter = p.updateHeadOuter; bmHeads = p.bmHeads; iterations = p.iterations; seed = p.seed;
            seeds = p.seeds; mTest = p.mTest; testTasks = p.testTasks; gdSteps = p.gdSteps;
        }

        Params build() {
            return new Params(algorithm, d, k, kPrime, mIn, mOut, tasks, freshTasks, alpha, beta, sigma2, taskCov,
                    taskMean, init, initScale, w0Scale, updateHeadOuter, bmHeads, iterations, seed, seeds, mTest,
                    testTasks, gdSteps);
        }
    }
}
