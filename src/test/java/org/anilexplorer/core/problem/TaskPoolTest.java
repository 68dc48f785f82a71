package org.anilexplorer.core.problem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.anilexplorer.core.params.ParamException;
import org.anilexplorer.core.params.Params;
import org.junit.jupiter.api.Test;

class TaskPoolTest {

    private static Params p(String... kv) {
        Params p = Params.defaults().withAll(Map.of("d", "12", "k", "3", "k_prime", "12", "m_in", "5", "m_out", "3",
                "tasks", "40", "sigma2", "0.8", "task_cov", "0.5, 1, 2", "task_mean", "1, -1, 0.5"));
        for (int i = 0; i < kv.length; i += 2) {
            p = p.with(kv[i], kv[i + 1]);
        }
        p.validate();
        return p;
    }

    /** Task i depends only on (seed, i): drawing the pool in any pieces gives the same pool. */
    @Test
    void fixedPoolDoesNotDependOnHowItIsDrawn() {
        Params p = p();
        GroundTruth truth = GroundTruth.sample(p, 9);
        TaskPool whole = TaskPool.fixed(p, truth, 9);
        TaskPool pieces = TaskPool.allocate(p, 40);
        pieces.drawFixed(truth, 9, 17, 40);
        pieces.drawFixed(truth, 9, 0, 17);
        assertArrayEquals(whole.heads(), pieces.heads());
        assertArrayEquals(whole.thetas(), pieces.thetas());
        for (int i = 0; i < 40; i++) {
            assertArrayEquals(whole.y(i), pieces.y(i));
            for (int r = 0; r < 8; r++) {
                assertArrayEquals(whole.x(i)[r], pieces.x(i)[r]);
            }
        }
        assertFalse(Arrays.equals(whole.heads(), TaskPool.fixed(p, truth, 10).heads()), "another seed, other tasks");
    }

    /**
     * Tasks lie one after the other in a few large arrays: cut into arrays of three tasks (the last one shorter),
     * the pool holds the same samples, each task's block starts where the previous one ends, and a new array starts
     * only when the previous one is full.
     */
    @Test
    void slabsHoldConsecutiveTasksAndTheSameSamples() {
        Params p = p();
        GroundTruth truth = GroundTruth.sample(p, 9);
        TaskPool one = TaskPool.fixed(p, truth, 9);
        int taskDoubles = one.labelsAt() + one.rows();
        TaskPool cut = TaskPool.allocate(p, 40, 3 * taskDoubles + taskDoubles / 2);
        cut.drawFixed(truth, 9, 0, 40);
        assertTrue(one.slab(0) == one.slab(39), "a small pool is one array");
        assertEquals(39 * taskDoubles, one.offset(39));
        for (int i = 0; i < 40; i++) {
            assertEquals((i % 3) * taskDoubles, cut.offset(i), "task " + i);
            assertEquals(i % 3 != 0, cut.slab(i) == cut.slab(i - (i % 3 == 0 ? 1 : 0)) && i > 0, "task " + i);
            assertEquals(i / 3 == 13 ? taskDoubles : 3 * taskDoubles, cut.slab(i).length, "task " + i);
            assertArrayEquals(one.y(i), cut.y(i));
            for (int r = 0; r < one.rows(); r++) {
                assertArrayEquals(one.x(i)[r], cut.x(i)[r]);
            }
            assertArrayEquals(Arrays.copyOfRange(one.slab(i), one.offset(i), one.offset(i) + taskDoubles),
                    Arrays.copyOfRange(cut.slab(i), cut.offset(i), cut.offset(i) + taskDoubles));
        }
    }

    /** Heads are GroundTruth.sampleHead draws of the task's stream, θ⋆ = B⋆ w⋆, and do not depend on m. */
    @Test
    void headsAreSampleHeadDrawsAndIndependentOfSampleCounts() {
        Params p = p();
        GroundTruth truth = GroundTruth.sample(p, 9);
        TaskPool pool = TaskPool.fixed(p, truth, 9);
        TaskPool population = TaskPool.fixed(p.with("m_in", "inf").with("m_out", "inf"), truth, 9);
        assertEquals(0, population.rows());
        for (int i = 0; i < 40; i++) {
            double[] head = new double[3];
            truth.sampleHead(RandomStreams.stream(9, RandomStreams.Purpose.TASK_POOL, i), head);
            assertArrayEquals(head, Arrays.copyOfRange(pool.heads(), 3 * i, 3 * i + 3));
            double[] theta = new double[12];
            truth.theta(head, theta);
            assertArrayEquals(theta, Arrays.copyOfRange(pool.thetas(), 12 * i, 12 * i + 12), 1e-15);
        }
        assertArrayEquals(pool.heads(), population.heads());
    }

    /**
     * The data model of docs/math.md §2.1: X entries N(0,1), y = X θ⋆ + z with z ~ N(0, σ²), heads ~ N(μ⋆, Σ⋆). Sample moments
     * over the pool within 5 standard errors.
     */
    @Test
    void samplesFollowTheDataModel() {
        Params p = p("tasks", "2000");
        GroundTruth truth = GroundTruth.sample(p, 4);
        TaskPool pool = TaskPool.fixed(p, truth, 4);
        int n = 2000;
        int rows = 8;
        double sumX = 0;
        double sumX2 = 0;
        double sumZ2 = 0;
        double sumZ = 0;
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < rows; r++) {
                double fit = 0;
                for (int c = 0; c < 12; c++) {
                    double x = pool.x(i)[r][c];
                    sumX += x;
                    sumX2 += x * x;
                    fit += x * pool.thetas()[12 * i + c];
                }
                double z = pool.y(i)[r] - fit;
                sumZ += z;
                sumZ2 += z * z;
            }
        }
        double nx = n * rows * 12.0;
        double nz = n * rows;
        assertEquals(0, sumX / nx, 5 / Math.sqrt(nx));
        assertEquals(1, sumX2 / nx, 5 * Math.sqrt(2 / nx));
        assertEquals(0, sumZ / nz, 5 * Math.sqrt(0.8 / nz));
        assertEquals(0.8, sumZ2 / nz, 5 * 0.8 * Math.sqrt(2 / nz));
        double[] mean = {1, -1, 0.5};
        double[] var = {0.5, 1, 2};
        for (int j = 0; j < 3; j++) {
            double s = 0;
            double s2 = 0;
            for (int i = 0; i < n; i++) {
                double h = pool.heads()[3 * i + j];
                s += h;
                s2 += (h - mean[j]) * (h - mean[j]);
            }
            assertEquals(mean[j], s / n, 5 * Math.sqrt(var[j] / n));
            assertEquals(var[j], s2 / n, 5 * var[j] * Math.sqrt(2.0 / n));
        }
    }

    /** Inner rows are the first m_in rows of a task, outer rows the last m_out (docs/math.md §2.3); y is aligned with them. */
    @Test
    void shapesAndSplit() {
        Params p = p("m_in", "inf");
        TaskPool pool = TaskPool.fixed(p, GroundTruth.sample(p, 1), 1);
        assertEquals(0, pool.inRows());
        assertEquals(3, pool.outRows());
        assertEquals(3, pool.x(0).length);
        assertEquals(3, pool.y(0).length);
        Params q = p();
        TaskPool both = TaskPool.fixed(q, GroundTruth.sample(q, 1), 1);
        assertEquals(5, both.inRows());
        assertEquals(8, both.rows());
        assertEquals(12, both.x(7)[7].length);
    }

    /** Fresh batches: batch t comes from stream(seed, FRESH_TASKS, t), one split per group; batches differ. */
    @Test
    void freshBatchesAreDeterministicAndNew() {
        Params p = p("tasks", "150", "fresh_tasks", "true");
        GroundTruth truth = GroundTruth.sample(p, 2);
        TaskPool a = TaskPool.allocate(p, 150);
        TaskPool b = TaskPool.allocate(p, 150);
        SplittableRandom[] s1 = TaskPool.freshStreams(2, 7, 150);
        SplittableRandom[] s2 = TaskPool.freshStreams(2, 7, 150);
        assertEquals(3, s1.length);
        for (int g = 2; g >= 0; g--) {
            a.drawFreshGroup(g, truth, s1[g]);
        }
        for (int g = 0; g < 3; g++) {
            b.drawFreshGroup(g, truth, s2[g]);
        }
        assertArrayEquals(a.heads(), b.heads());
        assertArrayEquals(a.y(149), b.y(149));
        SplittableRandom[] next = TaskPool.freshStreams(2, 8, 150);
        for (int g = 0; g < 3; g++) {
            b.drawFreshGroup(g, truth, next[g]);
        }
        assertFalse(Arrays.equals(a.heads(), b.heads()));
    }

    @Test
    void refusesAPoolThatDoesNotFitWithAMessageNamingTasks() {
        Params p = p("tasks", "1000000", "d", "2000", "k", "3", "k_prime", "10", "m_in", "100", "m_out", "100");
        ParamException e = assertThrows(ParamException.class, () -> TaskPool.allocate(p, 1_000_000));
        assertTrue(e.getMessage().contains("tasks"), e.getMessage());
    }
}
