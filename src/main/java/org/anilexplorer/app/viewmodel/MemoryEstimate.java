package org.anilexplorer.app.viewmodel;

import org.anilexplorer.app.sim.CoreExperimentLauncher;
import org.anilexplorer.app.sim.ExperimentRequest;
import org.anilexplorer.app.sim.ResolvedMethod;

/** A rough size of what a paused experiment holds: each run's task pool and model, as the launcher estimates them. */
final class MemoryEstimate {

    private MemoryEstimate() {
    }

    static long bytes(ExperimentRequest request) {
        long total = 0;
        for (ResolvedMethod m : request.methods()) {
            long model = 8L * m.params().d() * m.params().kPrime() * 2;
            total += m.params().seeds() * (CoreExperimentLauncher.poolBytes(m.params()) + model);
        }
        return total;
    }

    /** "12 MB", "850 kB". */
    static String text(long bytes) {
        if (bytes >= 10_000_000L) {
            return String.format(java.util.Locale.ROOT, "%,d MB", Math.round(bytes / 1e6));
        }
        if (bytes >= 1_000_000L) {
            return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1e6);
        }
        return String.format(java.util.Locale.ROOT, "%,d kB", Math.max(1, Math.round(bytes / 1e3)));
    }
}
