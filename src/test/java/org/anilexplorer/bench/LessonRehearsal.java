package org.anilexplorer.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.anilexplorer.core.lesson.LessonTracker;
import org.anilexplorer.core.lesson.PauseEvent;
import org.anilexplorer.core.run.DynamicsSource;
import org.anilexplorer.core.run.Experiment;
import org.anilexplorer.core.run.ExperimentView;
import org.anilexplorer.core.run.RunOptions;
import org.anilexplorer.core.run.RunView;
import org.anilexplorer.io.Lesson;
import org.anilexplorer.io.Lessons;

/**
 * Runs every lesson (or those named as arguments) headless to its end on all cores, as {@code run --preset lesson:ID}
 * does, and prints its wall and CPU time and where each pause point fired (on the first seed of its method), so
 * that lessons can be checked to tell their story within a minute.
 */
public final class LessonRehearsal {

    private LessonRehearsal() {
    }

    public static void main(String[] args) throws Exception {
        List<String> only = List.of(args);
        int cores = Runtime.getRuntime().availableProcessors();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (Lesson lesson : Lessons.bundled()) {
            if (!only.isEmpty() && !only.contains(lesson.id())) {
                continue;
            }
            var variants = lesson.preset().variants(java.util.Map.of());
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            ExperimentView view;
            try (Experiment e = new Experiment(variants, variants.get(0).params().seeds(), DynamicsSource.FACTORY,
                    RunOptions.DEFAULT, cores, Duration.ofSeconds(1))) {
                e.start();
                view = e.await();
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            System.out.printf(Locale.ROOT, "%d %-17s wall %6.1f s  cpu %6.1f s  (%d cores)%n", lesson.number(),
                    lesson.id(), wall, cpu, cores);
            for (RunView r : view.runs()) {
                System.out.printf(Locale.ROOT, "    %-32s seed %d %-9s t = %d  σ²max(B⋆,⊥ᵀB) = %.3g%n", r.label(),
                        r.seed(), r.state().key(), r.iteration(), r.series().isEmpty() ? Double.NaN
                                : r.series().last().sv2PerpMax());
            }
            LessonTracker tracker = lesson.tracker();
            for (String label : view.labels()) {
                RunView first = view.runsOf(label).get(0);
                tracker.update(label, first.series());
            }
            for (int i = 0; i < lesson.pauses().size(); i++) {
                int index = i;
                String at = tracker.events().stream().filter(ev -> ev.index() == index).findFirst()
                        .map(PauseEvent::iteration).map(t -> "t = " + t).orElse("NEVER");
                System.out.printf(Locale.ROOT, "    pause %d %-10s %s%n", i + 1, at,
                        lesson.pauses().get(i).caption().substring(0, Math.min(70, lesson.pauses().get(i).caption().length())));
            }
        }
    }
}
