package org.anilexplorer.core.eval;

import java.util.List;
import java.util.Optional;

/**
 * Table 1 of Yüksel et al. (ICLR 2024) as printed (docs/math.md §7.2): "Excess risk evaluated on 1000 testing tasks. The
 * number after ± is the standard deviation over 10 independent training runs." The convention that reproduces it is
 * ½‖θ̂ − θ⋆‖² (docs/math.md §6.2, §7.3). The two baselines print one value per m_test, listed here under Ridge.
 */
public final class PublishedTable1 {

    public static final String SINGLE_TASK_RIDGE = "Single-task ridge";
    public static final String ORACLE_RIDGE = "Oracle ridge";
    public static final String BURER_MONTEIRO = "Burer-Monteiro";
    public static final String FO_ANIL = "FO-ANIL";
    public static final String FO_MAML = "FO-MAML";
    public static final String FO_ANIL_INFINITE_TASKS = "FO-ANIL infinite tasks";
    public static final String FO_ANIL_INFINITE_SAMPLES = "FO-ANIL infinite samples";

    /** The risk convention of the printed values. */
    public static final RiskConvention CONVENTION = RiskConvention.HALF_SQUARED_ERROR;

    /** One printed value: mean ± std over the 10 training runs. */
    public record Cell(String method, int mTest, Table1Column column, double mean, double std) {
    }

    private static final List<Cell> CELLS = List.of(
            new Cell(SINGLE_TASK_RIDGE, 20, Table1Column.RIDGE, 1.84, 0.03),
            new Cell(SINGLE_TASK_RIDGE, 30, Table1Column.RIDGE, 1.63, 0.02),
            new Cell(ORACLE_RIDGE, 20, Table1Column.RIDGE, 0.50, 0.01),
            new Cell(ORACLE_RIDGE, 30, Table1Column.RIDGE, 0.34, 0.01),
            new Cell(BURER_MONTEIRO, 20, Table1Column.RIDGE, 1.23, 0.03),
            new Cell(BURER_MONTEIRO, 30, Table1Column.RIDGE, 1.03, 0.02),
            new Cell(FO_ANIL, 20, Table1Column.ONE_STEP_GD, 0.81, 0.01),
            new Cell(FO_ANIL, 20, Table1Column.RIDGE, 0.73, 0.03),
            new Cell(FO_ANIL, 30, Table1Column.ONE_STEP_GD, 0.64, 0.01),
            new Cell(FO_ANIL, 30, Table1Column.RIDGE, 0.57, 0.02),
            new Cell(FO_MAML, 20, Table1Column.ONE_STEP_GD, 0.81, 0.01),
            new Cell(FO_MAML, 20, Table1Column.RIDGE, 0.73, 0.04),
            new Cell(FO_MAML, 30, Table1Column.ONE_STEP_GD, 0.63, 0.01),
            new Cell(FO_MAML, 30, Table1Column.RIDGE, 0.58, 0.01),
            new Cell(FO_ANIL_INFINITE_TASKS, 20, Table1Column.ONE_STEP_GD, 0.77, 0.01),
            new Cell(FO_ANIL_INFINITE_TASKS, 20, Table1Column.RIDGE, 0.67, 0.03),
            new Cell(FO_ANIL_INFINITE_TASKS, 30, Table1Column.ONE_STEP_GD, 0.60, 0.01),
            new Cell(FO_ANIL_INFINITE_TASKS, 30, Table1Column.RIDGE, 0.52, 0.01),
            new Cell(FO_ANIL_INFINITE_SAMPLES, 20, Table1Column.ONE_STEP_GD, 1.78, 0.02),
            new Cell(FO_ANIL_INFINITE_SAMPLES, 20, Table1Column.RIDGE, 1.04, 0.02),
            new Cell(FO_ANIL_INFINITE_SAMPLES, 30, Table1Column.ONE_STEP_GD, 1.19, 0.01),
            new Cell(FO_ANIL_INFINITE_SAMPLES, 30, Table1Column.RIDGE, 0.84, 0.02));

    /** The printed row order. */
    public static final List<String> METHODS = List.of(SINGLE_TASK_RIDGE, ORACLE_RIDGE, BURER_MONTEIRO, FO_ANIL,
            FO_MAML, FO_ANIL_INFINITE_TASKS, FO_ANIL_INFINITE_SAMPLES);

    /** The m_test values of the table. */
    public static final List<Integer> M_TESTS = List.of(20, 30);

    private PublishedTable1() {
    }

    public static List<Cell> cells() {
        return CELLS;
    }

    /** The printed value, if the table has one for that method, m_test and column. */
    public static Optional<Cell> find(String method, int mTest, Table1Column column) {
        return CELLS.stream().filter(c -> c.method().equals(method) && c.mTest() == mTest && c.column() == column)
                .findFirst();
    }
}
