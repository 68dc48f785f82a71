package org.anilexplorer.core.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A {@link Table1Summary} set beside the published Table 1 ({@link PublishedTable1}, docs/math.md §7.2): one entry per
 * (method, m_test, column) that was computed, with the printed value and our mean minus it where the paper has one.
 * Rows follow the paper's order; methods the paper does not have come after, in the summary's order. Plain data.
 *
 * @param convention the risk convention of every mean; the paper is compared only in its own convention (½‖·‖²)
 * @param entries    in row order, each row's cells by m_test, 1-GD before Ridge
 */
public record Table1Comparison(RiskConvention convention, List<Entry> entries) {

    public Table1Comparison {
        entries = List.copyOf(entries);
    }

    /**
     * One computed value and, if the paper prints one for the same method, m_test and column, that value.
     *
     * @param seeds                 training runs the mean is over
     * @param seedsWithLambdaAtEdge runs whose best ridge λ lay on the edge of the grid (0 for 1-GD)
     */
    public record Entry(String method, int mTest, Table1Column column, double mean, double std, int seeds,
            int seedsWithLambdaAtEdge, Optional<PublishedTable1.Cell> paper) {

        /** Our mean minus the paper's, when the paper has this entry. */
        public OptionalDouble difference() {
            return paper.map(p -> OptionalDouble.of(mean - p.mean())).orElse(OptionalDouble.empty());
        }
    }

    public static Table1Comparison of(Table1Summary summary) {
        boolean comparable = summary.convention() == PublishedTable1.CONVENTION;
        List<Table1Summary.Row> rows = new ArrayList<>(summary.rows());
        rows.sort(Comparator.comparingInt(r -> paperRank(r.method())));
        List<Entry> out = new ArrayList<>();
        for (Table1Summary.Row row : rows) {
            for (Table1Summary.Cell c : row.cells()) {
                Optional<PublishedTable1.Cell> paper = comparable
                        ? PublishedTable1.find(row.method(), c.mTest(), c.column())
                        : Optional.empty();
                out.add(new Entry(row.method(), c.mTest(), c.column(), c.mean(), c.std(), c.seeds(),
                        c.seedsWithLambdaAtEdge(), paper));
            }
        }
        return new Table1Comparison(summary.convention(), out);
    }

    /** The paper's row index of a method, or one past the last for a method the paper does not have (stable sort). */
    private static int paperRank(String method) {
        int i = PublishedTable1.METHODS.indexOf(method);
        return i < 0 ? PublishedTable1.METHODS.size() : i;
    }

    /** The methods in row order, each once. */
    public List<String> methods() {
        return entries.stream().map(Entry::method).distinct().toList();
    }

    /** The entry for a method, m_test and column, if it was computed. */
    public Optional<Entry> find(String method, int mTest, Table1Column column) {
        return entries.stream().filter(e -> e.method().equals(method) && e.mTest() == mTest && e.column() == column)
                .findFirst();
    }

    /** The compared entry with the largest |ours − paper|, if any entry has a paper value. */
    public Optional<Entry> largestDifference() {
        return entries.stream().filter(e -> e.difference().isPresent())
                .max(Comparator.comparingDouble(e -> Math.abs(e.difference().getAsDouble())));
    }
}
