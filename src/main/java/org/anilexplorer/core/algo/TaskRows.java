package org.anilexplorer.core.algo;

/**
 * One worker's reader of task sample blocks ({@link org.anilexplorer.core.problem.TaskPool#slab(int)} from a task's
 * offset: its rows one after the other, then its labels), computing the two per-task products every finite-task
 * method needs.
 * The sums are formed in the order {@link Kernels} fixes, so every implementation gives the same bits.
 */
interface TaskRows {

    /**
     * The residual gradient Xᵀ(X p − y)/count over rows [row0, row0 + count) of the task whose samples start at
     * {@code base} in {@code slab} (labels at {@code base + labelsAt}) into {@code out} (overwritten, length d);
     * returns Σ (x_j·p − y_j)².
     */
    double residualGradient(double[] slab, int base, int labelsAt, int row0, int count, double[] p, double[] out);

    /** out += Xᵀ(X h)/count over rows [row0, row0 + count) of the task at {@code base} in {@code slab} (Σ̂ times h). */
    void addGramTimes(double[] slab, int base, int row0, int count, double[] h, double[] out);
}
