package org.anilexplorer.cli;

import java.time.Duration;
import java.util.Locale;
import org.anilexplorer.core.run.ExperimentListener;
import org.anilexplorer.core.run.ExperimentProgress;
import org.anilexplorer.core.run.RunEstimate;

/**
 * Says once, a few seconds into an experiment, how long it will take when that is more than a minute, so that a
 * week-long setting is noticed at once (Ctrl-C keeps what is done). Measured from the runs themselves (each run's own
 * speed, see {@code ExperimentProgress.secondsLeft}), so short commands pay nothing for it; {@code --dry-run} gives an
 * estimate without running.
 */
final class LongRunNotice implements ExperimentListener {

    /** How long the runs go before their speed is trusted: JIT warm-up, and the dense first records cost a second. */
    static final Duration MEASURED_OVER = Duration.ofSeconds(10);

    private final ProgressBar out;
    private final int runs;
    private final int cores;
    private boolean said;

    LongRunNotice(ProgressBar out, int runs, int cores) {
        this.out = out;
        this.runs = runs;
        this.cores = cores;
    }

    @Override
    public synchronized void onProgress(ExperimentProgress p) {
        if (said || p.done() || p.elapsed().compareTo(MEASURED_OVER) < 0) {
            return;
        }
        said = true;
        double left = p.secondsLeft();
        Duration total = Duration.ofMillis((long) Math.min(Long.MAX_VALUE / 2.0, (left + p.elapsed().toMillis() / 1e3) * 1e3));
        if (left >= 0 && !Double.isInfinite(left) && total.compareTo(RunEstimate.WORTH_ANNOUNCING) > 0) {
            out.message(String.format(Locale.ROOT, "estimate: about %s in all for %d run(s) (%,d iterations) on %d "
                    + "core(s), from the first %d s; Ctrl-C stops and keeps what is done", ProgressBar.words(total), runs,
                    p.targetIterations(), cores, p.elapsed().toSeconds()));
        }
    }
}
