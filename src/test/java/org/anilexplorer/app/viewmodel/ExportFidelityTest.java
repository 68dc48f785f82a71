package org.anilexplorer.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.anilexplorer.app.sim.FakeLauncher;
import org.anilexplorer.figure.CsvWriter;
import org.anilexplorer.figure.FigureModel;
import org.anilexplorer.figure.ImageSize;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What an export records: how far the run got, plain captions, named CSV columns, images at the export size. */
class ExportFidelityTest {

    private final FakeLauncher fakes = new FakeLauncher();
    private final MainViewModel vm = new MainViewModel(fakes, Runnable::run);

    @AfterEach
    void close() {
        vm.close();
    }

    private void runFor(long iterations) {
        vm.openStartPreset();
        vm.transport().play();
        fakes.live().advance(iterations);
        vm.onFrame(1_000_000_000L);
        vm.transport().pause();
        vm.onFrame(2_000_000_000L);
    }

    @Test
    void aFigureOfAPausedRunRecordsTheIterationReachedAndSaysItIsPartial() {
        runFor(609);
        Map<String, String> meta = vm.figure(ChartKind.LEARNING).metadata();
        assertEquals("609", meta.get("Iteration reached"), meta.toString());
        assertTrue(meta.get("Run").startsWith("partial") && meta.get("Run").contains("609 of 20000"), meta.get("Run"));
    }

    @Test
    void captionsAndHelpNameNoInternalDocuments() {
        runFor(100);
        for (ChartKind kind : ChartKind.values()) {
            FigureModel f = vm.figure(kind);
            for (String text : List.of(f.caption(), kind.help())) {
                assertFalse(text.contains("spec") || text.contains("§"), kind + ": " + text);
            }
        }
    }

    @Test
    void theLearningCsvNamesSmallestAndLargestColumns() {
        runFor(100);
        List<String> headers = CsvWriter.headers(vm.figure(ChartKind.LEARNING));
        String method = vm.transport().getView().methods().get(0).method().label();
        assertTrue(headers.contains(method + ", smallest mean"), headers.toString());
        assertTrue(headers.contains(method + ", largest mean"), headers.toString());
        assertTrue(headers.stream().filter(h -> h.endsWith(" mean") || h.contains(" mean ("))
                .noneMatch(h -> h.matches(".*\\(\\d+\\)$")), "no numbered duplicate curves: " + headers);
    }

    @Test
    void aCopiedImageHasTheExportSize() {
        runFor(100);
        ImageSize size = new ImageSize(400, 300, 2);
        BufferedImage[] got = new BufferedImage[1];
        vm.renderImage(ChartKind.RISK, size, image -> got[0] = image);
        assertEquals(size.pixelWidth(), got[0].getWidth());
        assertEquals(size.pixelHeight(), got[0].getHeight());
        vm.renderImage(ChartKind.RISK, null, image -> got[0] = image);
        ImageSize standard = ImageSize.defaultFor(vm.figure(ChartKind.RISK));
        assertEquals(standard.pixelWidth(), got[0].getWidth(), "the PNG export's default, not one pixel per point");
    }
}
