package org.anilexplorer.core.run;

/**
 * Told about progress from the experiment's ticker thread, every period and once more when everything has ended.
 * Implementations must return quickly and hand anything heavy to their own thread.
 */
@FunctionalInterface
public interface ExperimentListener {

    void onProgress(ExperimentProgress progress);
}
