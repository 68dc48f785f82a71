package org.anilexplorer.app;

/** Starts the desktop app. Placeholder until the app lands; it must stay a plain class, not a JavaFX Application. */
public final class DesktopLauncher {

    private DesktopLauncher() {
    }

    public static void launch(String[] args) {
        System.out.println("The desktop app is not part of this build yet.");
    }
}
