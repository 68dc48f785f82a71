package org.anilexplorer.core.algo;

/**
 * One worker's reader of task sample blocks ({@link org.anilexplorer.core.problem.TaskPool#samples(int)}: a task's
 * rows one after the other, then its labels), computing the two per-task products every finite-task method needs.
 * The sums are formed in the order {@link Kernels} fixes, so every implementation gives the same bits.
 */
interface TaskRows {

    /**
     * The residual gradient Xᵀ(X p − y)/count over rows [row0, row0 + count) of a task's samples (labels at
     * {@code labelsAt}) into {@code out} (overwritten, length d); returns Σ (x_j·p − y_j)².
     */
    double residualGradient(double[] task, int labelsAt, int row0, int count, double[] p, double[] out);

    /** out += Xᵀ(X h)/count over rows [row0, row0 + count) of a task's samples (Σ̂ times h). */
    void addGramTimes(double[] task, int row0, int count, double[] h, double[] out);
}
