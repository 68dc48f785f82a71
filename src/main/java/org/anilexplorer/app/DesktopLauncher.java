package org.anilexplorer.app;

import javafx.application.Application;

/**
 * Starts the desktop window. A plain class on purpose: a fat jar whose entry point extends {@link Application}
 * fails with "JavaFX runtime components are missing", so {@code org.anilexplorer.Main} calls this instead.
 */
public final class DesktopLauncher {

    private DesktopLauncher() {
    }

    public static void launch(String[] args) {
        Application.launch(AnilExplorerApp.class, args);
    }

    public static void main(String[] args) {
        launch(args);
    }
}
