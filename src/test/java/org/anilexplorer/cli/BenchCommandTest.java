package org.anilexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.anilexplorer.core.algo.FiniteTasks;
import org.anilexplorer.core.run.DynamicsSource;
import org.anilexplorer.io.Json;
import org.junit.jupiter.api.Test;

/** {@code bench} on the real engine at a small size: what it reports, and its refusals. */
class BenchCommandTest {

    private static final String[] SMALL = {"--set", "d=10", "--set", "k=2", "--set", "k_prime=10", "--set",
            "tasks=40", "--set", "m_in=10", "--set", "m_out=5", "--set", "task_cov=identity"};

    private static CliHarness.Result bench(String... more) {
        String[] args = new String[1 + SMALL.length + more.length];
        args[0] = "bench";
        System.arraycopy(SMALL, 0, args, 1, SMALL.length);
        System.arraycopy(more, 0, args, 1 + SMALL.length, more.length);
        return CliHarness.run(DynamicsSource.FACTORY, args);
    }

    @Test
    void jsonReportsTheCountItTimedAndTheStreamingFloor() throws Exception {
        CliHarness.Result r = bench("--set", "iterations=5000", "--iterations", "37", "--warmup", "3", "--threads", "1",
                "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = Json.MAPPER.readTree(r.out());
        assertEquals(37, j.get("iterations").asLong());
        assertEquals(37, j.get("params").get("iterations").asLong(), "params.iterations is the count timed");
        // 40 tasks × 15 rows × (10 features + 1 label) doubles
        assertEquals(8.0 * 40 * 15 * 11, j.get("task_bytes_per_iteration").asDouble());
        double floor = j.get("floor_iterations_per_second").asDouble();
        double bandwidth = j.get("streaming_gb_per_second").asDouble();
        assertTrue(bandwidth > 0 && Double.isFinite(bandwidth), "bandwidth " + bandwidth);
        assertEquals(bandwidth * 1e9 / (8.0 * 40 * 15 * 11), floor, 1e-9 * floor);
        assertEquals(j.get("iterations_per_second").asDouble() / floor, j.get("fraction_of_floor").asDouble(), 1e-12);
        assertEquals(j.get("iterations_per_second").asDouble() * 8.0 * 40 * 15 * 11 / 1e9,
                j.get("task_gb_per_second").asDouble(), 1e-9);
        assertTrue(j.get("best_window_iterations_per_second").asDouble() > 0);
        // which kernels ran: the tests start the JVM with the Vector API module (pom.xml), a bare java -jar without
        assertEquals(FiniteTasks.kernelPath(), j.get("kernels").asText());
        if (j.has("cpu_fraction_of_floor")) { // where the platform reports the process's CPU time
            double cpuFloor = j.get("cpu_floor_iterations_per_second").asDouble();
            assertEquals(j.get("cpu_streaming_gb_per_second").asDouble() * 1e9 / (8.0 * 40 * 15 * 11), cpuFloor,
                    1e-9 * cpuFloor);
            assertEquals(j.get("cpu_iterations_per_second").asDouble() / cpuFloor,
                    j.get("cpu_fraction_of_floor").asDouble(), 1e-12);
        }
    }

    @Test
    void infiniteTasksHaveNoFloor() throws Exception {
        CliHarness.Result r = bench("--set", "tasks=inf", "--iterations", "50", "--warmup", "0", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = Json.MAPPER.readTree(r.out());
        assertFalse(j.has("floor_iterations_per_second"), r.out());
        assertTrue(j.get("iterations_per_second").asDouble() > 0);
    }

    @Test
    void textNamesTheFloorAndTheFraction() {
        CliHarness.Result r = bench("--iterations", "20", "--warmup", "2", "--threads", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("streaming floor") && r.out().contains("of the floor"), r.out());
        assertTrue(r.out().contains("(" + FiniteTasks.kernelPath() + " path)"), r.out());
    }

    @Test
    void presetTimesEveryMethodAndSeedAgainstTheIdeal() throws Exception {
        CliHarness.Result r = CliHarness.run(DynamicsSource.FACTORY, "bench", "--preset", "table1", "--seeds", "1",
                "--set", "tasks=40", "--set", "d=10", "--set", "k_prime=10", "--iterations", "20",
                "--set", "beta=0.1", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = Json.MAPPER.readTree(r.out());
        assertEquals(5, j.get("runs").asInt(), "five methods × one seed");
        assertEquals(5 * 20, j.get("iterations").asLong(), "--iterations replaces every method's count");
        assertEquals(5, j.get("methods").size());
        double ideal = j.get("ideal_iterations_per_second").asDouble();
        assertTrue(ideal > 0 && Double.isFinite(ideal));
        assertEquals(j.get("iterations_per_second").asDouble() / ideal, j.get("fraction_of_ideal").asDouble(), 1e-12);
    }

    /** A preset with a sweep section is timed as that sweep: 10 α × 5 m_in cells × 1 seed, every job's iterations. */
    @Test
    void aSweepPresetTimesTheSweep() throws Exception {
        CliHarness.Result r = CliHarness.run(DynamicsSource.FACTORY, "bench", "--preset", "sweep-stability", "--seeds",
                "1", "--iterations", "40", "--cores", "2", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = Json.MAPPER.readTree(r.out());
        assertEquals("sweep", j.get("mode").asText());
        assertEquals(50, j.get("cells").asInt());
        assertEquals(50, j.get("runs").asInt(), "every cell × one method × one seed");
        long iterations = j.get("iterations").asLong();
        assertTrue(iterations > 0 && iterations <= 50 * 40, "at most 40 per job (diverging ones stop early): "
                + iterations);
        assertEquals(iterations / j.get("seconds").asDouble(), j.get("iterations_per_second").asDouble(), 1e-9);
        double busy = j.get("busy_fraction").asDouble();
        assertEquals(j.get("busy_seconds").asDouble() / (2 * j.get("seconds").asDouble()), busy, 1e-12);
        assertTrue(busy > 0 && busy <= 1.05, "the jobs' time fits in cores × wall: " + busy);
        String e = CliHarness.run(DynamicsSource.FACTORY, "bench", "--preset", "sweep-stability", "--threads", "2")
                .usageError();
        assertTrue(e.startsWith("error: --threads applies to one method's timing; a sweep runs each job on one "
                + "thread"), e);
    }

    @Test
    void presetMethodTimesThatMethodAlone() throws Exception {
        CliHarness.Result r = CliHarness.run(DynamicsSource.FACTORY, "bench", "--preset", "table1", "--method",
                "fo-maml", "--set", "tasks=40", "--set", "d=10", "--set", "k_prime=10", "--iterations", "10",
                "--warmup", "1", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = Json.MAPPER.readTree(r.out());
        assertEquals("fo-maml", j.get("algorithm").asText());
        assertEquals("FO-MAML", j.get("method").asText());
    }

    @Test
    void refusesWhatDoesNotApply() {
        String e = CliHarness.run(DynamicsSource.FACTORY, "bench", "--preset", "table1", "--method", "nope").usageError();
        assertTrue(e.startsWith("error: --method: the preset has no method 'nope'; it has 'FO-ANIL'"), e);
        e = CliHarness.run(DynamicsSource.FACTORY, "bench", "--preset", "table1", "--threads", "1").usageError();
        assertTrue(e.contains("--threads sets the threads of one method's step"), e);
        e = bench("--seeds", "2").usageError();
        assertTrue(e.contains("--cores and --seeds apply to a whole experiment"), e);
        e = bench("--cores", "0").usageError();
        assertTrue(e.contains("--cores: must be an integer ≥ 1"), e);
    }
}
