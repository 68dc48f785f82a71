package org.anilexplorer.app.viewmodel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Optional;
import org.anilexplorer.core.params.ParamSpec;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.figure.RiskBaselines;

/**
 * The risk chart's training-free baselines ({@link RiskBaselines}), computed once per problem on a background
 * thread and kept (a few problems at most), so a frame never waits for them.
 */
final class BaselineCache {

    private static final Logger LOG = System.getLogger(BaselineCache.class.getName());
    private static final int KEEP = 8;
    private static final java.util.Set<String> PENDING = new java.util.HashSet<>();
    private static final java.util.concurrent.atomic.AtomicLong VERSION = new java.util.concurrent.atomic.AtomicLong();
    private static final java.util.concurrent.ExecutorService WORKER =
            java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "anil-baselines");
                t.setDaemon(true);
                return t;
            });
    private static final Map<String, RiskBaselines> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RiskBaselines> eldest) {
            return size() > KEEP;
        }
    };

    private BaselineCache() {
    }

    /** Computes (or recalls) the baselines, waiting for them; slow the first time for a problem. */
    static RiskBaselines of(Params p) {
        String key = key(p);
        synchronized (BaselineCache.class) {
            RiskBaselines v = CACHE.get(key);
            if (v != null) {
                return v;
            }
        }
        RiskBaselines v = RiskBaselines.compute(p);
        store(key, v);
        return v;
    }

    /**
     * The baselines if they are known; otherwise starts computing them on a background thread and returns empty
     * (charts draw without them; {@link #version()} changes when they arrive).
     */
    static Optional<RiskBaselines> lookup(Params p) {
        String key = key(p);
        synchronized (BaselineCache.class) {
            RiskBaselines v = CACHE.get(key);
            if (v != null) {
                return Optional.of(v);
            }
            if (PENDING.add(key)) {
                WORKER.execute(() -> {
                    try {
                        store(key, RiskBaselines.compute(p));
                    } catch (RuntimeException e) {
                        // the chart goes without baselines; say why in the log
                        LOG.log(Level.WARNING, "risk baselines could not be computed for " + key, e);
                    } finally {
                        synchronized (BaselineCache.class) {
                            PENDING.remove(key);
                        }
                    }
                });
            }
            return Optional.empty();
        }
    }

    /** Grows whenever new baselines become available. */
    static long version() {
        return VERSION.get();
    }

    private static void store(String key, RiskBaselines v) {
        synchronized (BaselineCache.class) {
            CACHE.put(key, v);
        }
        VERSION.incrementAndGet();
    }

    /** Everything the baselines depend on: the problem, the test protocol and the seed. */
    private static String key(Params p) {
        return String.join("|", p.get(ParamSpec.D), p.get(ParamSpec.K), p.get(ParamSpec.TASK_COV),
                p.get(ParamSpec.TASK_MEAN), p.get(ParamSpec.SIGMA2), p.get(ParamSpec.TEST_TASKS),
                p.get(ParamSpec.M_TEST), Long.toString(p.seedOf(0)));
    }
}
