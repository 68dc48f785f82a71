package org.anilexplorer.core.metrics;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * Eigenvalues (no vectors) of a real symmetric matrix: Householder reduction to tridiagonal form, then the
 * root-free rational QL iteration (EISPACK tqlrat). Written for the k'×k' Gram matrices measured at every record,
 * where it runs about twice as fast as EJML's general-purpose solver: the reduction works on rows stored as separate
 * arrays in loops HotSpot vectorises, and the QL sweep has no square root.
 *
 * <p>Robust for Gram matrices that underflow (see {@link SymmetricEigen}): the input is scaled to unit max-abs and
 * entries below 1e-20 are flushed; deflation compares each squared off-diagonal entry with (ε·t)², t the running
 * norm of EISPACK, so tiny couplings to a zero block deflate instead of stalling the iteration.
 */
final class SymmetricEigenvalues {

    private static final double EPS = Math.ulp(1.0);
    private static final int MAX_SWEEPS_PER_VALUE = 60;

    private SymmetricEigenvalues() {
    }

    /** All eigenvalues, descending; all NaN if the input is not finite or the iteration fails to converge. */
    static double[] descending(DMatrixRMaj sym) {
        int n = sym.numRows;
        double[] d = new double[n];
        if (n == 0) {
            return d;
        }
        double scale = 0;
        for (double v : sym.data) {
            scale = Math.max(scale, Math.abs(v));
        }
        if (!Double.isFinite(scale)) {
            Arrays.fill(d, Double.NaN);
            return d;
        }
        if (scale == 0) {
            return d;
        }
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                // symmetrise (average) so that rounding asymmetry in the input does not matter
                double v = 0.5 * (sym.unsafe_get(i, j) + sym.unsafe_get(j, i)) / scale;
                a[i][j] = Math.abs(v) < 1e-20 ? 0 : v;
            }
        }
        double[] e = new double[n];
        tridiagonalise(a, d, e);
        if (!ql(d, e)) {
            Arrays.fill(d, Double.NaN);
            return d;
        }
        Arrays.sort(d);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = d[n - 1 - i] * scale;
        }
        return out;
    }

    /**
     * Householder reduction Q ᵀAQ = T (A overwritten): d = diagonal of T, e[i] = T[i+1][i] (e[n−1] = 0). Step k
     * reflects x = A[k+1:, k] onto βe₁ with H = I − τvvᵀ (v₀ = 1) and updates the trailing block as
     * A ← A − vwᵀ − wvᵀ, p = τAv, w = p − (τ/2)(pᵀv)v.
     */
    private static void tridiagonalise(double[][] a, double[] d, double[] e) {
        int n = a.length;
        double[] v = new double[n];
        double[] p = new double[n];
        for (int k = 0; k < n - 2; k++) {
            int s = k + 1;
            double alpha = a[s][k];
            double tail = 0;
            for (int i = s + 1; i < n; i++) {
                tail += a[i][k] * a[i][k];
            }
            d[k] = a[k][k];
            if (tail == 0) {
                e[k] = alpha; // already reduced in this column
                continue;
            }
            double beta = -Math.copySign(Math.sqrt(alpha * alpha + tail), alpha);
            double tau = (beta - alpha) / beta;
            double inv = 1 / (alpha - beta);
            v[s] = 1;
            for (int i = s + 1; i < n; i++) {
                v[i] = a[i][k] * inv;
            }
            e[k] = beta;
            // p = τ·A22·v, as a combination of A22's rows (A22 is symmetric)
            Arrays.fill(p, s, n, 0.0);
            int j = s;
            for (; j + 3 < n; j += 4) {
                double c0 = tau * v[j];
                double c1 = tau * v[j + 1];
                double c2 = tau * v[j + 2];
                double c3 = tau * v[j + 3];
                double[] r0 = a[j];
                double[] r1 = a[j + 1];
                double[] r2 = a[j + 2];
                double[] r3 = a[j + 3];
                for (int c = s; c < n; c++) {
                    p[c] += c0 * r0[c] + c1 * r1[c] + c2 * r2[c] + c3 * r3[c];
                }
            }
            for (; j < n; j++) {
                double c0 = tau * v[j];
                double[] r0 = a[j];
                for (int c = s; c < n; c++) {
                    p[c] += c0 * r0[c];
                }
            }
            double pv = 0;
            for (int i = s; i < n; i++) {
                pv += p[i] * v[i];
            }
            double half = 0.5 * tau * pv;
            for (int i = s; i < n; i++) {
                p[i] -= half * v[i]; // p now holds w
            }
            for (int i = s; i < n; i++) {
                double vi = -v[i];
                double wi = -p[i];
                double[] row = a[i];
                for (int c = s; c < n; c++) {
                    row[c] += vi * p[c] + wi * v[c];
                }
            }
        }
        if (n >= 2) {
            d[n - 2] = a[n - 2][n - 2];
            e[n - 2] = a[n - 1][n - 2];
        }
        d[n - 1] = a[n - 1][n - 1];
        e[n - 1] = 0;
    }

    /**
     * Root-free rational QL on the tridiagonal (d, e) (EISPACK tqlrat): it works on the squared off-diagonal e²,
     * so each inner step is two divisions and no square root. Eigenvalues into d (unsorted). False if it fails to
     * converge.
     */
    private static boolean ql(double[] d, double[] e) {
        int n = d.length;
        double[] e2 = new double[n];
        for (int i = 0; i < n - 1; i++) {
            e2[i] = e[i] * e[i];
        }
        double f = 0;
        double t = 0;
        double b = 0;
        double c = 0;
        for (int l = 0; l < n; l++) {
            double h = Math.abs(d[l]) + Math.sqrt(e2[l]);
            if (t <= h) {
                t = h;
                b = EPS * t;
                c = b * b;
            }
            int m = l;
            while (m < n - 1 && e2[m] > c) {
                m++;
            }
            int sweeps = 0;
            while (m > l) {
                if (++sweeps > MAX_SWEEPS_PER_VALUE) {
                    return false;
                }
                // shift from the leading 2×2 block
                double sq = Math.sqrt(e2[l]);
                double g = d[l];
                double p = (d[l + 1] - g) / (2 * sq);
                double r = hypot(p, 1);
                d[l] = sq / (p + Math.copySign(r, p));
                h = g - d[l];
                for (int i = l + 1; i < n; i++) {
                    d[i] -= h;
                }
                f += h;
                // rational QL sweep from m−1 down to l
                g = d[m];
                if (g == 0) {
                    g = b;
                }
                h = g;
                double s = 0;
                for (int i = m - 1; i >= l; i--) {
                    p = g * h;
                    r = p + e2[i];
                    e2[i + 1] = s * r;
                    double invR = 1 / r;
                    s = e2[i] * invR;
                    d[i + 1] = h + s * (h + d[i]);
                    g = d[i] - e2[i] / g;
                    if (g == 0) {
                        g = b;
                    }
                    h = g * p * invR;
                }
                e2[l] = s * g;
                d[l] = h;
                // converged when e2[l] is negligible (guarding against underflow, as tqlrat does)
                if (h == 0 || Math.abs(e2[l]) <= Math.abs(c / h)) {
                    break;
                }
                e2[l] = h * e2[l];
                if (e2[l] == 0) {
                    break;
                }
            }
            d[l] += f;
        }
        for (double v : d) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** √(a² + b²) without overflow or underflow, cheaper than {@link Math#hypot}. */
    private static double hypot(double a, double b) {
        double x = Math.abs(a);
        double y = Math.abs(b);
        if (x < y) {
            double t = x;
            x = y;
            y = t;
        }
        if (x == 0) {
            return 0;
        }
        double t = y / x;
        return x * Math.sqrt(1 + t * t);
    }
}
