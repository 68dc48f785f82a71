package org.anilexplorer.app.viewmodel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The most recently opened or saved session and preset files, newest first, without duplicates, kept in a store
 * that survives restarts (the user's preferences in the app; a list in tests).
 */
public final class RecentFiles {

    public static final int CAPACITY = 8;

    private final ObservableList<Path> files = FXCollections.observableArrayList();
    private final Consumer<List<String>> save;

    /** @param load reads the stored list; @param save writes it */
    public RecentFiles(Supplier<List<String>> load, Consumer<List<String>> save) {
        this.save = save;
        List<Path> initial = new ArrayList<>();
        for (String s : load.get()) {
            try {
                Path p = Path.of(s);
                if (!initial.contains(p)) {
                    initial.add(p);
                }
            } catch (RuntimeException e) {
                // an unreadable entry in the store is skipped, not fatal
                System.getLogger(RecentFiles.class.getName()).log(System.Logger.Level.INFO,
                        "skipping a recent-files entry that is not a path: " + s, e);
            }
        }
        files.setAll(initial.subList(0, Math.min(CAPACITY, initial.size())));
    }

    /** A store that forgets everything on exit. */
    public static RecentFiles inMemory() {
        return new RecentFiles(List::of, l -> { });
    }

    public ObservableList<Path> files() {
        return FXCollections.unmodifiableObservableList(files);
    }

    /** Moves {@code file} to the top of the list. */
    public void add(Path file) {
        Path p = file.toAbsolutePath().normalize();
        List<Path> next = new ArrayList<>(files);
        next.remove(p);
        next.add(0, p);
        if (next.size() > CAPACITY) {
            next = next.subList(0, CAPACITY);
        }
        files.setAll(next);
        persist();
    }

    /** Drops a file that could not be opened any more. */
    public void remove(Path file) {
        if (files.remove(file.toAbsolutePath().normalize())) {
            persist();
        }
    }

    private void persist() {
        save.accept(files.stream().map(Path::toString).toList());
    }
}
