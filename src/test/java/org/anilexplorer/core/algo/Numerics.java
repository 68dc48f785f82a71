package org.anilexplorer.core.algo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.anilexplorer.core.params.Params;
import org.ejml.data.DMatrixRMaj;

/** Test helpers: parameter sets from key/value pairs, relative errors, central finite differences. */
final class Numerics {

    private Numerics() {
    }

    /** Params.defaults() with the given key, value, key, value, … settings. */
    static Params params(String... keyValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        Params p = Params.defaults().withAll(m);
        p.validate();
        return p;
    }

    /** ‖a − b‖ / ‖b‖ over the first n entries (Frobenius). */
    static double relativeError(double[] a, double[] b) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < b.length; i++) {
            double e = a[i] - b[i];
            num += e * e;
            den += b[i] * b[i];
        }
        return Math.sqrt(num / den);
    }

    static double relativeError(DMatrixRMaj a, DMatrixRMaj b) {
        return relativeError(a.data, b.data);
    }

    /** Central differences (f(x + ε e_i) − f(x − ε e_i)) / 2ε for every entry of x (restored afterwards). */
    static double[] centralDifferences(double[] x, ToDoubleFunction<double[]> f, double eps) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double saved = x[i];
            x[i] = saved + eps;
            double plus = f.applyAsDouble(x);
            x[i] = saved - eps;
            double minus = f.applyAsDouble(x);
            x[i] = saved;
            g[i] = (plus - minus) / (2 * eps);
        }
        return g;
    }
}
