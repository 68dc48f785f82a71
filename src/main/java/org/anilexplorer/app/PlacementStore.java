package org.anilexplorer.app;

import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/** Where the main window's placement is remembered between launches. */
interface PlacementStore {

    Optional<WindowPlacement> load();

    void save(WindowPlacement placement);

    /** Remembers nothing (tests, and a machine whose preferences cannot be used). */
    PlacementStore NONE = new PlacementStore() {
        @Override
        public Optional<WindowPlacement> load() {
            return Optional.empty();
        }

        @Override
        public void save(WindowPlacement placement) {
        }
    };

    /** The user's Java preferences (on Linux under ~/.java; -Djava.util.prefs.userRoot moves them). */
    static PlacementStore preferences() {
        String key = "window";
        Preferences prefs;
        try {
            prefs = Preferences.userNodeForPackage(AnilExplorerApp.class);
        } catch (RuntimeException e) {
            return NONE;
        }
        return new PlacementStore() {
            @Override
            public Optional<WindowPlacement> load() {
                return WindowPlacement.decode(prefs.get(key, null));
            }

            @Override
            public void save(WindowPlacement placement) {
                try {
                    prefs.put(key, placement.encode());
                    prefs.flush();
                } catch (BackingStoreException | RuntimeException e) {
                    // the placement is a convenience; the next start simply uses the default
                }
            }
        };
    }
}
