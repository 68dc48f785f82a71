package org.anilexplorer.core.eval;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.anilexplorer.core.stats.SeedStatistics;

/**
 * A Table-1 style summary (docs/math.md §7.2): for each method, m_test and column (1-GD, Ridge), the mean over seeds
 * of the per-seed mean risk over test tasks, ± the standard deviation over seeds. The two baselines come first, as in
 * the paper, from the baseline reports (one per seed). Plain data: the CLI prints it and can set it beside
 * {@link PublishedTable1}.
 *
 * @param convention the risk convention of every value
 * @param mTests the m_test values found in the reports, ascending
 * @param rows baselines first, then the methods in the order given
 */
public record Table1Summary(RiskConvention convention, List<Integer> mTests, List<Row> rows) {

    /** The estimators Table 1 reports: 1-GD and ridge on the learned features, single-task and oracle ridge. */
    public static final Set<Estimator> ESTIMATORS = Collections.unmodifiableSet(EnumSet.of(Estimator.ONE_STEP_GD,
            Estimator.RIDGE, Estimator.SINGLE_TASK_RIDGE, Estimator.ORACLE_RIDGE));

    public Table1Summary {
        mTests = List.copyOf(mTests);
        rows = List.copyOf(rows);
    }

    /**
     * One summarised value.
     *
     * @param mTest samples per test task
     * @param column 1-GD or Ridge
     * @param mean mean over seeds of the per-seed mean risk
     * @param std standard deviation over seeds (n − 1); NaN with a single seed
     * @param perSeed the per-seed mean risks, in the order of the reports
     * @param seedsWithLambdaAtEdge how many seeds chose a ridge λ on the edge of the grid
     */
    public record Cell(int mTest, Table1Column column, double mean, double std, List<Double> perSeed,
            int seedsWithLambdaAtEdge) {

        public Cell {
            perSeed = List.copyOf(perSeed);
        }

        public int seeds() {
            return perSeed.size();
        }
    }

    /** One method: its cells in m_test order, 1-GD before Ridge, only those the method has. */
    public record Row(String method, List<Cell> cells) {

        public Row {
            cells = List.copyOf(cells);
        }

        public Optional<Cell> find(int mTest, Table1Column column) {
            return cells.stream().filter(c -> c.mTest() == mTest && c.column() == column).findFirst();
        }
    }

    /**
     * Builds the summary.
     *
     * @param baselines one report per seed containing single-task and oracle ridge (may be empty)
     * @param methods method label → one report per seed (1-GD from {@link Estimator#ONE_STEP_GD}, Ridge from
     *     {@link Estimator#RIDGE}; a method without 1-GD, such as Burer–Monteiro, gets Ridge only)
     */
    public static Table1Summary of(Collection<EvaluationReport> baselines, Map<String, List<EvaluationReport>> methods,
            RiskConvention convention) {
        TreeSet<Integer> mTests = new TreeSet<>();
        baselines.forEach(r -> r.entries().forEach(e -> mTests.add(e.mTest())));
        methods.values().forEach(list -> list.forEach(r -> r.entries().forEach(e -> mTests.add(e.mTest()))));

        Map<String, List<Cell>> rows = new LinkedHashMap<>();
        rows.put(PublishedTable1.SINGLE_TASK_RIDGE, cells(baselines, mTests, null, Estimator.SINGLE_TASK_RIDGE,
                convention));
        rows.put(PublishedTable1.ORACLE_RIDGE, cells(baselines, mTests, null, Estimator.ORACLE_RIDGE, convention));
        for (Map.Entry<String, List<EvaluationReport>> m : methods.entrySet()) {
            rows.put(m.getKey(), cells(m.getValue(), mTests, Estimator.ONE_STEP_GD, Estimator.RIDGE, convention));
        }
        List<Row> out = new ArrayList<>();
        rows.forEach((method, cells) -> {
            if (!cells.isEmpty()) {
                out.add(new Row(method, cells));
            }
        });
        return new Table1Summary(convention, new ArrayList<>(mTests), out);
    }

    public Optional<Row> row(String method) {
        return rows.stream().filter(r -> r.method().equals(method)).findFirst();
    }

    private static List<Cell> cells(Collection<EvaluationReport> reports, Collection<Integer> mTests,
            Estimator gdEstimator, Estimator ridgeEstimator, RiskConvention convention) {
        List<Cell> out = new ArrayList<>();
        for (int m : mTests) {
            if (gdEstimator != null) {
                cell(reports, m, gdEstimator, Table1Column.ONE_STEP_GD, convention).ifPresent(out::add);
            }
            cell(reports, m, ridgeEstimator, Table1Column.RIDGE, convention).ifPresent(out::add);
        }
        return out;
    }

    /** The cell over every report that has this (m_test, estimator); empty when none has it. */
    private static Optional<Cell> cell(Collection<EvaluationReport> reports, int mTest, Estimator estimator,
            Table1Column column, RiskConvention convention) {
        List<Double> values = new ArrayList<>();
        int edges = 0;
        for (EvaluationReport r : reports) {
            Optional<EstimatorResult> e = r.find(mTest, estimator);
            if (e.isPresent()) {
                values.add(e.get().mean(convention));
                if (e.get().lambdaAtGridEdge()) {
                    edges++;
                }
            }
        }
        if (values.isEmpty()) {
            return Optional.empty();
        }
        SeedStatistics.Summary over = SeedStatistics.of(values.stream().mapToDouble(Double::doubleValue).toArray());
        return Optional.of(new Cell(mTest, column, over.mean(), over.sd(), values, edges));
    }
}
