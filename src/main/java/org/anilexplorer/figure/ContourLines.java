package org.anilexplorer.figure;

import java.util.ArrayList;
import java.util.List;

/**
 * Marching squares on a lattice: the segments where a field crosses a level, with linear interpolation along the
 * lattice edges. The field is given at lattice points (i, j) = (x index, y index); the segments are in the same
 * index coordinates. NaN corners leave their square empty. Interpolating log(field) against log-spaced grids makes
 * power laws (Λ⋆ ∝ 1/α, the 1/t law, αβ·s) exact along the axes.
 */
public final class ContourLines {

    /** One straight piece of a contour, in lattice coordinates. */
    public record Segment(double x1, double y1, double x2, double y2) {

        double length() {
            return Math.hypot(x2 - x1, y2 - y1);
        }
    }

    private ContourLines() {
    }

    /**
     * The field extended by half a cell on every side (linear extrapolation from the two outermost points, one
     * point alone is repeated), so contours reach the edges of a heatmap whose cells are centred on the lattice.
     * Returns {padded field, xs, ys} packed as {@link Padded}.
     */
    public record Padded(double[][] field, double[] xs, double[] ys) {
    }

    public static Padded padded(double[][] f) {
        int nx = f.length;
        int ny = f[0].length;
        double[][] rows = new double[nx + 2][];
        for (int i = 0; i < nx; i++) {
            rows[i + 1] = extend(f[i]);
        }
        double[][] cols = new double[ny + 2][nx + 2];
        for (int j = 0; j < ny + 2; j++) {
            double[] col = new double[nx];
            for (int i = 0; i < nx; i++) {
                col[i] = rows[i + 1][j];
            }
            double[] e = extend(col);
            for (int i = 0; i < nx + 2; i++) {
                cols[j][i] = e[i];
            }
        }
        double[][] out = new double[nx + 2][ny + 2];
        for (int i = 0; i < nx + 2; i++) {
            for (int j = 0; j < ny + 2; j++) {
                out[i][j] = cols[j][i];
            }
        }
        return new Padded(out, positions(nx), positions(ny));
    }

    private static double[] extend(double[] v) {
        int n = v.length;
        double[] e = new double[n + 2];
        System.arraycopy(v, 0, e, 1, n);
        e[0] = n > 1 ? v[0] - 0.5 * (v[1] - v[0]) : v[0];
        e[n + 1] = n > 1 ? v[n - 1] + 0.5 * (v[n - 1] - v[n - 2]) : v[n - 1];
        return e;
    }

    private static double[] positions(int n) {
        double[] p = new double[n + 2];
        p[0] = -0.5;
        for (int i = 0; i < n; i++) {
            p[i + 1] = i;
        }
        p[n + 1] = n - 0.5;
        return p;
    }

    /** The segments of {field = level}; field[i][j], i along x, at lattice point (i, j). */
    public static List<Segment> of(double[][] field, double level) {
        double[] xs = new double[field.length];
        double[] ys = new double[field.length == 0 ? 0 : field[0].length];
        java.util.Arrays.setAll(xs, i -> i);
        java.util.Arrays.setAll(ys, j -> j);
        return of(field, level, xs, ys);
    }

    /** As {@link #of(double[][], double)}, with lattice point (i, j) at (xs[i], ys[j]). */
    public static List<Segment> of(double[][] field, double level, double[] xs, double[] ys) {
        List<Segment> out = new ArrayList<>();
        int nx = field.length;
        int ny = nx == 0 ? 0 : field[0].length;
        for (int i = 0; i + 1 < nx; i++) {
            for (int j = 0; j + 1 < ny; j++) {
                double a = field[i][j] - level;         // (i, j)
                double b = field[i + 1][j] - level;     // (i+1, j)
                double c = field[i + 1][j + 1] - level; // (i+1, j+1)
                double d = field[i][j + 1] - level;     // (i, j+1)
                if (!(Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(c) && Double.isFinite(d))) {
                    continue;
                }
                List<double[]> cuts = new ArrayList<>(4);
                edge(cuts, a, b, xs[i], ys[j], xs[i + 1], ys[j]);
                edge(cuts, b, c, xs[i + 1], ys[j], xs[i + 1], ys[j + 1]);
                edge(cuts, c, d, xs[i + 1], ys[j + 1], xs[i], ys[j + 1]);
                edge(cuts, d, a, xs[i], ys[j + 1], xs[i], ys[j]);
                if (cuts.size() == 2) {
                    out.add(new Segment(cuts.get(0)[0], cuts.get(0)[1], cuts.get(1)[0], cuts.get(1)[1]));
                } else if (cuts.size() == 4) {
                    // saddle: pair the cuts by the sign of the centre value
                    double centre = (a + b + c + d) / 4;
                    boolean aboveA = a > 0;
                    if ((centre > 0) == aboveA) {
                        out.add(seg(cuts.get(0), cuts.get(1)));
                        out.add(seg(cuts.get(2), cuts.get(3)));
                    } else {
                        out.add(seg(cuts.get(0), cuts.get(3)));
                        out.add(seg(cuts.get(1), cuts.get(2)));
                    }
                }
            }
        }
        return out;
    }

    private static Segment seg(double[] p, double[] q) {
        return new Segment(p[0], p[1], q[0], q[1]);
    }

    /** Adds the crossing point on the edge from (x1, y1) with value u to (x2, y2) with value v, if there is one. */
    private static void edge(List<double[]> cuts, double u, double v, double x1, double y1, double x2, double y2) {
        boolean crosses = (u > 0) != (v > 0);
        if (!crosses) {
            return;
        }
        double t = u / (u - v);
        cuts.add(new double[] {x1 + t * (x2 - x1), y1 + t * (y2 - y1)});
    }
}
