package org.anilexplorer.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicReference;
import org.anilexplorer.figure.ImageSize;
import org.junit.jupiter.api.Test;

/** The Export dialog's choices survive a restart through their store, and a damaged stored value is ignored. */
class ExportMemoryTest {

    @Test
    void theLastChoicesComeBackInTheNextLaunch() {
        AtomicReference<String> store = new AtomicReference<>();
        ExportMemory first = new ExportMemory(store::get, store::set);
        assertTrue(first.last().isEmpty(), "nothing before the first export");
        ExportMemory.Choices chosen = new ExportMemory.Choices(Path.of("/tmp/figures"),
                EnumSet.of(ExportFormat.SVG, ExportFormat.CSV), EnumSet.of(ChartKind.RISK), new ImageSize(500, 320, 3),
                "talk");
        first.remember(chosen);

        ExportMemory next = new ExportMemory(store::get, store::set); // a new launch reads the same store
        ExportMemory.Choices back = next.last().orElseThrow();
        assertEquals(chosen.folder(), back.folder());
        assertEquals(chosen.formats(), back.formats());
        assertEquals(chosen.charts(), back.charts());
        assertEquals(chosen.size(), back.size());
        assertEquals("talk", back.prefix());
    }

    @Test
    void aDamagedStoredValueLeavesTheDialogAtItsDefaults() {
        assertTrue(new ExportMemory(() -> "{not json", s -> { }).last().isEmpty());
        assertTrue(new ExportMemory(() -> "{\"formats\":[\"GIF\"]}", s -> { }).last().isEmpty());
    }
}
