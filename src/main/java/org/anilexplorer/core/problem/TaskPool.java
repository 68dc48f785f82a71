package org.anilexplorer.core.problem;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.anilexplorer.core.params.Count;
import org.anilexplorer.core.params.ParamException;
import org.anilexplorer.core.params.Params;

/**
 * N training tasks (docs/math.md §2): per task a head w⋆,i ~ N(μ⋆, Σ⋆), its parameter θ⋆,i = B⋆ w⋆,i and, for the
 * finite sample counts, m = m_in + m_out samples y = X θ⋆,i + z with X rows N(0, I_d) and z ~ N(0, σ²).
 *
 * <p>Each task's samples are one contiguous block ({@link #slab(int)} from {@link #offset(int)}): its m rows x_j one
 * after the other (row r at {@code r·d}), then its m labels (at {@link #labelsAt()}). The first m_in rows are the
 * inner data, the last m_out the outer data (docs/math.md §2.3); an infinite count stores no rows (its loss is the
 * population loss, Σ̂ = I, b = θ⋆,i). The blocks of consecutive tasks lie one after the other in a few large arrays,
 * because a training step streams every task's samples from memory once and the hardware streams one long forward
 * run fastest: separate arrays, even one per task, end up scattered once the garbage collector has copied them
 * (docs/decisions/0038-task-samples-in-one-block.md, 0045-task-samples-in-slabs.md).
 *
 * <p>Randomness: task i of a fixed pool comes from {@code stream(seed, TASK_POOL, i)}, so the pool does not depend
 * on the order or the thread in which tasks are drawn, and every method run with the same seed sees the same tasks.
 * Within a task the head is drawn first, then X row by row, then the noise, so the heads do not depend on m.
 */
public final class TaskPool {

    /** Fresh batches are drawn in groups of this many tasks, one split stream per group (see {@link #freshStreams}). */
    public static final int FRESH_GROUP = 64;

    private final int size;
    private final int d;
    private final int k;
    private final Count mIn;
    private final Count mOut;
    private final int inRows;
    private final int outRows;
    /** Doubles per array of task samples (128 MB): big enough that a pool at paper scale is one or a few arrays. */
    static final int SLAB_DOUBLES = 1 << 24;

    private final int taskDoubles;
    private final int tasksPerSlab;
    private final double[][] slabs;
    private final double[] heads;
    private final double[] thetas;

    private TaskPool(int size, int d, int k, Count mIn, Count mOut, int slabDoubles) {
        this.size = size;
        this.d = d;
        this.k = k;
        this.mIn = mIn;
        this.mOut = mOut;
        this.inRows = mIn.finite() ? mIn.get() : 0;
        this.outRows = mOut.finite() ? mOut.get() : 0;
        int rows = inRows + outRows;
        this.taskDoubles = rows * (d + 1);
        this.tasksPerSlab = taskDoubles == 0 ? Math.max(1, size) : Math.max(1, Math.min(size, slabDoubles / taskDoubles));
        this.slabs = new double[(size + tasksPerSlab - 1) / tasksPerSlab][];
        for (int s = 0; s < slabs.length; s++) {
            int tasksHere = Math.min(size, (s + 1) * tasksPerSlab) - s * tasksPerSlab;
            slabs[s] = new double[tasksHere * taskDoubles];
        }
        this.heads = new double[size * k];
        this.thetas = new double[size * d];
    }

    /**
     * Storage for {@code size} tasks shaped by p (d, k, m_in, m_out), all zero. Refuses, with a message naming the
     * {@code tasks} field, a pool that would not fit in this JVM's heap.
     */
    public static TaskPool allocate(Params p, int size) {
        return allocate(p, size, SLAB_DOUBLES);
    }

    /** As {@link #allocate(Params, int)}, with arrays of at most {@code slabDoubles} doubles (unless one task needs more). */
    static TaskPool allocate(Params p, int size, int slabDoubles) {
        int inRows = p.mIn().finite() ? p.mIn().get() : 0;
        int outRows = p.mOut().finite() ? p.mOut().get() : 0;
        // each task's rows and labels in one array (plus its header), θ⋆ and the head
        double bytes = (double) size * (8.0 * (inRows + outRows) * (p.d() + 1.0) + 8.0 * (p.d() + p.k()) + 24);
        double limit = 0.6 * Runtime.getRuntime().maxMemory();
        if (bytes > limit) {
            throw new ParamException("tasks", String.format(
                    "a pool of %d tasks with m_in + m_out = %d samples in d = %d needs %.0f MB, more than this run can "
                            + "hold (%.0f MB); lower tasks, m_in, m_out or d",
                    size, inRows + outRows, p.d(), bytes / 1e6, limit / 1e6));
        }
        return new TaskPool(size, p.d(), p.k(), p.mIn(), p.mOut(), slabDoubles);
    }

    /** The fixed pool of run {@code seed}: N = p.tasks() tasks, task i from {@code stream(seed, TASK_POOL, i)}. */
    public static TaskPool fixed(Params p, GroundTruth truth, long seed) {
        TaskPool pool = allocate(p, p.tasks().get());
        pool.drawFixed(truth, seed, 0, pool.size());
        return pool;
    }

    /** Draws tasks [from, to) of the fixed pool of run {@code seed}; any split of the range gives the same pool. */
    public void drawFixed(GroundTruth truth, long seed, int from, int to) {
        for (int i = from; i < to; i++) {
            drawTask(i, truth, RandomStreams.stream(seed, RandomStreams.Purpose.TASK_POOL, i));
        }
    }

    /**
     * The streams of the fresh batch of iteration t (Collins et al.: new tasks every round): stream
     * {@code stream(seed, FRESH_TASKS, t)} split once per group of {@link #FRESH_GROUP} tasks, in group order.
     * Drawing group g's tasks from element g (with {@link #drawTasks}) gives a batch that does not depend on threads.
     */
    public static SplittableRandom[] freshStreams(long seed, long iteration, int tasks) {
        SplittableRandom rng = RandomStreams.stream(seed, RandomStreams.Purpose.FRESH_TASKS, iteration);
        SplittableRandom[] groups = new SplittableRandom[groupCount(tasks)];
        for (int g = 0; g < groups.length; g++) {
            groups[g] = rng.split();
        }
        return groups;
    }

    /** Number of fresh-batch groups for {@code tasks} tasks. */
    public static int groupCount(int tasks) {
        return (tasks + FRESH_GROUP - 1) / FRESH_GROUP;
    }

    /** Draws fresh-batch group g (tasks [g·FRESH_GROUP, …)) from its stream. */
    public void drawFreshGroup(int group, GroundTruth truth, SplittableRandom groupStream) {
        drawTasks(group * FRESH_GROUP, Math.min(size, (group + 1) * FRESH_GROUP), truth, groupStream);
    }

    /** Draws tasks [from, to) one after the other from one stream. */
    public void drawTasks(int from, int to, GroundTruth truth, SplittableRandom rng) {
        for (int i = from; i < to; i++) {
            drawTask(i, truth, rng);
        }
    }

    /**
     * Draws task i: head (the same draws as {@link GroundTruth#sampleHead}), X rows (inner rows first), then the
     * noise; y = X θ⋆,i + z. Allocates nothing, so fresh batches can be redrawn every iteration.
     */
    public void drawTask(int i, GroundTruth truth, SplittableRandom rng) {
        int h = i * k;
        for (int j = 0; j < k; j++) {
            heads[h + j] = truth.mean(j) + Math.sqrt(truth.sigma(j)) * rng.nextGaussian();
        }
        double[] bStar = truth.bStar().data;
        int t = i * d;
        for (int r = 0; r < d; r++) {
            double s = 0;
            for (int j = 0; j < k; j++) {
                s += bStar[r * k + j] * heads[h + j];
            }
            thetas[t + r] = s;
        }
        double[] task = slab(i);
        int base = offset(i);
        int rows = rows();
        for (int r = 0; r < rows; r++) {
            RandomStreams.gaussian(rng, task, base + r * d, d, 1.0);
        }
        double sigma = Math.sqrt(truth.sigma2());
        int labels = base + labelsAt();
        for (int r = 0; r < rows; r++) {
            double s = 0;
            int row = base + r * d;
            for (int c = 0; c < d; c++) {
                s += task[row + c] * thetas[t + c];
            }
            task[labels + r] = s + sigma * rng.nextGaussian();
        }
    }

    public int size() {
        return size;
    }

    public int d() {
        return d;
    }

    public int k() {
        return k;
    }

    public Count mIn() {
        return mIn;
    }

    public Count mOut() {
        return mOut;
    }

    /** Stored inner rows: m_in, or 0 when m_in = inf. */
    public int inRows() {
        return inRows;
    }

    /** Stored outer rows: m_out, or 0 when m_out = inf. */
    public int outRows() {
        return outRows;
    }

    /** Stored rows per task, m_in + m_out over the finite counts. */
    public int rows() {
        return inRows + outRows;
    }

    /**
     * The array holding task i's samples, from {@link #offset(int) offset(i)}: row r (inner rows first) at
     * {@code offset + [r·d, (r + 1)·d)}, then the labels from {@code offset + }{@link #labelsAt()}. Consecutive tasks
     * lie one after the other in the same array (a new array every {@value #SLAB_DOUBLES} doubles at most). Empty when
     * both counts are infinite. Do not modify.
     */
    public double[] slab(int i) {
        return slabs[i / tasksPerSlab];
    }

    /** Where task i's samples start in {@link #slab(int) slab(i)}. */
    public int offset(int i) {
        return (i % tasksPerSlab) * taskDoubles;
    }

    /** Where the labels start in a task's samples, counted from its {@link #offset(int)}: after the rows, at {@code rows()·d}. */
    public int labelsAt() {
        return rows() * d;
    }

    /** A copy of task i's sample rows x_j (inner rows first), one array per row: for checks, not for hot loops. */
    public double[][] x(int i) {
        double[][] rows = new double[rows()][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = Arrays.copyOfRange(slab(i), offset(i) + r * d, offset(i) + (r + 1) * d);
        }
        return rows;
    }

    /** A copy of task i's labels y_j, aligned with {@link #x(int)}: for checks, not for hot loops. */
    public double[] y(int i) {
        return Arrays.copyOfRange(slab(i), offset(i) + labelsAt(), offset(i) + labelsAt() + rows());
    }

    /** All heads w⋆,i, row i at {@code i·k}. Do not modify. */
    public double[] heads() {
        return heads;
    }

    /** All θ⋆,i = B⋆ w⋆,i, row i at {@code i·d}. Do not modify. */
    public double[] thetas() {
        return thetas;
    }
}
