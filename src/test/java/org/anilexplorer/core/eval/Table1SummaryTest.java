package org.anilexplorer.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.problem.GroundTruth;
import org.junit.jupiter.api.Test;

/** The Table-1 style summary over seeds, and the transcription of the published table. */
class Table1SummaryTest {

    private static final RiskConvention HALF = RiskConvention.HALF_SQUARED_ERROR;

    @Test
    void meansAndStandardDeviationsAreOverSeeds() {
        // ‖·‖² means 1, 2, 3 at m_test = 20 for 1-GD: ½‖·‖² mean 1, std 0.5
        List<EvaluationReport> anil = List.of(
                report(1, Map.of(Estimator.ONE_STEP_GD, 1.0, Estimator.RIDGE, 0.5), false),
                report(2, Map.of(Estimator.ONE_STEP_GD, 2.0, Estimator.RIDGE, 0.5), true),
                report(3, Map.of(Estimator.ONE_STEP_GD, 3.0, Estimator.RIDGE, 0.5), false));
        List<EvaluationReport> bm = List.of(report(1, Map.of(Estimator.RIDGE, 4.0), false));
        List<EvaluationReport> baselines = List.of(
                report(1, Map.of(Estimator.SINGLE_TASK_RIDGE, 3.6, Estimator.ORACLE_RIDGE, 1.0), false),
                report(2, Map.of(Estimator.SINGLE_TASK_RIDGE, 3.8, Estimator.ORACLE_RIDGE, 1.0), false));
        Map<String, List<EvaluationReport>> methods = new LinkedHashMap<>();
        methods.put("FO-ANIL", anil);
        methods.put("Burer-Monteiro", bm);
        Table1Summary summary = Table1Summary.of(baselines, methods, HALF);

        assertEquals(List.of(20), summary.mTests());
        assertEquals(List.of("Single-task ridge", "Oracle ridge", "FO-ANIL", "Burer-Monteiro"),
                summary.rows().stream().map(Table1Summary.Row::method).toList());
        Table1Summary.Cell gd = summary.row("FO-ANIL").orElseThrow().find(20, Table1Column.ONE_STEP_GD).orElseThrow();
        assertEquals(1.0, gd.mean(), 1e-15);
        assertEquals(0.5, gd.std(), 1e-15);
        assertEquals(List.of(0.5, 1.0, 1.5), gd.perSeed());
        Table1Summary.Cell ridge = summary.row("FO-ANIL").orElseThrow().find(20, Table1Column.RIDGE).orElseThrow();
        assertEquals(0.25, ridge.mean(), 1e-15);
        assertEquals(0.0, ridge.std(), 1e-15);
        assertEquals(1, ridge.seedsWithLambdaAtEdge());

        Table1Summary.Row burer = summary.row("Burer-Monteiro").orElseThrow();
        assertTrue(burer.find(20, Table1Column.ONE_STEP_GD).isEmpty(), "no 1-GD for Burer–Monteiro");
        assertTrue(Double.isNaN(burer.find(20, Table1Column.RIDGE).orElseThrow().std()), "one seed has no spread");
        Table1Summary.Cell single = summary.row("Single-task ridge").orElseThrow().cells().get(0);
        assertEquals(1.85, single.mean(), 1e-12);
        assertEquals(Math.sqrt(0.02) / 2 * 1.0, single.std(), 1e-12);
    }

    @Test
    void summarisesRealEvaluations() {
        Params p = EvalFixtures.table1().with("test_tasks", "32");
        List<EvaluationReport> limit = new ArrayList<>();
        List<EvaluationReport> baselines = new ArrayList<>();
        for (long seed = 1; seed <= 2; seed++) {
            GroundTruth truth = GroundTruth.sample(p, seed);
            TestProtocol own = TestProtocol.of(p).withEstimators(EnumSet.of(Estimator.ONE_STEP_GD, Estimator.RIDGE));
            limit.add(Evaluation.evaluate(EvalFixtures.limitModel(truth, p), truth, own, seed, 1));
            baselines.add(Evaluation.evaluateBaselines(truth, p, seed));
        }
        Table1Summary summary = Table1Summary.of(baselines, Map.of("limit", limit), HALF);
        assertEquals(List.of(20, 30), summary.mTests());
        for (int m : summary.mTests()) {
            Table1Summary.Cell cell = summary.row("limit").orElseThrow().find(m, Table1Column.ONE_STEP_GD)
                    .orElseThrow();
            assertEquals(limit.get(1).get(m, Estimator.ONE_STEP_GD).mean(HALF), cell.perSeed().get(1));
            assertEquals(2, cell.seeds());
            Table1Summary.Cell oracle = summary.row(PublishedTable1.ORACLE_RIDGE).orElseThrow()
                    .find(m, Table1Column.RIDGE).orElseThrow();
            assertEquals(baselines.get(0).get(m, Estimator.ORACLE_RIDGE).mean(HALF), oracle.perSeed().get(0));
        }
    }

    /** The printed table satisfies the orderings of docs/math.md §9 I12: a check of the transcription. */
    @Test
    void publishedTableSatisfiesItsOwnOrderings() {
        for (String method : PublishedTable1.METHODS) {
            for (Table1Column c : Table1Column.values()) {
                PublishedTable1.find(method, 20, c).ifPresent(at20 -> assertTrue(
                        PublishedTable1.find(method, 30, c).orElseThrow().mean() < at20.mean(), method + " " + c));
            }
        }
        for (int m : PublishedTable1.M_TESTS) {
            for (String method : List.of(PublishedTable1.FO_ANIL, PublishedTable1.FO_MAML,
                    PublishedTable1.FO_ANIL_INFINITE_TASKS, PublishedTable1.FO_ANIL_INFINITE_SAMPLES)) {
                assertTrue(ridge(method, m) <= gd(method, m), method + ": Ridge ≤ 1-GD");
            }
            assertTrue(ridge(PublishedTable1.ORACLE_RIDGE, m) < ridge(PublishedTable1.FO_ANIL_INFINITE_TASKS, m));
            assertTrue(ridge(PublishedTable1.FO_ANIL_INFINITE_TASKS, m) <= ridge(PublishedTable1.FO_ANIL, m));
            assertTrue(ridge(PublishedTable1.FO_ANIL, m) < ridge(PublishedTable1.BURER_MONTEIRO, m));
            assertTrue(ridge(PublishedTable1.BURER_MONTEIRO, m) < ridge(PublishedTable1.SINGLE_TASK_RIDGE, m));
            assertTrue(ridge(PublishedTable1.FO_ANIL_INFINITE_SAMPLES, m) < ridge(PublishedTable1.BURER_MONTEIRO, m));
            assertTrue(gd(PublishedTable1.FO_ANIL_INFINITE_SAMPLES, m) < ridge(PublishedTable1.SINGLE_TASK_RIDGE, m));
        }
        assertEquals(22, PublishedTable1.cells().size());
    }

    private static double ridge(String method, int m) {
        return PublishedTable1.find(method, m, Table1Column.RIDGE).orElseThrow().mean();
    }

    private static double gd(String method, int m) {
        return PublishedTable1.find(method, m, Table1Column.ONE_STEP_GD).orElseThrow().mean();
    }

    /** A report at m_test = 20 with the given ‖·‖² means (λ on the grid's edge when asked). */
    private static EvaluationReport report(long seed, Map<Estimator, Double> means, boolean edge) {
        List<EstimatorResult> entries = new ArrayList<>();
        for (Estimator e : Estimator.values()) {
            if (means.containsKey(e)) {
                entries.add(new EstimatorResult(20, e, 1000, means.get(e), 1.0, e.usesLambdaGrid() ? 0.1 : Double.NaN,
                        edge && e.usesLambdaGrid(), List.of(), List.of()));
            }
        }
        TestProtocol protocol = new TestProtocol(0.1, List.of(20), 1000, 1, EnumSet.copyOf(means.keySet()));
        return new EvaluationReport(seed, protocol, entries);
    }
}
