package org.anilexplorer.app.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.anilexplorer.app.AnilExplorerApp;
import org.anilexplorer.app.sim.CoreExperimentLauncher;
import org.anilexplorer.app.viewmodel.MainViewModel;
import org.anilexplorer.app.viewmodel.MethodVariant;
import org.anilexplorer.app.viewmodel.Speed;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.io.PresetReader;

/**
 * Measures the window's frame intervals while FO-ANIL runs at the paper's scale (Table 1: d = 50, k = 5, k' = 50,
 * N = 5000 tasks of 20 + 10 samples) unthrottled. A harness, not a test: run it with a display, e.g.
 * <pre>
 *   xvfb-run -a -s "-screen 0 1600x1000x24" java -Dprism.order=sw -cp "target/classes:target/test-classes:DEPS" \
 *       org.anilexplorer.app.bench.FrameIntervalBenchmark [seconds] [seeds]
 * </pre>
 * It prints the median and 95th percentile frame interval, the frames counted, the simulation speed, the CPU time
 * of the UI and render threads per frame, and the machine's load average (other processes slow every frame).
 */
public final class FrameIntervalBenchmark {

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        Params table1 = PresetReader.load("table1").params();
        Params p = table1.withAll(Map.of("algorithm", "fo-anil", "seeds", Integer.toString(seeds),
                "iterations", "100000"));

        CompletableFuture<AnilExplorerApp> started = new CompletableFuture<>();
        Platform.startup(() -> {
            AnilExplorerApp app = new AnilExplorerApp(new CoreExperimentLauncher());
            app.start(new Stage());
            started.complete(app);
        });
        AnilExplorerApp app = started.get(120, TimeUnit.SECONDS);
        MainViewModel vm = app.viewModel();
        Platform.runLater(() -> {
            vm.parameters().load(p, List.of(new MethodVariant("FO-ANIL (Table 1 scale)", Map.of())));
            vm.transport().speedIndexProperty().set(Speed.STEPS.size() - 1);
            vm.transport().play();
        });
        Thread.sleep(8000); // task pool drawn, JIT warm
        Platform.runLater(() -> vm.frameStats().clear());
        long iterationsBefore = vm.transport().iterationProperty().get();
        long fxBefore = threadCpu("JavaFX Application Thread");
        long renderBefore = threadCpu("QuantumRenderer-0");
        long chartBefore = threadCpu("anil-chart-render");
        Thread.sleep(seconds * 1000L);
        long iterations = vm.transport().iterationProperty().get() - iterationsBefore;
        double median = vm.frameStats().medianMillis();
        double p95 = vm.frameStats().percentileMillis(95);
        int frames = vm.frameStats().count();
        double fxMs = (threadCpu("JavaFX Application Thread") - fxBefore) / 1e6;
        double renderMs = (threadCpu("QuantumRenderer-0") - renderBefore) / 1e6;
        double chartMs = (threadCpu("anil-chart-render") - chartBefore) / 1e6;
        System.out.printf(Locale.ROOT, "FO-ANIL d=%d k=%d k'=%d N=%s m_in=%s m_out=%s, %d seed(s), unthrottled, %d s%n",
                p.d(), p.k(), p.kPrime(), p.tasks(), p.mIn(), p.mOut(), seeds, seconds);
        System.out.printf(Locale.ROOT, "frame interval: median %.1f ms, p95 %.1f ms, %d frames (%.1f fps)%n",
                median, p95, frames, frames / (double) seconds);
        System.out.printf(Locale.ROOT, "simulation: %.2f iterations/s%n", iterations / (double) seconds);
        System.out.printf(Locale.ROOT, "CPU per frame: UI thread %.1f ms, Prism renderer %.1f ms; chart renderer %.0f ms/s%n",
                fxMs / Math.max(1, frames), renderMs / Math.max(1, frames), chartMs / seconds);
        System.out.printf(Locale.ROOT, "machine: %d cores, load average %s%n", Runtime.getRuntime().availableProcessors(),
                Files.readString(Path.of("/proc/loadavg")).trim());
        Platform.runLater(() -> app.stop());
        Thread.sleep(1000);
        System.exit(0);
    }

    /** CPU time of the named thread in nanoseconds (0 if it does not exist). */
    private static long threadCpu(String name) {
        var bean = ManagementFactory.getThreadMXBean();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals(name)) {
                return Math.max(0, bean.getThreadCpuTime(t.getId()));
            }
        }
        return 0;
    }
}
