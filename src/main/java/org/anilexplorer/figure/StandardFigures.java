package org.anilexplorer.figure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;
import org.anilexplorer.core.metrics.Snapshot;
import org.anilexplorer.core.stats.SeedStatistics;

/**
 * Builds the standard figures from recorded runs: Figures 2 and 3 of Yüksel et al. (ICLR 2024), the full spectrum,
 * the principal-angle distance to col(B⋆) (top-k subspace; Collins et al.'s when k' = k), the training loss and the head error. Each method is one
 * colour (its {@link MethodRuns#rgb()}), each curve the mean over seeds with a ± 1 std band (when ≥ 2 seeds).
 *
 * <p>Axis scales follow docs/math.md §5.7: log-x everywhere except the distance (linear x, log y: Collins et al.'s
 * exponential decay is a straight line there); log-y for quantities that decay like 1/t. Change them with
 * {@link Figure#withXScale} / {@link Figure#withYScale}.
 */
public final class StandardFigures {

    static final String ITERATION = "iteration t";
    /** Name of the Λ⋆ reference levels in legends. */
    public static final String LAMBDA_STAR = "Λ⋆ (Theorem 1)";
    /** Name of the unlearning-rate theory curve in legends. */
    public static final String UNLEARNING_RATE = "1/t rate (theory)";

    private StandardFigures() {
    }

    /**
     * Figure 2: smallest (left) and largest (right) squared singular value of B⋆ᵀB_t, i.e. the extreme eigenvalues of
     * Λ_t = B⋆ᵀB_tB_tᵀB⋆, with λ_min(Λ⋆) and λ_max(Λ⋆) of eq. (8) as dashed levels.
     *
     * @param lambdaStar the eigenvalues of Λ⋆ (any order), or an empty array / null for no theory levels
     */
    public static CompositeFigure figure2(List<MethodRuns> methods, double[] lambdaStar) {
        return figure2(methods, lambdaStar == null || lambdaStar.length == 0 ? List.of() : List.of(lambdaStar));
    }

    /**
     * Figure 2 with the smallest and largest eigenvalue of each Λ⋆ in {@code lambdaStars} (see
     * {@link FigureRecipes#lambdaStars}) as dashed levels, without repeats.
     */
    public static CompositeFigure figure2(List<MethodRuns> methods, List<double[]> lambdaStars) {
        List<ReferenceLine> min = new ArrayList<>();
        List<ReferenceLine> max = new ArrayList<>();
        for (double[] lambdaStar : lambdaStars) {
            min.add(new ReferenceLine(LAMBDA_STAR, Arrays.stream(lambdaStar).min().getAsDouble()));
            max.add(new ReferenceLine(LAMBDA_STAR, Arrays.stream(lambdaStar).max().getAsDouble()));
        }
        min = FigureRecipes.distinct(min);
        max = FigureRecipes.distinct(max);
        FigureModel left = panel("smallest", AxisSpec.log(ITERATION), AxisSpec.linear("σ²ₘᵢₙ(B⋆ᵀBₜ)"),
                meanCurves(methods, Snapshot::sv2StarMin)).withReferenceLines(min);
        FigureModel right = panel("largest", AxisSpec.log(ITERATION), AxisSpec.linear("σ²ₘₐₓ(B⋆ᵀBₜ)"),
                meanCurves(methods, Snapshot::sv2StarMax)).withReferenceLines(max);
        String caption = "Smallest (left) and largest (right) squared singular value of B⋆ᵀBₜ during training. "
                + bandSentence(methods)
                + (min.isEmpty() ? "" : " Dashed: smallest and largest eigenvalue of the limit Λ⋆ (Theorem 1, eq. 8).");
        return CompositeFigure.of("Learning the representation: squared singular values of B⋆ᵀBₜ", caption,
                List.of(left, right)).withMetadata(provenance("figure2", methods));
    }

    /**
     * Figure 3: average (left, ‖B⋆,⊥ᵀB_t‖²_F / min(d−k, k′)) and largest (right, ‖B⋆,⊥ᵀB_t‖²) squared singular value
     * of B⋆,⊥ᵀB_t, log-log, with the theoretical 1/t unlearning curve on the right.
     *
     * @param unlearningRate t ↦ predicted ‖B⋆,⊥ᵀB_t‖² (docs/math.md §4.3, e.g. {@code core.theory.UnlearningRate}),
     *                       sampled at the recorded iterations t ≥ 1; where it returns NaN or throws
     *                       IllegalArgumentException (t before its t₀) the curve has no point; {@code null} for none
     */
    public static CompositeFigure figure3(List<MethodRuns> methods, DoubleUnaryOperator unlearningRate) {
        TheoryCurve curve = null;
        if (unlearningRate != null) {
            double[] t = recordedIterations(methods, 1);
            double[] y = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                try {
                    y[i] = unlearningRate.applyAsDouble(t[i]);
                } catch (IllegalArgumentException outsideDomain) {
                    y[i] = Double.NaN;
                }
            }
            curve = new TheoryCurve(UNLEARNING_RATE, t, y);
        }
        return figure3(methods, curve);
    }

    /** Figure 3 with an already sampled theory curve ({@code null} for none), drawn in the "largest" panel. */
    public static CompositeFigure figure3(List<MethodRuns> methods, TheoryCurve unlearningRate) {
        FigureModel left = panel("average", AxisSpec.log(ITERATION), AxisSpec.log("mean σ²(B⋆,⊥ᵀBₜ)"),
                meanCurves(methods, Snapshot::sv2PerpMean));
        FigureModel right = panel("largest", AxisSpec.log(ITERATION), AxisSpec.log("σ²ₘₐₓ(B⋆,⊥ᵀBₜ)"),
                meanCurves(methods, Snapshot::sv2PerpMax));
        if (unlearningRate != null) {
            right = right.withTheoryCurves(List.of(unlearningRate));
        }
        String caption = "Average (left) and largest (right) squared singular value of B⋆,⊥ᵀBₜ during training. "
                + bandSentence(methods)
                + (unlearningRate == null ? "" : " Dashed: the predicted O(1/t) decay of ‖B⋆,⊥ᵀBₜ‖².");
        return CompositeFigure.of("Unlearning the orthogonal complement: squared singular values of B⋆,⊥ᵀBₜ",
                caption, List.of(left, right)).withMetadata(provenance("figure3", methods));
    }

    /**
     * Every squared singular value over time: the k values of B⋆ᵀB_t as lines (left, with every eigenvalue of Λ⋆
     * dashed) and the min(d−k, k′) values of B⋆,⊥ᵀB_t as one band per method (right): shaded from the smallest to
     * the largest, the line their median. Each value is first averaged over seeds (the i-th largest of each seed).
     * A band rather than k′ thin lines: with k′ = d they are dozens of curves that only tell their range.
     */
    public static CompositeFigure spectrum(List<MethodRuns> methods, double[] lambdaStar) {
        return spectrum(methods, lambdaStar == null ? List.of() : List.of(lambdaStar));
    }

    /** Line width of the k curves of B⋆ᵀBₜ: thinner than a data line (there are k per method), thick enough to read. */
    static final LineStyle SPECTRUM_LINE = new LineStyle(LineStyle.Dash.SOLID, 1.6);

    /** The full spectrum with every eigenvalue of each Λ⋆ in {@code lambdaStars} dashed, without repeats. */
    public static CompositeFigure spectrum(List<MethodRuns> methods, List<double[]> lambdaStars) {
        List<Series> star = new ArrayList<>();
        List<Series> perp = new ArrayList<>();
        for (MethodRuns m : methods) {
            int k = maxLength(m, Snapshot::k);
            int r = maxLength(m, s -> s.sv2Perp().length);
            List<SeedAggregate> starValues = SeedAggregate.of(m.seeds(), k, (s, out) -> {
                for (int i = 0; i < Math.min(k, s.k()); i++) {
                    out[i] = s.sv2Star(i);
                }
            });
            List<SeedAggregate> perpValues = SeedAggregate.of(m.seeds(), r, (s, out) -> {
                double[] v = s.sv2Perp();
                System.arraycopy(v, 0, out, 0, Math.min(r, v.length));
            });
            for (int i = 0; i < k; i++) {
                star.add(starValues.get(i).toSeries(m.label() + " σ²" + subscript(i + 1), m.rgb(), SPECTRUM_LINE,
                        i == 0 ? m.label() : null).withoutBand());
            }
            if (r > 0) {
                perp.add(envelope(m.label() + " σᵢ²(B⋆,⊥ᵀBₜ)", m.rgb(), m.label(), perpValues));
            }
        }
        List<ReferenceLine> levels = new ArrayList<>();
        for (double[] lambdaStar : lambdaStars) {
            for (double l : lambdaStar) {
                levels.add(new ReferenceLine(LAMBDA_STAR, l));
            }
        }
        levels = FigureRecipes.distinct(levels);
        FigureModel left = panel("B⋆ᵀBₜ", AxisSpec.log(ITERATION), AxisSpec.log("σᵢ²(B⋆ᵀBₜ)"), star)
                .withReferenceLines(levels);
        FigureModel right = panel("B⋆,⊥ᵀBₜ", AxisSpec.log(ITERATION), AxisSpec.log("σᵢ²(B⋆,⊥ᵀBₜ)"), perp);
        String caption = "Left: every squared singular value of B⋆ᵀBₜ, one line each. Right: the squared singular "
                + "values of B⋆,⊥ᵀBₜ, shaded from the smallest to the largest, the line their median. Each value is "
                + "the mean over " + seedPhrase(methods) + "." + (levels.isEmpty() ? "" : " Dashed: the eigenvalues of Λ⋆.");
        return CompositeFigure.of("Full spectrum over time", caption, List.of(left, right))
                .withMetadata(provenance("spectrum", methods));
    }

    /**
     * The median of the component curves with their min–max envelope, at every iteration where all components have
     * a value (they come from the same snapshots, so that is every recorded iteration of a healthy run).
     */
    static Series envelope(String name, int rgb, String legend, List<SeedAggregate> components) {
        java.util.TreeMap<Double, List<Double>> byX = new java.util.TreeMap<>();
        for (SeedAggregate c : components) {
            Series curve = c.curve();
            for (int i = 0; i < curve.size(); i++) {
                if (Double.isFinite(curve.mean(i))) {
                    byX.computeIfAbsent(curve.x(i), x -> new ArrayList<>()).add(curve.mean(i));
                }
            }
        }
        byX.values().removeIf(v -> v.size() < components.size());
        int n = byX.size();
        double[] x = new double[n];
        double[] median = new double[n];
        double[] min = new double[n];
        double[] max = new double[n];
        int j = 0;
        for (Map.Entry<Double, List<Double>> e : byX.entrySet()) {
            double[] v = e.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
            x[j] = e.getKey();
            min[j] = v[0];
            max[j] = v[v.length - 1];
            median[j] = v.length % 2 == 1 ? v[v.length / 2] : 0.5 * (v[v.length / 2 - 1] + v[v.length / 2]);
            j++;
        }
        return Series.envelope(name, rgb, x, median, min, max, LineStyle.DATA, legend);
    }

    /** The principal-angle distance ‖B⋆,⊥ᵀU_k‖₂ of the top-k subspace of B_t to col(B⋆) (docs/math.md §5.3); linear x, log y. */
    public static FigureModel distance(List<MethodRuns> methods) {
        return panel("Principal-angle distance to the ground-truth subspace", AxisSpec.linear(ITERATION),
                AxisSpec.log("dist(Bₜ, B⋆) = ‖B⋆,⊥ᵀB̂ₜ‖₂"), meanCurves(methods, Snapshot::distance))
                .withCaption("B̂ₜ is an orthonormal basis of col(Bₜ) (Collins et al., 2022). " + bandSentence(methods))
                .withMetadata(provenance("distance", methods));
    }

    /** The training objective of each method (solid), and the validation loss (dotted) where it was measured. */
    public static FigureModel trainingLoss(List<MethodRuns> methods) {
        List<Series> curves = new ArrayList<>();
        boolean anyValidation = false;
        for (MethodRuns m : methods) {
            curves.add(SeedAggregate.of(m.seeds(), Snapshot::trainingLoss)
                    .toSeries(m.label(), m.rgb(), LineStyle.DATA, m.label()));
            SeedAggregate validation = SeedAggregate.of(m.seeds(), Snapshot::validationLoss);
            if (validation.size() > 0) {
                anyValidation = true;
                String name = m.label() + " (validation)";
                curves.add(validation.toSeries(name, m.rgb(), LineStyle.DATA_SECONDARY, name));
            }
        }
        return panel("Training loss", AxisSpec.log(ITERATION), AxisSpec.log("loss"), curves)
                .withCaption("Each method's training objective" + (anyValidation
                        ? " (solid) and the ANIL objective on held-out tasks (dotted). " : ". ") + bandSentence(methods))
                .withMetadata(provenance("loss", methods));
    }

    /** ‖B_tw_t − B⋆μ⋆‖, which Theorem 1 sends to 0 (μ⋆ = 0) and its non-zero-mean version keeps at B⋆μ⋆. */
    public static FigureModel headError(List<MethodRuns> methods) {
        return panel("Learned mean: ‖Bₜwₜ − B⋆μ⋆‖", AxisSpec.log(ITERATION), AxisSpec.log("‖Bₜwₜ − B⋆μ⋆‖"),
                meanCurves(methods, Snapshot::bwNorm))
                .withCaption(bandSentence(methods))
                .withMetadata(provenance(FigureRecipes.MEAN_ERROR, methods));
    }

    private static FigureModel panel(String title, AxisSpec x, AxisSpec y, List<Series> series) {
        return FigureModel.of(title, x, y).withSeries(series);
    }

    private static List<Series> meanCurves(List<MethodRuns> methods, ToDoubleFunction<Snapshot> metric) {
        List<Series> out = new ArrayList<>(methods.size());
        for (MethodRuns m : methods) {
            out.add(SeedAggregate.of(m.seeds(), metric).toSeries(m.label(), m.rgb(), LineStyle.DATA, m.label()));
        }
        return out;
    }

    private static int maxLength(MethodRuns m, ToDoubleFunction<Snapshot> length) {
        int n = 0;
        for (List<Snapshot> seed : m.seeds()) {
            for (Snapshot s : seed) {
                n = Math.max(n, (int) length.applyAsDouble(s));
                break; // the shape is fixed within a run
            }
        }
        return n;
    }

    /** Every recorded iteration ≥ from, over all methods and seeds, ascending. */
    static double[] recordedIterations(List<MethodRuns> methods, long from) {
        TreeSet<Long> t = new TreeSet<>();
        for (MethodRuns m : methods) {
            for (List<Snapshot> seed : m.seeds()) {
                for (Snapshot s : seed) {
                    if (s.iteration() >= from) {
                        t.add(s.iteration());
                    }
                }
            }
        }
        return t.stream().mapToDouble(Long::doubleValue).toArray();
    }

    private static String bandSentence(List<MethodRuns> methods) {
        int most = 0;
        for (MethodRuns m : methods) {
            most = Math.max(most, m.seedCount());
        }
        return most >= 2 ? "Shaded: " + SeedStatistics.NAME + " over " + seedPhrase(methods) + "."
                : "One run per method.";
    }

    private static String seedPhrase(List<MethodRuns> methods) {
        int least = Integer.MAX_VALUE;
        int most = 0;
        for (MethodRuns m : methods) {
            least = Math.min(least, m.seedCount());
            most = Math.max(most, m.seedCount());
        }
        if (most == 0) {
            return "no runs";
        }
        String n = least == most ? Integer.toString(most) : least + "–" + most;
        return n + (most == 1 ? " run" : " runs");
    }

    private static Map<String, String> provenance(String figure, List<MethodRuns> methods) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Figure", figure);
        StringBuilder runs = new StringBuilder();
        for (MethodRuns r : methods) {
            if (runs.length() > 0) {
                runs.append("; ");
            }
            runs.append(r.label()).append(": ").append(r.seedCount());
        }
        m.put("Runs per method", runs.toString());
        return m;
    }

    private static String subscript(int n) {
        StringBuilder sb = new StringBuilder();
        for (char c : Integer.toString(n).toCharArray()) {
            sb.append((char) ('₀' + (c - '0')));
        }
        return sb.toString();
    }
}
