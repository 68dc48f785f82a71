package org.anilexplorer.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Our summary set beside the published Table 1: order, paper values, differences, conventions. */
class Table1ComparisonTest {

    private static Table1Summary.Cell cell(int m, Table1Column c, double mean) {
        return new Table1Summary.Cell(m, c, mean, 0.01, List.of(mean - 0.01, mean + 0.01), 0);
    }

    private static Table1Summary summary(RiskConvention convention) {
        return new Table1Summary(convention, List.of(20, 30), List.of(
                new Table1Summary.Row("Single-task ridge", List.of(cell(20, Table1Column.RIDGE, 1.85))),
                new Table1Summary.Row("My variant", List.of(cell(20, Table1Column.RIDGE, 0.9))),
                new Table1Summary.Row("FO-ANIL", List.of(cell(20, Table1Column.ONE_STEP_GD, 0.80),
                        cell(30, Table1Column.RIDGE, 0.60))),
                new Table1Summary.Row("Burer-Monteiro", List.of(cell(30, Table1Column.RIDGE, 1.00)))));
    }

    @Test
    void rowsFollowThePaperAndCarryItsValues() {
        Table1Comparison c = Table1Comparison.of(summary(RiskConvention.HALF_SQUARED_ERROR));
        assertEquals(List.of("Single-task ridge", "Burer-Monteiro", "FO-ANIL", "My variant"), c.methods(),
                "the paper's row order, unknown methods last");
        Table1Comparison.Entry gd = c.find("FO-ANIL", 20, Table1Column.ONE_STEP_GD).orElseThrow();
        assertEquals(0.81, gd.paper().orElseThrow().mean(), 0.0);
        assertEquals(0.80 - 0.81, gd.difference().getAsDouble(), 1e-15);
        assertEquals(2, gd.seeds());
        assertTrue(c.find("My variant", 20, Table1Column.RIDGE).orElseThrow().difference().isEmpty());
        Table1Comparison.Entry worst = c.largestDifference().orElseThrow();
        assertEquals("Burer-Monteiro", worst.method(), "|1.00 − 1.03| is the largest difference");
        assertEquals(-0.03, worst.difference().getAsDouble(), 1e-12);
    }

    @Test
    void theOtherRiskConventionIsNotComparedWithThePaper() {
        Table1Comparison c = Table1Comparison.of(summary(RiskConvention.SQUARED_ERROR));
        assertEquals(5, c.entries().size());
        assertTrue(c.entries().stream().allMatch(e -> e.paper().isEmpty()));
        assertTrue(c.largestDifference().isEmpty());
    }
}
