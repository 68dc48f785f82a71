package org.anilexplorer.core.algo;

import org.anilexplorer.core.params.Algorithm;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.problem.TaskPool;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Plain, obviously-correct per-task implementations of the finite-task methods, written from the formulas of the math
 * docs/math.md (§3.1, §3.2, §3.3, §3.5, §3.8, §3.9) with explicit Σ̂ and b per task and no restructuring. Test oracle only.
 */
final class PerTaskReference {

    private PerTaskReference() {
    }

    /** A gradient (∇_B, ∇_w). */
    record Gradient(DMatrixRMaj b, DMatrixRMaj w) {
    }

    /** Inner or outer data of one task: Σ̂, b and the raw (X, y) (null X for a population loss). */
    record Data(DMatrixRMaj cov, DMatrixRMaj rhs, DMatrixRMaj x, DMatrixRMaj y, DMatrixRMaj theta) {
    }

    static DMatrixRMaj theta(TaskPool pool, int i) {
        DMatrixRMaj t = new DMatrixRMaj(pool.d(), 1);
        System.arraycopy(pool.thetas(), i * pool.d(), t.data, 0, pool.d());
        return t;
    }

    static Data inner(TaskPool pool, int i) {
        return data(pool, i, 0, pool.inRows(), pool.mIn().infinite());
    }

    static Data outer(TaskPool pool, int i) {
        return data(pool, i, pool.inRows(), pool.outRows(), pool.mOut().infinite());
    }

    /** All m_in + m_out samples (Burer–Monteiro, average loss). */
    static Data all(TaskPool pool, int i) {
        return data(pool, i, 0, pool.rows(), pool.mIn().infinite());
    }

    private static Data data(TaskPool pool, int i, int firstRow, int rows, boolean population) {
        int d = pool.d();
        DMatrixRMaj theta = theta(pool, i);
        if (population) {
            return new Data(CommonOps_DDRM.identity(d), theta, null, null, theta);
        }
        DMatrixRMaj x = new DMatrixRMaj(rows, d);
        DMatrixRMaj y = new DMatrixRMaj(rows, 1);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < d; c++) {
                x.set(r, c, pool.x(i)[firstRow + r][c]);
            }
            y.set(r, 0, pool.y(i)[firstRow + r]);
        }
        DMatrixRMaj cov = new DMatrixRMaj(d, d);
        CommonOps_DDRM.multTransA(x, x, cov);
        CommonOps_DDRM.divide(cov, rows);
        DMatrixRMaj rhs = new DMatrixRMaj(d, 1);
        CommonOps_DDRM.multTransA(x, y, rhs);
        CommonOps_DDRM.divide(rhs, rows);
        return new Data(cov, rhs, x, y, theta);
    }

    /** L̂(B w) = (1/(2m)) ‖y − X B w‖² from the raw samples, or ½‖B w − θ⋆‖² + σ²/2 for a population loss. */
    static double loss(Data data, DMatrixRMaj prediction, double sigma2) {
        if (data.x() == null) {
            double s = 0;
            for (int j = 0; j < prediction.numRows; j++) {
                double e = prediction.get(j) - data.theta().get(j);
                s += e * e;
            }
            return 0.5 * s + 0.5 * sigma2;
        }
        DMatrixRMaj fit = new DMatrixRMaj(data.x().numRows, 1);
        CommonOps_DDRM.mult(data.x(), prediction, fit);
        double s = 0;
        for (int j = 0; j < fit.numRows; j++) {
            double e = data.y().get(j) - fit.get(j);
            s += e * e;
        }
        return 0.5 * s / data.x().numRows;
    }

    private static DMatrixRMaj times(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj c = new DMatrixRMaj(a.numRows, b.numCols);
        CommonOps_DDRM.mult(a, b, c);
        return c;
    }

    private static DMatrixRMaj transTimes(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj c = new DMatrixRMaj(a.numCols, b.numCols);
        CommonOps_DDRM.multTransA(a, b, c);
        return c;
    }

    private static DMatrixRMaj outer(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj c = new DMatrixRMaj(a.numRows, b.numRows);
        CommonOps_DDRM.multTransB(a, b, c);
        return c;
    }

    private static DMatrixRMaj minus(DMatrixRMaj a, double s, DMatrixRMaj b) {
        DMatrixRMaj c = a.createLike();
        CommonOps_DDRM.add(a, -s, b, c);
        return c;
    }

    /** The inner step φ_i(B, w) = (B_i, w_i) of docs/math.md §3.1 (ANIL) or §3.2 (MAML). */
    static DMatrixRMaj[] innerStep(Algorithm a, double alpha, Data in, DMatrixRMaj b, DMatrixRMaj w) {
        DMatrixRMaj u = minus(times(in.cov(), times(b, w)), 1, in.rhs());      // u = Σ̂_in B w − b_in
        DMatrixRMaj wi = minus(w, alpha, transTimes(b, u));                   // w_i = w − α Bᵀ u
        boolean maml = a == Algorithm.FO_MAML || a == Algorithm.MAML;
        DMatrixRMaj bi = maml ? minus(b, alpha, outer(u, w)) : b.copy();    // B_i = B − α u wᵀ
        return new DMatrixRMaj[] {bi, wi, u};
    }

    /** The composed meta-training loss (1/N) Σ L̂_out(φ_i(B, w)) from the raw samples. */
    static double metaLoss(Params p, TaskPool pool, DMatrixRMaj b, DMatrixRMaj w) {
        double s = 0;
        for (int i = 0; i < pool.size(); i++) {
            DMatrixRMaj[] phi = innerStep(p.algorithm(), p.alpha(), inner(pool, i), b, w);
            s += loss(outer(pool, i), times(phi[0], phi[1]), p.sigma2());
        }
        return s / pool.size();
    }

    /** The outer gradient of docs/math.md §3.1 / §3.2 / §3.3, task by task, averaged over the pool. */
    static Gradient metaGradient(Params p, TaskPool pool, DMatrixRMaj b, DMatrixRMaj w) {
        Algorithm a = p.algorithm();
        double alpha = p.alpha();
        int d = b.numRows;
        int kp = b.numCols;
        DMatrixRMaj gb = new DMatrixRMaj(d, kp);
        DMatrixRMaj gw = new DMatrixRMaj(kp, 1);
        for (int i = 0; i < pool.size(); i++) {
            Data in = inner(pool, i);
            Data out = outer(pool, i);
            DMatrixRMaj[] phi = innerStep(a, alpha, in, b, w);
            DMatrixRMaj bi = phi[0];
            DMatrixRMaj wi = phi[1];
            DMatrixRMaj u = phi[2];
            DMatrixRMaj gTheta = minus(times(out.cov(), times(bi, wi)), 1, out.rhs());   // Σ̂_out B_i w_i − b_out
            DMatrixRMaj taskB;
            DMatrixRMaj taskW;
            switch (a) {
                case FO_ANIL -> {
                    taskB = outer(gTheta, wi);
                    taskW = transTimes(b, gTheta);
                }
                case FO_MAML -> {
                    taskB = outer(gTheta, wi);
                    taskW = transTimes(bi, gTheta);
                }
                case ANIL -> {
                    DMatrixRMaj g = transTimes(b, gTheta);
                    taskB = outer(gTheta, wi);
                    taskB = minus(taskB, alpha, outer(u, g));
                    taskB = minus(taskB, alpha, outer(times(in.cov(), times(b, g)), w));
                    DMatrixRMaj btsb = transTimes(b, times(in.cov(), b));
                    taskW = minus(g, alpha, times(btsb, g));
                }
                case MAML -> {
                    DMatrixRMaj gB = outer(gTheta, wi);
                    DMatrixRMaj gW = transTimes(bi, gTheta);
                    DMatrixRMaj h = times(gB, w);
                    CommonOps_DDRM.addEquals(h, times(b, gW));
                    DMatrixRMaj sh = times(in.cov(), h);
                    taskB = minus(minus(gB, alpha, outer(u, gW)), alpha, outer(sh, w));
                    taskW = minus(minus(gW, alpha, transTimes(gB, u)), alpha, transTimes(b, sh));
                }
                default -> throw new IllegalArgumentException(a.toString());
            }
            CommonOps_DDRM.addEquals(gb, taskB);
            CommonOps_DDRM.addEquals(gw, taskW);
        }
        CommonOps_DDRM.divide(gb, pool.size());
        CommonOps_DDRM.divide(gw, pool.size());
        return new Gradient(gb, gw);
    }

    /** Burer–Monteiro F(B, W) = (1/N) Σ L̂_i(B W⁽ⁱ⁾) over all samples; heads as rows of {@code heads} (N×k'). */
    static double burerMonteiroObjective(Params p, TaskPool pool, DMatrixRMaj b, double[] heads) {
        int kp = b.numCols;
        double s = 0;
        for (int i = 0; i < pool.size(); i++) {
            DMatrixRMaj wi = new DMatrixRMaj(kp, 1);
            System.arraycopy(heads, i * kp, wi.data, 0, kp);
            s += loss(all(pool, i), times(b, wi), p.sigma2());
        }
        return s / pool.size();
    }

    /** Average loss (1/N) Σ L̂_i(B w) over all samples. */
    static double averageLoss(Params p, TaskPool pool, DMatrixRMaj b, DMatrixRMaj w) {
        double s = 0;
        for (int i = 0; i < pool.size(); i++) {
            s += loss(all(pool, i), times(b, w), p.sigma2());
        }
        return s / pool.size();
    }
}
