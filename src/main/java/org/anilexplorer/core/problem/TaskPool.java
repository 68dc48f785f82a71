package org.anilexplorer.core.problem;

import java.util.SplittableRandom;
import org.anilexplorer.core.params.Count;
import org.anilexplorer.core.params.ParamException;
import org.anilexplorer.core.params.Params;

/**
 * N training tasks (math spec §1, §2): per task a head w⋆,i ~ N(μ⋆, Σ⋆), its parameter θ⋆,i = B⋆ w⋆,i and, for the
 * finite sample counts, m = m_in + m_out samples y = X θ⋆,i + z with X rows N(0, I_d) and z ~ N(0, σ²).
 *
 * <p>Each task's samples live in one contiguous {@code double[]} so that a training step streams through a task in a
 * single pass: {@code [X rows (m×d, row-major) | y (m)]}. The first m_in rows are the inner data, the last m_out
 * the outer data (§1.5); an infinite count stores no rows (its loss is the population loss, Σ̂ = I, b = θ⋆,i).
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
    private final double[][] blocks;
    private final double[] heads;
    private final double[] thetas;

    private TaskPool(int size, int d, int k, Count mIn, Count mOut) {
        this.size = size;
        this.d = d;
        this.k = k;
        this.mIn = mIn;
        this.mOut = mOut;
        this.inRows = mIn.finite() ? mIn.get() : 0;
        this.outRows = mOut.finite() ? mOut.get() : 0;
        int rows = inRows + outRows;
        this.blocks = new double[size][];
        if (rows > 0) {
            for (int i = 0; i < size; i++) {
                blocks[i] = new double[rows * (d + 1)];
            }
        }
        this.heads = new double[size * k];
        this.thetas = new double[size * d];
    }

    /**
     * Storage for {@code size} tasks shaped by p (d, k, m_in, m_out), all zero. Refuses, with a message naming the
     * {@code tasks} field, a pool that would not fit in this JVM's heap.
     */
    public static TaskPool allocate(Params p, int size) {
        int inRows = p.mIn().finite() ? p.mIn().get() : 0;
        int outRows = p.mOut().finite() ? p.mOut().get() : 0;
        double doubles = (double) size * ((double) (inRows + outRows) * (p.d() + 1) + p.d() + p.k());
        double bytes = 8 * doubles;
        double limit = 0.6 * Runtime.getRuntime().maxMemory();
        if (bytes > limit) {
            throw new ParamException("tasks", String.format(
                    "a pool of %d tasks with m_in + m_out = %d samples in d = %d needs %.0f MB, more than this run can "
                            + "hold (%.0f MB); lower tasks, m_in, m_out or d",
                    size, inRows + outRows, p.d(), bytes / 1e6, limit / 1e6));
        }
        if ((double) (inRows + outRows) * (p.d() + 1) > Integer.MAX_VALUE - 16) {
            throw new ParamException("m_in", "m_in + m_out = " + (inRows + outRows) + " samples in d = " + p.d()
                    + " do not fit in one task block; lower m_in, m_out or d");
        }
        return new TaskPool(size, p.d(), p.k(), p.mIn(), p.mOut());
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
        int rows = inRows + outRows;
        if (rows == 0) {
            return;
        }
        double[] block = blocks[i];
        RandomStreams.gaussian(rng, block, 0, rows * d, 1.0);
        double sigma = Math.sqrt(truth.sigma2());
        int y = rows * d;
        for (int r = 0; r < rows; r++) {
            double s = 0;
            for (int c = 0; c < d; c++) {
                s += block[r * d + c] * thetas[t + c];
            }
            block[y + r] = s + sigma * rng.nextGaussian();
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

    /** Task i's samples {@code [X (rows×d) | y (rows)]}, or null when both counts are infinite. Do not modify. */
    public double[] block(int i) {
        return blocks[i];
    }

    /** Offset of the outer rows of X in a block (the inner rows start at 0). */
    public int xOutOffset() {
        return inRows * d;
    }

    /** Offset of y_in in a block (y_out follows at {@code yInOffset() + inRows()}). */
    public int yInOffset() {
        return rows() * d;
    }

    public int yOutOffset() {
        return rows() * d + inRows;
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
