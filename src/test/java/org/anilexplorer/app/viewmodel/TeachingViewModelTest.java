package org.anilexplorer.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.anilexplorer.app.sim.FakeDriver;
import org.anilexplorer.io.Lesson;
import org.anilexplorer.io.Lessons;
import org.anilexplorer.io.PresetReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TeachingViewModelTest {

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

    /** Two lessons on the test preset; the stand-in runs record σ²max(B⋆,⊥ᵀB_t) = 1/(1 + t). */
    private static List<Lesson> lessons() {
        return Lessons.parse("""
                {"lessons": [
                  {"id": "one", "preset": "test-tiny", "set": {"iterations": 1000}, "pauses": [
                    {"method": "FO-MAML", "when": "below", "metric": "sv2_perp_max", "value": 0.01,
                     "caption": "below one percent"},
                    {"method": "FO-ANIL", "when": "reached", "iteration": 600, "caption": "six hundred"}]},
                  {"id": "two", "preset": "collins"}]}""".getBytes(StandardCharsets.UTF_8), "test");
    }

    @Test
    void theRunPausesAtEachPausePointWithItsCaption() {
        TeachingViewModel teaching = new TeachingViewModel(vm, lessons());
        teaching.nextLesson();
        assertEquals(0, teaching.lessonIndexProperty().get());
        assertTrue(teaching.captionProperty().get().startsWith("Lesson 1 of 2: "), teaching.captionProperty().get());

        vm.transport().play();
        FakeDriver run = opened.get(opened.size() - 1);
        run.advance(300);
        vm.onFrame(1_000_000_000L);
        assertTrue(teaching.captionProperty().get().contains(": below one percent"), teaching.captionProperty().get());
        assertEquals(1, teaching.events().size());
        long at = teaching.events().get(0).iteration();
        assertTrue(at >= 99 && at <= 300, "the first record with 1/(1 + t) ≤ 0.01: " + at);
        assertFalse(vm.transport().isRunning(), "the run pauses for the caption");
        assertEquals(TeachingViewModel.LESSON_SPEED, Speed.iterationsPerFrame(vm.transport().speedIndexProperty().get()));

        vm.transport().play();
        run.advance(700);
        vm.onFrame(2_000_000_000L);
        assertTrue(teaching.captionProperty().get().startsWith("t = 600: six hundred"), teaching.captionProperty().get());
        assertEquals(List.of(0, 1), teaching.events().stream().map(e -> e.index()).toList());
    }

    @Test
    void nextAndPreviousWalkTheLectureAndAnotherPresetEndsIt() {
        TeachingViewModel teaching = new TeachingViewModel(vm, lessons());
        teaching.nextLesson();
        teaching.nextLesson();
        assertEquals(1, teaching.lessonIndexProperty().get());
        assertEquals(PresetReader.load("collins").title(), vm.getPreset().title());
        teaching.nextLesson();
        assertEquals(1, teaching.lessonIndexProperty().get(), "stays on the last");
        teaching.previousLesson();
        assertEquals(0, teaching.lessonIndexProperty().get());
        vm.applyPreset(PresetReader.load("teaching"));
        assertEquals(-1, teaching.lessonIndexProperty().get());
        assertEquals("", teaching.captionProperty().get());
    }

    @Test
    void theBundledLectureOpensOnTheQuickTour() {
        TeachingViewModel teaching = new TeachingViewModel(vm);
        teaching.nextLesson();
        assertEquals(Lessons.byId("quick-tour").preset().title(), vm.getPreset().title());
        assertEquals(6000, vm.parameters().getParams().iterations());
    }

    @Test
    void shareCodesCarryThePanelToAnotherWindow() {
        vm.applyPreset(PresetReader.load("collins"));
        vm.parameters().field(org.anilexplorer.core.params.ParamSpec.ALPHA).setText("0.05");
        TeachingViewModel teaching = new TeachingViewModel(vm, List.of());
        String code = teaching.shareCode().orElseThrow();

        MainViewModel other = new MainViewModel(FakeDriver::new, Runnable::run);
        try {
            assertTrue(new TeachingViewModel(other, List.of()).applyShareCode("\n" + code + "\n"));
            assertEquals(vm.parameters().getRequest(), other.parameters().getRequest());
            assertFalse(new TeachingViewModel(other, List.of()).applyShareCode("hello"));
            assertTrue(other.getMessage().text().startsWith("Not a share code: "), other.getMessage().text());
        } finally {
            other.close();
        }
    }

    @Test
    void presenterScaleStepsUpToTwiceAndEscapeLeavesStepByStep() {
        TeachingViewModel teaching = new TeachingViewModel(vm, List.of());
        for (int i = 0; i < 10; i++) {
            teaching.larger();
        }
        assertEquals(TeachingViewModel.MAX_SCALE, teaching.scaleProperty().get());
        teaching.smaller();
        assertEquals(1.75, teaching.scaleProperty().get());
        teaching.actualSize();
        assertEquals(1.0, teaching.scaleProperty().get());

        teaching.presentingProperty().set(true);
        teaching.toggleMaximised(ChartKind.values()[0]);
        assertTrue(teaching.escape());
        assertNull(teaching.maximisedProperty().get());
        assertTrue(teaching.presentingProperty().get());
        assertTrue(teaching.escape());
        assertFalse(teaching.presentingProperty().get());
        assertFalse(teaching.escape());
    }

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    @Test
    void aChartExportedFromTheWindowReopensAsTheSameSettingInTheWindowAndTheCommandLine() {
        vm.applyPreset(PresetReader.load("test-tiny"));
        vm.parameters().field(org.anilexplorer.core.params.ParamSpec.BETA).setText("0.07");
        vm.transport().play();
        opened.get(opened.size() - 1).advance(50);
        vm.onFrame(1_000_000_000L);
        ChartKind kind = ChartKind.values()[0];
        boolean logX = !vm.charts().logXProperty(kind).get();
        vm.charts().logXProperty(kind).set(logX);
        vm.export(List.of(kind), List.of(ExportFormat.PNG, ExportFormat.SVG),
                new org.anilexplorer.figure.ImageSize(400, 300, 1), dir, "lecture");

        for (String ext : List.of("png", "svg")) {
            java.nio.file.Path file = dir.resolve("lecture-" + kind.id() + "." + ext);
            List<org.anilexplorer.core.run.Variant> expected = new ArrayList<>();
            vm.parameters().getRequest().methods()
                    .forEach(m -> expected.add(new org.anilexplorer.core.run.Variant(m.label(), m.params())));
            assertEquals(expected, PresetReader.read(file).variants(Map.of()), "the command line reads it as a preset");

            MainViewModel other = new MainViewModel(FakeDriver::new, Runnable::run);
            try {
                assertTrue(other.openFile(file), String.valueOf(other.getMessage()));
                assertEquals(vm.parameters().getRequest(), other.parameters().getRequest());
                assertEquals(logX, other.charts().logXProperty(kind).get(), "the view comes back too");
            } finally {
                other.close();
            }
        }
    }

    @Test
    void exportedChartsCarryTheRunsConfigurationAndView() {
        vm.applyPreset(PresetReader.load("test-tiny"));
        vm.transport().play();
        opened.get(opened.size() - 1).advance(50);
        vm.onFrame(1_000_000_000L);
        ChartKind kind = ChartKind.values()[1];
        Map<String, String> entries = FigureViews.entries(vm.getPreset().title(), kind, vm.transport().getView(),
                vm.charts().settings());
        assertTrue(entries.get(org.anilexplorer.io.FigureConfiguration.VIEW_KEY).contains("\"chart\":\"" + kind.id()));
        assertTrue(entries.containsKey(org.anilexplorer.io.FigureConfiguration.CONFIGURATION_KEY));
    }
}
