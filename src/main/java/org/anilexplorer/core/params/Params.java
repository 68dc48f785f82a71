package org.anilexplorer.core.params;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    private static final Params DEFAULTS = defaultsFromSpec();

    /** The quick teaching default: small enough to run in seconds, large enough to show the story. */
    public static Params defaults() {
        return DEFAULTS;
    }

    private static Params defaultsFromSpec() {
        Builder b = new Builder();
        for (ParamSpec spec : ParamSpec.values()) {
            b.set(spec, spec.parse(spec.defaultText()));
        }
        return b.build();
    }

    /** Returns a copy with one field set from text; refuses bad text with a message naming the field and range. */
    public Params with(String key, String value) {
        ParamSpec spec = ParamSpec.byKey(key).orElseThrow(
                () -> new ParamException(key, "unknown parameter; known parameters are " + ParamSpec.keys()));
        return with(spec, value);
    }

    /** As {@link #with(String, String)}: the text is parsed and range-checked by the field's {@link ParamSpec}. */
    public Params with(ParamSpec spec, String value) {
        Builder b = new Builder(this);
        b.set(spec, spec.parse(value));
        return b.build();
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
        return spec.format(value(spec));
    }

    /** The value of one field, of the type its {@link ParamSpec} parses to. */
    private Object value(ParamSpec spec) {
        return switch (spec) {
            case ALGORITHM -> algorithm;
            case D -> (long) d;
            case K -> (long) k;
            case K_PRIME -> (long) kPrime;
            case M_IN -> mIn;
            case M_OUT -> mOut;
            case TASKS -> tasks;
            case FRESH_TASKS -> freshTasks;
            case ALPHA -> alpha;
            case BETA -> beta;
            case SIGMA2 -> sigma2;
            case TASK_COV -> taskCov;
            case TASK_MEAN -> taskMean;
            case INIT -> init;
            case INIT_SCALE -> initScale;
            case W0_SCALE -> w0Scale;
            case UPDATE_HEAD_OUTER -> updateHeadOuter;
            case BM_HEADS -> bmHeads;
            case ITERATIONS -> iterations;
            case SEED -> seed;
            case SEEDS -> (long) seeds;
            case M_TEST -> mTest;
            case TEST_TASKS -> (long) testTasks;
            case GD_STEPS -> (long) gdSteps;
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
        }
        if (!taskMean.isEmpty() && taskMean.size() != k) {
            throw new ParamException("task_mean", "needs k = " + k + " values (or none for 0), got " + taskMean.size());
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

    /** Keeps the record immutable while {@code with} changes one field: a mutable copy, one setter per field. */
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

        Builder() {
        }

        Builder(Params p) {
            algorithm = p.algorithm; d = p.d; k = p.k; kPrime = p.kPrime; mIn = p.mIn; mOut = p.mOut;
            tasks = p.tasks; freshTasks = p.freshTasks; alpha = p.alpha; beta = p.beta; sigma2 = p.sigma2;
            taskCov = p.taskCov; taskMean = p.taskMean; init = p.init; initScale = p.initScale; w0Scale = p.w0Scale;
            updateHeadOuter = p.updateHeadOuter; bmHeads = p.bmHeads; iterations = p.iterations; seed = p.seed;
            seeds = p.seeds; mTest = p.mTest; testTasks = p.testTasks; gdSteps = p.gdSteps;
        }

        /** Sets one field from the value its {@link ParamSpec} parsed. */
        @SuppressWarnings("unchecked")
        void set(ParamSpec spec, Object v) {
            switch (spec) {
                case ALGORITHM -> algorithm = (Algorithm) v;
                case D -> d = ((Long) v).intValue();
                case K -> k = ((Long) v).intValue();
                case K_PRIME -> kPrime = ((Long) v).intValue();
                case M_IN -> mIn = (Count) v;
                case M_OUT -> mOut = (Count) v;
                case TASKS -> tasks = (Count) v;
                case FRESH_TASKS -> freshTasks = (Boolean) v;
                case ALPHA -> alpha = (Double) v;
                case BETA -> beta = (Double) v;
                case SIGMA2 -> sigma2 = (Double) v;
                case TASK_COV -> taskCov = (TaskSpectrum) v;
                case TASK_MEAN -> taskMean = (DoubleList) v;
                case INIT -> init = (InitScheme) v;
                case INIT_SCALE -> initScale = (Double) v;
                case W0_SCALE -> w0Scale = (Double) v;
                case UPDATE_HEAD_OUTER -> updateHeadOuter = (Boolean) v;
                case BM_HEADS -> bmHeads = (HeadStep) v;
                case ITERATIONS -> iterations = (Long) v;
                case SEED -> seed = (Long) v;
                case SEEDS -> seeds = ((Long) v).intValue();
                case M_TEST -> mTest = (List<Integer>) v;
                case TEST_TASKS -> testTasks = ((Long) v).intValue();
                case GD_STEPS -> gdSteps = ((Long) v).intValue();
            }
        }

        Params build() {
            return new Params(algorithm, d, k, kPrime, mIn, mOut, tasks, freshTasks, alpha, beta, sigma2, taskCov,
                    taskMean, init, initScale, w0Scale, updateHeadOuter, bmHeads, iterations, seed, seeds, mTest,
                    testTasks, gdSteps);
        }
    }
}
