package org.anilexplorer.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentFilesTest {

    private final List<String> store = new ArrayList<>();

    private RecentFiles open() {
        return new RecentFiles(() -> List.copyOf(store), l -> {
            store.clear();
            store.addAll(l);
        });
    }

    @Test
    void newestFirstWithoutDuplicatesAndSurvivesARestart() {
        RecentFiles r = open();
        Path a = Path.of("a.json").toAbsolutePath();
        Path b = Path.of("b.json").toAbsolutePath();
        r.add(a);
        r.add(b);
        r.add(a);
        assertEquals(List.of(a, b), r.files());
        assertEquals(List.of(a, b), open().files());
    }

    @Test
    void keepsOnlyTheNewest() {
        RecentFiles r = open();
        for (int i = 0; i < RecentFiles.CAPACITY + 3; i++) {
            r.add(Path.of("f" + i + ".json"));
        }
        assertEquals(RecentFiles.CAPACITY, r.files().size());
        assertEquals(Path.of("f" + (RecentFiles.CAPACITY + 2) + ".json").toAbsolutePath(), r.files().get(0));
    }

    @Test
    void removeForgetsAFile() {
        RecentFiles r = open();
        r.add(Path.of("gone.json"));
        r.remove(Path.of("gone.json"));
        assertEquals(List.of(), open().files());
    }
}
