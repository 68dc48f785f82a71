package org.anilexplorer.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.anilexplorer.app.sim.FakeDriver;
import org.anilexplorer.app.sim.ExperimentRequest;
import org.anilexplorer.core.run.RunView;
import org.anilexplorer.core.metrics.Snapshot;
import org.anilexplorer.core.params.ParamSpec;
import org.anilexplorer.figure.ImageSize;
import org.anilexplorer.figure.PngWriter;
import org.anilexplorer.io.Preset;
import org.anilexplorer.io.PresetReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainViewModelTest {

    @TempDir
    Path dir;

    private final List<FakeDriver> opened = new ArrayList<>();
    private final MainViewModel vm = new MainViewModel(r -> {
        FakeDriver d = new FakeDriver(r);
        opened.add(d);
        return d;
    }, Runnable::run);

    @AfterEach
    void close() {
        vm.close();
    }

    private void runFor(long iterations) {
        vm.transport().play();
        opened.get(opened.size() - 1).advance(iterations);
        vm.onFrame(1_000_000_000L);
    }

    @Test
    void opensOnTheTeachingPresetWithItsMethodsAndStory() {
        vm.openStartPreset();
        Preset teaching = PresetReader.load("teaching");
        assertEquals(teaching.title(), vm.getPreset().title());
        assertFalse(vm.getPreset().description().isEmpty());
        assertEquals(teaching.params(), vm.parameters().getParams());
        assertEquals(teaching.methods().size(), vm.parameters().getRequest().methods().size());
        assertTrue(vm.parameters().isValid());
    }

    @Test
    void everyBundledPresetLoadsIntoAValidPanel() {
        assertTrue(vm.bundledPresets().size() >= 5);
        for (Preset p : vm.bundledPresets()) {
            vm.applyPreset(p);
            assertTrue(vm.parameters().isValid(), p.title() + ": " + vm.parameters().firstError().orElse(""));
            assertEquals(p.params(), vm.parameters().getParams());
        }
    }

    @Test
    void editingAPresetMarksItEdited() {
        vm.openStartPreset();
        vm.parameters().field(ParamSpec.ALPHA).setText("0.15");
        assertTrue(vm.getPreset().title().endsWith("(edited)"), vm.getPreset().title());
    }

    @Test
    void aSavedPresetReadsBackAsTheSameExperiment() throws Exception {
        vm.openStartPreset();
        vm.parameters().field(ParamSpec.ALPHA).setText("0.15");
        ExperimentRequest before = vm.parameters().getRequest();
        Path file = dir.resolve("mine.json");
        assertTrue(vm.savePreset(file, "Mine", "My variation."));
        Preset back = PresetReader.read(file);
        assertEquals("Mine", back.title());
        assertEquals(before.base(), back.params());

        MainViewModel other = new MainViewModel(r -> new FakeDriver(r), Runnable::run);
        assertTrue(other.openFile(file));
        assertEquals(before, other.parameters().getRequest());
        other.close();
    }

    @Test
    void aSessionRoundTripRestoresParametersAndEverySeries() throws Exception {
        vm.parameters().load(org.anilexplorer.core.params.Params.defaults().with("seeds", "2"),
                List.of(new MethodVariant("A", Map.of()), new MethodVariant("B", Map.of("beta", "0.05"))));
        runFor(40);
        LiveView saved = vm.transport().getView();
        Path file = dir.resolve("session.json");
        assertTrue(vm.saveSession(file));

        MainViewModel other = new MainViewModel(r -> new FakeDriver(r), Runnable::run);
        assertTrue(other.openFile(file));
        assertEquals(vm.parameters().getRequest(), other.parameters().getRequest());
        LiveView loaded = other.transport().getView();
        assertEquals(ExperimentState.FINISHED, other.transport().getState());
        assertEquals(saved.methods().size(), loaded.methods().size());
        for (int m = 0; m < saved.methods().size(); m++) {
            List<RunView> a = saved.methods().get(m).seeds();
            List<RunView> b = loaded.methods().get(m).seeds();
            assertEquals(a.size(), b.size());
            for (int s = 0; s < a.size(); s++) {
                assertEquals(a.get(s).seed(), b.get(s).seed());
                assertEquals(a.get(s).risk(), b.get(s).risk(), "the test-risk series survives");
                assertTrue(b.get(s).risk().size() > 0);
                assertEquals(a.get(s).series().size(), b.get(s).series().size());
                for (int i = 0; i < a.get(s).series().size(); i++) {
                    Snapshot x = a.get(s).series().get(i);
                    Snapshot y = b.get(s).series().get(i);
                    assertEquals(x.iteration(), y.iteration());
                    assertArrayEquals(x.sv2Star(), y.sv2Star());
                    assertArrayEquals(x.sv2Perp(), y.sv2Perp());
                    assertEquals(x.trainingLoss(), y.trainingLoss());
                    assertTrue(Double.isNaN(y.validationLoss()), "NaN survives as JSON null");
                }
            }
        }
        assertTrue(other.recentFiles().files().contains(file.toAbsolutePath()));
        other.close();
    }

    @Test
    void aBadSessionFileIsReportedInPlainWordsAndChangesNothing() throws Exception {
        vm.openStartPreset();
        ExperimentRequest before = vm.parameters().getRequest();
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"title\": \"x\", \"params\": {\"alpha\": -1}}");
        assertFalse(vm.openFile(file));
        assertEquals(Message.Severity.ERROR, vm.getMessage().severity());
        assertTrue(vm.getMessage().text().contains("alpha"), vm.getMessage().text());
        assertEquals(before, vm.parameters().getRequest());

        Files.writeString(file, "{ not json");
        assertFalse(vm.openFile(file));
        assertTrue(vm.getMessage().text().contains("JSON"), vm.getMessage().text());
    }

    @Test
    void exportWritesEveryChartInEveryFormatThroughTheFigureWriters() throws Exception {
        runFor(30);
        vm.export(List.of(ChartKind.values()), List.of(ExportFormat.values()), new ImageSize(400, 300, 1), dir, "run");
        List<Path> files;
        try (var listing = Files.list(dir)) {
            files = listing.toList();
        }
        assertEquals(ChartKind.values().length * ExportFormat.values().length, files.size());
        for (Path f : files) {
            assertTrue(Files.size(f) > 100, f + " is too small");
        }
        Path png = dir.resolve("run-learning.png");
        assertTrue(PngWriter.readText(png).values().stream().anyMatch(v -> v.contains("alpha")),
                "the PNG carries the parameters");
        assertTrue(Files.readString(dir.resolve("run-unlearning.svg")).contains("<svg"));
        assertEquals(Message.Severity.INFO, vm.getMessage().severity());
    }

    @Test
    void anUnwritableExportFolderIsReported() throws Exception {
        runFor(30);
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        vm.export(List.of(ChartKind.LEARNING), List.of(ExportFormat.PNG), new ImageSize(400, 300, 1),
                notADirectory.resolve("deeper"), "run");
        assertEquals(Message.Severity.ERROR, vm.getMessage().severity());
        assertTrue(vm.getMessage().text().contains("Could not write"), vm.getMessage().text());
    }
}
