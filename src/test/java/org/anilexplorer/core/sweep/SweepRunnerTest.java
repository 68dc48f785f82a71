package org.anilexplorer.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.anilexplorer.core.metrics.Snapshot;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.run.DynamicsSource;
import org.anilexplorer.core.run.Experiment;
import org.anilexplorer.core.run.ExperimentView;
import org.anilexplorer.core.run.RunOptions;
import org.anilexplorer.core.run.RunState;
import org.anilexplorer.core.run.RunView;
import org.anilexplorer.core.run.Variant;
import org.junit.jupiter.api.Test;

/**
 * A sweep cell is the plain run with the same settings: the same final numbers bit for bit (the plain run as the
 * run command executes it: an {@link Experiment} of all methods and seeds on two cores), diverging cells included.
 */
class SweepRunnerTest {

    private static final Params BASE = Params.defaults().withAll(Map.of("d", "12", "k", "2", "k_prime", "6",
            "m_in", "6", "m_out", "4", "tasks", "40", "iterations", "150", "alpha", "0.2", "beta", "0.2"));

    private static List<Variant> variants(Map<String, String> cell) {
        Params p = BASE.withAll(cell);
        return List.of(new Variant("FO-ANIL", p), new Variant("FO-MAML", p.with("algorithm", "fo-maml")));
    }

    private static Map<Integer, JobResult> sweep(SweepPlan plan, SweepColumns columns, int cores) throws InterruptedException {
        Map<Integer, JobResult> out = new ConcurrentHashMap<>();
        try (SweepRunner r = new SweepRunner(plan.jobs(), DynamicsSource.FACTORY, cores, columns,
                x -> out.put(x.jobIndex(), x), Duration.ofMillis(50))) {
            r.start();
            r.await();
        }
        return out;
    }

    @Test
    void everyCellEqualsThePlainRunOfItsSettings() throws InterruptedException {
        // tasks = inf uses the d-independent recursion; beta = 40 diverges
        SweepGrid grid = SweepGrid.parse(List.of("tasks=40,inf", "beta=0.2,40"));
        SweepPlan plan = SweepPlan.of(grid, List.of("FO-ANIL", "FO-MAML"), 2, BASE.seed(), SweepRunnerTest::variants);
        SweepColumns columns = SweepColumns.of(List.of());
        Map<Integer, JobResult> results = sweep(plan, columns, 2);
        assertEquals(plan.jobs().size(), results.size());

        int diverged = 0;
        int refused = 0;
        for (int cell = 0; cell < grid.cellCount(); cell++) {
            List<SweepJob> jobs = new java.util.ArrayList<>();
            for (SweepJob j : plan.jobsOf(cell)) {
                if (j.refused()) {
                    refused++;
                    assertEquals(JobStatus.REFUSED, results.get(j.index()).status());
                    assertEquals("FO-MAML", j.methodLabel(), "only fo-maml is refused, and only with tasks = inf");
                } else {
                    jobs.add(j);
                }
            }
            List<Variant> runnable = variants(grid.settings(cell)).stream()
                    .filter(v -> jobs.stream().anyMatch(j -> j.methodLabel().equals(v.label()))).toList();
            ExperimentView plain;
            try (Experiment e = new Experiment(runnable, 2, DynamicsSource.FACTORY, RunOptions.DEFAULT, 2,
                    Duration.ofMillis(50))) {
                e.start();
                plain = e.await();
            }
            for (SweepJob job : jobs) {
                RunView run = plain.runsOf(job.methodLabel()).get(job.seedIndex());
                assertEquals(job.seed(), run.seed());
                JobResult r = results.get(job.index());
                assertEquals(run.iteration(), r.iteration(), job.id());
                if (run.state() == RunState.DIVERGED) {
                    diverged++;
                    assertEquals(JobStatus.DIVERGED, r.status(), job.id());
                    assertEquals(run.reason(), r.reason());
                    continue;
                }
                assertEquals(JobStatus.FINISHED, r.status(), job.id() + " " + r.reason());
                Snapshot last = run.last();
                for (int c = 0; c < SweepColumns.FINAL_METRICS.size(); c++) {
                    assertEquals(SweepColumns.FINAL_METRICS.get(c).of(last), r.value(c), 0.0,
                            job.id() + " " + columns.metrics().get(c) + " must equal the plain run exactly");
                }
            }
        }
        assertTrue(diverged >= 2, "the β = 40 cells diverge, and are compared as such");
        assertEquals(4, refused, "fo-maml is refused with tasks = inf (2 seeds × 2 cells)");
    }

    @Test
    void resultsDoNotDependOnTheCoreCount() throws InterruptedException {
        SweepGrid grid = SweepGrid.parse(List.of("alpha=0.1,0.3"));
        SweepPlan plan = SweepPlan.of(grid, List.of("FO-ANIL", "FO-MAML"), 2, BASE.seed(), SweepRunnerTest::variants);
        SweepColumns columns = SweepColumns.of(List.of(20));
        Map<Integer, JobResult> one = sweep(plan, columns, 1);
        Map<Integer, JobResult> two = sweep(plan, columns, 2);
        for (int i = 0; i < plan.jobs().size(); i++) {
            assertTrue(one.get(i).sameOutcome(two.get(i)), "job " + i);
        }
        int risk = columns.indexOf("risk_ridge_m20");
        assertTrue(Double.isFinite(one.get(0).value(risk)) && one.get(0).value(risk) > 0, "evaluated risk recorded");
    }
}
