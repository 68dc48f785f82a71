package org.anilexplorer.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.anilexplorer.core.algo.Dynamics;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.run.Divergence;
import org.anilexplorer.core.run.Variant;
import org.anilexplorer.io.Json;
import org.anilexplorer.io.Preset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Times the chosen algorithm: builds it, warms the JIT up, then measures wall time over a number of iterations
 * and reports iterations per second and GFLOP/s from {@code Dynamics.flopsPerIteration()}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        description = "Time one training step of the chosen algorithm (after a warm-up) and report iterations/s and GFLOP/s.",
        footer = {"", "Examples:",
                "  anil-explorer bench --set d=50 --set k=5 --set k_prime=50 --set tasks=5000",
                "  anil-explorer bench --set tasks=inf --iterations 20000 --json"})
final class BenchCommand implements Callable<Integer> {

    private static final double AUTO_WARMUP_SECONDS = 1.0;
    private static final double AUTO_MEASURE_SECONDS = 3.0;

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--preset", paramLabel = "NAME|FILE", description = "Start from a preset (its first method).")
    String preset;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Set one parameter (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--iterations", paramLabel = "N", description = "Iterations to time (default: as many as fit in about 3 s).")
    Long iterations;

    @Option(names = "--warmup", paramLabel = "N", description = "Warm-up iterations (default: as many as fit in about 1 s).")
    Long warmup;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads inside one step (default: all cores).")
    Integer threads;

    @Option(names = "--json", description = "Print one JSON object instead of a sentence.")
    boolean json;

    BenchCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws JsonProcessingException {
        if (iterations != null && iterations < 1) {
            throw new UsageException("--iterations: must be an integer ≥ 1, got " + iterations);
        }
        if (warmup != null && warmup < 0) {
            throw new UsageException("--warmup: must be an integer ≥ 0, got " + warmup);
        }
        if (threads != null && threads < 1) {
            throw new UsageException("--threads: must be an integer ≥ 1, got " + threads);
        }
        Preset chosen = ExperimentDriver.loadPreset(preset);
        Map<String, String> settings = Settings.parse(sets, chosen.params());
        Variant variant = chosen.variants(settings).get(0);
        Params p = variant.params();
        ExperimentDriver.validate(List.of(variant));
        int t = threads != null ? threads : context.cores();

        Dynamics dynamics;
        try {
            dynamics = context.source().create(p, p.seed(), t);
        } catch (RuntimeException e) {
            throw new RuntimeFailure("cannot build " + p.algorithm().key() + ": " + e.getMessage());
        }
        try (dynamics) {
            double initial = dynamics.magnitude();
            double limit = Divergence.limit(initial);
            long warm = warmup != null ? warmup : untilSeconds(dynamics, AUTO_WARMUP_SECONDS, 2, p, initial, limit);
            if (warmup != null) {
                steps(dynamics, warm, p, initial, limit);
            }
            long start = System.nanoTime();
            long n = iterations != null ? iterations : -1;
            if (n > 0) {
                steps(dynamics, n, p, initial, limit);
            } else {
                n = untilSeconds(dynamics, AUTO_MEASURE_SECONDS, 5, p, initial, limit);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double rate = n / seconds;
            double flops = dynamics.flopsPerIteration();
            double gflops = rate * flops / 1e9;
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectNode o = Json.object();
                o.put("algorithm", p.algorithm().key());
                o.put("threads", t);
                o.put("warmup_iterations", warm);
                o.put("iterations", n);
                o.set("seconds", Json.number(seconds));
                o.set("iterations_per_second", Json.number(rate));
                o.set("flops_per_iteration", Json.number(flops));
                o.set("gflops", Json.number(gflops));
                o.put("version", VersionProvider.version());
                o.set("params", Json.params(p));
                out.println(Json.MAPPER.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(o));
            } else {
                out.printf(Locale.ROOT, "%s (d=%d, k=%d, k'=%d, N=%s, m_in=%s, m_out=%s): %.1f iterations/s, %.2f GFLOP/s "
                                + "(%.3g flop/iteration; %d iterations in %.2f s after %d warm-up; %d thread%s)%n",
                        p.algorithm().key(), p.d(), p.k(), p.kPrime(), p.tasks(), p.mIn(), p.mOut(), rate, gflops, flops,
                        n, seconds, warm, t, t == 1 ? "" : "s");
            }
        }
        return Cli.OK;
    }

    private static void steps(Dynamics d, long n, Params p, double initial, double limit) {
        for (long i = 0; i < n; i++) {
            step(d, p, initial, limit);
        }
    }

    /** Steps until {@code seconds} have passed and at least {@code min} steps were taken; returns the count. */
    private static long untilSeconds(Dynamics d, double seconds, long min, Params p, double initial, double limit) {
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        long n = 0;
        while (n < min || System.nanoTime() < deadline) {
            step(d, p, initial, limit);
            n++;
        }
        return n;
    }

    private static void step(Dynamics d, Params p, double initial, double limit) {
        d.step();
        double m = d.magnitude();
        if (Divergence.exceeded(m, limit)) {
            throw new RuntimeFailure(Divergence.explain(p, d.iteration(), m, initial));
        }
    }
}
