package org.anilexplorer.app.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Export dialog refuses a folder that does not exist before it closes, saying which. */
class ExportDialogCheckTest {

    @Test
    void aMissingFolderIsRefusedAndAnExistingOneAccepted(@TempDir Path dir) {
        Path missing = dir.resolve("not-there");
        Optional<String> error = ExportDialog.check("560", "430", "2", "anil", missing.toString());
        assertTrue(error.orElseThrow().startsWith("No such folder: " + missing), error.toString());
        assertEquals(Optional.empty(), ExportDialog.check("560", "430", "2", "anil", dir.toString()));
        assertTrue(ExportDialog.check("560", "430", "2", "anil", " ").isPresent(), "a blank folder");
    }
}
