package org.anilexplorer.bench;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anilexplorer.core.algo.StreamingBandwidth;

/**
 * The same finite-task method from several builds of the app (shaded jars), stepped in one process in alternation,
 * so that each build sees the same machine load; the timing is the stepping thread's CPU time (one thread), the best
 * of the rounds after two warm-up rounds. Beside it, the one-core streaming floor timed the same way, in every
 * round after the builds ({@link StreamingBandwidth.Probe} on this thread) and reduced the same way (best round; the
 * slowest is printed too), so the fraction of the floor is a ratio taken in one run under the same conditions. Start it
 * with {@code --add-modules jdk.incubator.vector} to time the builds' Vector-API kernels (the column after each jar
 * says which kernels ran; {@code kernels=vector,scalar} makes the second build run its plain-Java ones, so one jar given
 * twice compares its two paths). Not a unit test:
 * <pre>
 *   java -cp target/classes:target/test-classes org.anilexplorer.bench.InterleavedJarsBench \
 *       jars=old.jar,target/anil-explorer.jar \
 *       algorithm=fo-anil tasks=5000 rounds=10 steps=3
 * </pre>
 * Other key=value pairs set parameters (defaults: the Table 1 size, d = k' = 50, k = 5, m_in + m_out = 20 + 10).
 */
public final class InterleavedJarsBench {

    private InterleavedJarsBench() {
    }

    public static void main(String[] args) throws ReflectiveOperationException, java.net.MalformedURLException {
        Map<String, String> settings = new LinkedHashMap<>(Map.of("algorithm", "fo-anil", "d", "50", "k", "5",
                "k_prime", "50", "m_in", "20", "m_out", "10", "alpha", "0.2", "sigma2", "4", "task_cov", "linear",
                "tasks", "5000"));
        for (String a : args) {
            String[] keyValue = a.split("=", 2);
            if (keyValue.length != 2) {
                throw new IllegalArgumentException("arguments are key=value, got " + a);
            }
            settings.put(keyValue[0], keyValue[1]);
        }
        String jarList = settings.remove("jars");
        List<String> jars = jarList == null ? List.of() : Arrays.asList(jarList.split(","));
        int rounds = Integer.parseInt(settings.getOrDefault("rounds", "10"));
        int steps = Integer.parseInt(settings.getOrDefault("steps", "3"));
        settings.remove("rounds");
        settings.remove("steps");
        String kernelList = settings.remove("kernels");
        List<String> forced = kernelList == null ? List.of() : Arrays.asList(kernelList.split(","));
        if (jars.isEmpty() || rounds < 3) {
            throw new IllegalArgumentException("give jars=a.jar,b.jar,… and rounds ≥ 3");
        }
        Object[] runs = new Object[jars.size()];
        Method[] step = new Method[jars.size()];
        String[] kernels = new String[jars.size()];
        for (int j = 0; j < runs.length; j++) {
            // each jar in its own loader whose parent knows only the JDK: its own copy of every app class
            URLClassLoader loader = new URLClassLoader(new URL[] {new File(jars.get(j)).toURI().toURL()},
                    ClassLoader.getPlatformClassLoader());
            Class<?> params = loader.loadClass("org.anilexplorer.core.params.Params");
            Object p = params.getMethod("withAll", Map.class).invoke(params.getMethod("defaults").invoke(null), settings);
            Class<?> truthClass = loader.loadClass("org.anilexplorer.core.problem.GroundTruth");
            Object truth = truthClass.getMethod("sample", params, long.class).invoke(null, p, 1L);
            // the kernels are chosen when a build's first method is created, from this property
            if (j < forced.size() && forced.get(j).equals("scalar")) {
                System.setProperty("anilexplorer.kernels", "scalar");
            } else {
                System.clearProperty("anilexplorer.kernels");
            }
            Class<?> finite = loader.loadClass("org.anilexplorer.core.algo.FiniteTasks");
            runs[j] = finite.getMethod("create", params, truthClass, long.class, int.class).invoke(null, p, truth, 1L, 1);
            step[j] = loader.loadClass("org.anilexplorer.core.algo.Dynamics").getMethod("step");
            kernels[j] = kernelPath(finite);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] best = new double[runs.length];
        Arrays.fill(best, Double.MAX_VALUE);
        // the floor is timed in every round, after the builds, and reduced like them (best of the same rounds)
        StreamingBandwidth.Probe probe = new StreamingBandwidth.Probe();
        double bestSecondsPerByte = Double.MAX_VALUE;
        double worstSecondsPerByte = 0;
        for (int r = 0; r < rounds; r++) {
            for (int j = 0; j < runs.length; j++) {
                long cpu = threads.getCurrentThreadCpuTime();
                for (int s = 0; s < steps; s++) {
                    step[j].invoke(runs[j]);
                }
                double seconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9 / steps;
                if (r >= 2) {
                    best[j] = Math.min(best[j], seconds);
                }
            }
            double perByte = probe.secondsPerByte(threads::getCurrentThreadCpuTime);
            if (r >= 2) {
                bestSecondsPerByte = Math.min(bestSecondsPerByte, perByte);
                worstSecondsPerByte = Math.max(worstSecondsPerByte, perByte);
            }
        }
        double secondsPerByte = bestSecondsPerByte;
        int n = Integer.parseInt(settings.get("tasks"));
        int rows = Integer.parseInt(settings.get("m_in")) + Integer.parseInt(settings.get("m_out"));
        double taskBytes = 8.0 * n * rows * (Integer.parseInt(settings.get("d")) + 1);
        double floor = taskBytes * secondsPerByte;
        System.out.printf("%s N=%d: one core streams %.1f GB per CPU-second (best round; slowest %.1f): floor %.2f ms "
                + "per iteration (load %.1f)%n", settings.get("algorithm"), n, 1e-9 / secondsPerByte,
                1e-9 / worstSecondsPerByte, 1e3 * floor, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (int j = 0; j < runs.length; j++) {
            System.out.printf("  %-40s %-7s %8.2f ms per iteration per CPU  (%6.1f it/s, %.3f µs per task)  %.0f %% of the floor%n",
                    jars.get(j), kernels[j], 1e3 * best[j], 1 / best[j], 1e6 * best[j] / n, 100 * floor / best[j]);
        }
    }

    /**
     * Which kernels a build runs ({@code FiniteTasks.kernelPath()}: vector when this JVM has jdk.incubator.vector);
     * builds from before the choice existed have only the scalar ones.
     */
    private static String kernelPath(Class<?> finiteTasks) throws ReflectiveOperationException {
        if (java.util.Arrays.stream(finiteTasks.getMethods()).noneMatch(m -> m.getName().equals("kernelPath"))) {
            return "scalar";
        }
        return (String) finiteTasks.getMethod("kernelPath").invoke(null);
    }

}
