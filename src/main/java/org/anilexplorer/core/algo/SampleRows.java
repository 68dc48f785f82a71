package org.anilexplorer.core.algo;

import java.util.Arrays;

/**
 * The scalar path's {@link TaskRows}: one worker's copy of a block of a task's sample rows, one array per row, so
 * that the row kernels of {@link ScalarKernels} vectorise on them. A task's samples are stored as one contiguous block (see
 * {@link org.anilexplorer.core.problem.TaskPool#slab(int)}), which the hardware streams from memory fastest; C2
 * does not vectorise a loop that reads that block at a row offset, so each row is copied (System.arraycopy, itself
 * vectorised) into a buffer that stays in the core's cache, and the kernels run on the copy.
 *
 * <p>Rows are copied in blocks of {@link #capacity()} rows, a multiple of four, so that the kernels (four rows at a
 * time) add the rows in the same order as on one uncut block: the results do not depend on the block size.
 */
final class SampleRows implements TaskRows {

    /** Doubles of buffer per worker; small enough to stay in the core's L2 cache. */
    private static final int BUFFER_DOUBLES = 8192;

    private final int d;
    private final int taskRows;
    private final int capacity;
    private final double[][] rows;
    private final double[] labels;
    private final double[] dots = new double[4];

    /** A buffer for tasks of {@code taskRows} rows of dimension d. */
    SampleRows(int taskRows, int d) {
        this(taskRows, d, Math.max(4, BUFFER_DOUBLES / d / 4 * 4));
    }

    /** A buffer of at most {@code maxRows} rows (rounded up to a multiple of four). */
    SampleRows(int taskRows, int d, int maxRows) {
        this.d = d;
        this.taskRows = taskRows;
        this.capacity = Math.max(4, Math.min((maxRows + 3) / 4 * 4, (taskRows + 3) / 4 * 4));
        this.rows = new double[capacity][d];
        this.labels = new double[capacity];
    }

    /** Rows copied at once (a multiple of four). */
    int capacity() {
        return capacity;
    }

    /**
     * Whether a whole task fits in the buffer: then every row is copied to the slot of its own index, so the rows of
     * one task that earlier calls copied stay available to {@link #addGramTimesOfCopied}.
     */
    boolean holdsWholeTasks() {
        return capacity >= taskRows;
    }

    /**
     * The residual gradient Xᵀ(X p − y)/count over rows [row0, row0 + count) of a task's samples (labels at
     * {@code labelsAt}) into {@code out} (overwritten, length d); returns Σ (x_j·p − y_j)².
     */
    @Override
    public double residualGradient(double[] task, int base, int labelsAt, int row0, int count, double[] p,
                                   double[] out) {
        Arrays.fill(out, 0, d, 0.0);
        double inv = 1.0 / count;
        if (holdsWholeTasks()) {
            load(task, base, labelsAt, row0, count, row0);
            return ScalarKernels.addResidualGradient(rows, row0, count, labels, d, p, inv, out, 0, dots);
        }
        double squares = 0;
        for (int b = 0; b < count; b += capacity) {
            int n = Math.min(capacity, count - b);
            load(task, base, labelsAt, row0 + b, n, 0);
            squares = ScalarKernels.addResidualGradient(rows, 0, n, labels, d, p, inv, out, squares, dots);
        }
        return squares;
    }

    @Override
    public void addGramTimes(double[] task, int base, int row0, int count, double[] h, double[] out) {
        double inv = 1.0 / count;
        if (holdsWholeTasks()) {
            load(task, base, -1, row0, count, row0);
            ScalarKernels.addGramTimes(rows, row0, count, d, h, inv, out, dots);
            return;
        }
        for (int b = 0; b < count; b += capacity) {
            int n = Math.min(capacity, count - b);
            load(task, base, -1, row0 + b, n, 0);
            ScalarKernels.addGramTimes(rows, 0, n, d, h, inv, out, dots);
        }
    }

    /**
     * As {@link #addGramTimes}, on rows the last {@link #residualGradient} calls copied from the same task (only when
     * {@link #holdsWholeTasks()}): the exact methods need the inner rows again right after the outer step.
     */
    void addGramTimesOfCopied(int row0, int count, double[] h, double[] out) {
        if (!holdsWholeTasks()) {
            throw new IllegalStateException("rows of a task larger than the buffer are not kept");
        }
        ScalarKernels.addGramTimes(rows, row0, count, d, h, 1.0 / count, out, dots);
    }

    /**
     * Copies rows [row0, row0 + n) of the task at {@code base} (and their labels, unless labelsAt &lt; 0) into slots
     * [slot, slot + n).
     */
    private void load(double[] task, int base, int labelsAt, int row0, int n, int slot) {
        for (int r = 0; r < n; r++) {
            System.arraycopy(task, base + (row0 + r) * d, rows[slot + r], 0, d);
        }
        if (labelsAt >= 0) {
            System.arraycopy(task, base + labelsAt + row0, labels, slot, n);
        }
    }
}
