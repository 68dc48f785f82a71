package org.anilexplorer.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.anilexplorer.core.metrics.Snapshot;
import org.anilexplorer.core.params.Params;
import org.anilexplorer.core.run.Checkpointing;
import org.anilexplorer.core.run.DynamicsSource;
import org.anilexplorer.core.run.Run;
import org.anilexplorer.core.run.RunCheckpoint;
import org.anilexplorer.core.run.RunControl;
import org.anilexplorer.core.run.RunOptions;
import org.anilexplorer.core.run.RunState;
import org.anilexplorer.core.run.RunView;
import org.anilexplorer.core.run.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session carries each run's states: saved at t, reopened and continued to T, a run records exactly, bit for bit,
 * what the uninterrupted run to T recorded; the states come back identical; a damaged state is refused naming it.
 */
class SessionStateTest {

    @TempDir
    Path dir;

    private static Params params(String... settings) {
        Params p = Params.defaults().withAll(Map.of("d", "10", "k", "2", "k_prime", "6", "tasks", "30", "m_in", "6",
                "m_out", "4", "task_cov", "identity", "iterations", "300"));
        for (int i = 0; i < settings.length; i += 2) {
            p = p.with(settings[i], settings[i + 1]);
        }
        return p;
    }

    @Test
    void aPausedRunSavedAtTResumesFromTheSessionExactly() throws Exception {
        for (Params p : List.of(params(), params("tasks", "inf"), params("algorithm", "fo-maml", "fresh_tasks", "true"),
                params("algorithm", "burer-monteiro", "beta", "1"))) {
            Variant v = new Variant("method", p);
            RunView uninterrupted = new Run(v, p.seed(), 1, DynamicsSource.FACTORY, RunOptions.DEFAULT)
                    .execute(new RunControl());

            // the app's run, paused after t = 100 with its states every 40 iterations (the pause is asked for on
            // the run's own thread, so a fast run cannot finish before it)
            List<RunCheckpoint> states = Collections.synchronizedList(new ArrayList<>());
            RunControl control = new RunControl();
            Run paused = new Run(v, p.seed(), 1, DynamicsSource.FACTORY,
                    RunOptions.DEFAULT.withCheckpoints(new Checkpointing(40, c -> {
                        states.add(c);
                        if (c.iteration() >= 100) {
                            control.pause();
                        }
                    })));
            Thread worker = new Thread(() -> paused.execute(control));
            worker.start();
            while (paused.view().state() != RunState.PAUSED) {
                Thread.sleep(1);
            }
            RunCheckpoint latest = paused.checkpointNow().orElseThrow();
            RunView atT = paused.view();
            assertEquals(atT.iteration(), latest.iteration());
            RecordedRun saved = new RecordedRun("method", p.seed(), RunState.PAUSED, "", atT.series(), atT.risk())
                    .withStates(latest, states.subList(0, 3));
            control.cancel();
            worker.join();

            Path file = dir.resolve("session-" + p.algorithm().key() + "-" + p.tasks() + ".json");
            SessionCodec.writeSession(file, "t", "", "", p, List.of(v), List.of(saved));
            Session reopened = SessionCodec.read(file);
            RecordedRun run = reopened.runs().get(0);
            assertEquals(RunState.PAUSED, run.state());
            assertEquals(latest.dynamics(), run.latest().dynamics());
            assertEquals(latest.cursor(), run.latest().cursor());
            assertEquals(List.of(0L, 40L, 80L), run.checkpoints().stream().map(RunCheckpoint::iteration).toList());
            for (int i = 0; i < 3; i++) {
                assertEquals(states.get(i).dynamics(), run.checkpoints().get(i).dynamics());
            }

            Variant again = reopened.preset().variants(Map.of()).get(0);
            RunView resumed = Run.continuing(new Variant("method", again.params()), run.latest(), 1,
                    DynamicsSource.FACTORY, RunOptions.DEFAULT).execute(new RunControl());
            assertEquals(RunState.FINISHED, resumed.state(), resumed.reason());
            assertSameBits(uninterrupted.series(), resumed.series());
            assertEquals(uninterrupted.risk(), resumed.risk());
        }
    }

    @Test
    void aSessionWithoutStatesStillOpens() throws Exception {
        Path file = dir.resolve("plain.json");
        SessionCodec.writeSession(file, "t", "", "", params(), List.of(Variant.of(params())),
                List.of(new RecordedRun("FO-ANIL", 1, RunState.FINISHED, "", List.of(), null)));
        RecordedRun run = SessionCodec.read(file).runs().get(0);
        assertNull(run.latest());
        assertTrue(run.checkpoints().isEmpty());
        assertTrue(!Files.readString(file).contains("\"state\""));
    }

    @Test
    void aDamagedStateIsRefusedNamingIt() throws Exception {
        Params p = params("iterations", "40");
        List<RunCheckpoint> states = new ArrayList<>();
        Run r = new Run(Variant.of(p), p.seed(), 1, DynamicsSource.FACTORY,
                RunOptions.DEFAULT.withCheckpoints(new Checkpointing(40, states::add)));
        RunView v = r.execute(new RunControl());
        Path file = dir.resolve("damaged.json");
        SessionCodec.writeSession(file, "t", "", "", p, List.of(Variant.of(p)), List.of(
                new RecordedRun("FO-ANIL", 1, RunState.FINISHED, "", v.series(), v.risk()).withStates(states.get(1),
                        List.of())));
        String text = Files.readString(file);
        int at = text.indexOf("\"state\" : \"") + 200;
        char c = text.charAt(at);
        Files.writeString(file, text.substring(0, at) + (c == 'A' ? 'B' : 'A') + text.substring(at + 1));
        PresetException e = assertThrows(PresetException.class, () -> SessionCodec.read(file));
        assertEquals(file + ": runs[0].state: damaged or cut short (its checksum does not match)", e.getMessage());
    }

    private static void assertSameBits(List<Snapshot> a, List<Snapshot> b) {
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).iteration(), b.get(i).iteration());
            assertEquals(bits(a.get(i)), bits(b.get(i)), "record " + i);
        }
    }

    private static List<Long> bits(Snapshot s) {
        List<Long> out = new ArrayList<>();
        for (double x : s.sv2Star()) {
            out.add(Double.doubleToRawLongBits(x));
        }
        for (double x : s.sv2Perp()) {
            out.add(Double.doubleToRawLongBits(x));
        }
        for (double x : new double[] {s.bwNorm(), s.distance(), s.trainingLoss(), s.validationLoss()}) {
            out.add(Double.doubleToRawLongBits(x));
        }
        return out;
    }
}
