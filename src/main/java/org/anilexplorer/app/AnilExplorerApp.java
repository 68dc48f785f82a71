package org.anilexplorer.app;

import org.anilexplorer.app.view.StartupTimer;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import java.util.List;
import java.util.Objects;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.anilexplorer.app.sim.CoreExperimentLauncher;
import org.anilexplorer.app.sim.ExperimentLauncher;
import org.anilexplorer.app.view.Debouncer;
import org.anilexplorer.app.view.MainWindow;
import org.anilexplorer.app.viewmodel.MainViewModel;
import org.anilexplorer.app.viewmodel.ExportMemory;
import org.anilexplorer.app.viewmodel.RecentFiles;
import org.anilexplorer.figure.Palette;

/** The JavaFX application: builds the window, opens it on the teaching preset, and shuts everything down on close. */
public final class AnilExplorerApp extends Application {

    static final String TITLE = "ANIL Explorer";
    private static final long RESTART_DEBOUNCE_MILLIS = 300;

    private final ExperimentLauncher launcher;
    private final RecentFiles recent;
    private final PlacementStore placements;
    /** The window's bounds when last neither maximised nor iconified (what a maximised window returns to). */
    private Rectangle2D normalBounds;
    private Debouncer debouncer;
    private java.util.concurrent.ExecutorService background;
    private MainViewModel vm;
    private MainWindow window;

    /** Used by {@link Application#launch}: the real simulation. */
    public AnilExplorerApp() {
        this(new CoreExperimentLauncher(), preferencesRecentFiles(), PlacementStore.preferences());
    }

    /** Tests pass their own launcher; their recent-files list and window placement are forgotten on exit. */
    public AnilExplorerApp(ExperimentLauncher launcher) {
        this(launcher, RecentFiles.inMemory(), PlacementStore.NONE);
    }

    private AnilExplorerApp(ExperimentLauncher launcher, RecentFiles recent, PlacementStore placements) {
        this(launcher, recent, placements, placements == PlacementStore.NONE ? ExportMemory.inMemory()
                : preferencesExportMemory());
    }

    /** Tests pass the store the Export dialog remembers its choices in (to check they survive a restart). */
    public AnilExplorerApp(ExperimentLauncher launcher, ExportMemory exportMemory) {
        this(launcher, RecentFiles.inMemory(), PlacementStore.NONE, exportMemory);
    }

    private AnilExplorerApp(ExperimentLauncher launcher, RecentFiles recent, PlacementStore placements,
                            ExportMemory exportMemory) {
        this.launcher = launcher;
        this.recent = recent;
        this.placements = placements;
        this.exportMemory = exportMemory;
    }

    private final ExportMemory exportMemory;

    /** The Export dialog's last choices, kept in the user's preferences (for this session only if they fail). */
    private static ExportMemory preferencesExportMemory() {
        String key = "exportChoices";
        Preferences prefs;
        try {
            prefs = Preferences.userNodeForPackage(AnilExplorerApp.class);
        } catch (RuntimeException e) {
            return ExportMemory.inMemory();
        }
        return new ExportMemory(() -> prefs.get(key, null), value -> {
            try {
                prefs.put(key, value);
                prefs.flush();
            } catch (BackingStoreException | RuntimeException e) {
                System.getLogger(AnilExplorerApp.class.getName()).log(System.Logger.Level.WARNING,
                        "cannot store the export choices", e);
            }
        });
    }

    /** The remembered placement when it still fits the screens, otherwise a first-start placement. */
    private WindowPlacement initialPlacement() {
        List<Rectangle2D> screens = Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
        return placements.load().filter(p -> p.fits(screens))
                .orElseGet(() -> WindowPlacement.firstStart(Screen.getPrimary().getVisualBounds()));
    }

    private void trackNormalBounds(Stage stage) {
        javafx.beans.InvalidationListener remember = o -> {
            if (stage.isShowing() && !stage.isMaximized() && !stage.isIconified() && !stage.isFullScreen()) {
                normalBounds = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
            }
        };
        stage.xProperty().addListener(remember);
        stage.yProperty().addListener(remember);
        stage.widthProperty().addListener(remember);
        stage.heightProperty().addListener(remember);
    }

    private WindowPlacement lastPlacement(Stage stage) {
        Rectangle2D b = normalBounds != null ? normalBounds
                : new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        return new WindowPlacement(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight(), stage.isMaximized());
    }

    @Override
    public void start(Stage stage) {
        StartupTimer.mark("fx-start");
        debouncer = new Debouncer(RESTART_DEBOUNCE_MILLIS);
        background = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "anil-export");
            t.setDaemon(true);
            return t;
        });
        vm = new MainViewModel(Objects.requireNonNull(launcher, "no simulation launcher"), debouncer, recent,
                background, javafx.application.Platform::runLater);
        window = new MainWindow(vm, i -> String.format("#%06X", Palette.method(i)));
        window.setExportMemory(exportMemory);
        window.setWindowShown((other, b) -> StageSizeGuard.watch(other,
                new WindowPlacement(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight(), false)));
        StartupTimer.mark("window-built");

        Scene scene = new Scene(window);
        scene.getStylesheets().add(Objects.requireNonNull(
                AnilExplorerApp.class.getResource("app.css"), "app.css").toExternalForm());
        window.attach(scene);
        stage.setTitle(TITLE);
        // decoded off the UI thread (seven PNGs up to 256 px): the window manager takes them a moment later
        java.util.concurrent.CompletableFuture.supplyAsync(AnilExplorerApp::icons, background)
                .thenAcceptAsync(stage.getIcons()::addAll, javafx.application.Platform::runLater);
        stage.setScene(scene);
        stage.setOnHidden(e -> {
            placements.save(lastPlacement(stage));
            shutdown();
        });
        WindowPlacement placement = initialPlacement();
        stage.setX(placement.x());
        stage.setY(placement.y());
        stage.setWidth(placement.width());
        stage.setHeight(placement.height());
        stage.setMaximized(placement.maximized());
        window.fitToHeight(placement.maximized() ? Screen.getPrimary().getVisualBounds().getHeight() : placement.height());
        trackNormalBounds(stage);
        StartupTimer.mark("placed");
        stage.show();
        StartupTimer.mark("shown");
        StageSizeGuard.watch(stage, placement);

        vm.openStartPreset();
        StartupTimer.mark("preset-open");
        // under TestFX start() is called directly and there are no parameters
        List<String> args = new java.util.ArrayList<>(getParameters() == null ? List.of() : getParameters().getRaw());
        if (args.remove(DesktopLauncher.LOCKED)) {
            window.teaching().lockedProperty().set(true);
        }
        if (!args.isEmpty()) {
            window.openFile(Path.of(args.get(0)));
        }
    }

    /** The view model, for tests. */
    public MainViewModel viewModel() {
        return vm;
    }

    public MainWindow window() {
        return window;
    }

    @Override
    public void stop() {
        shutdown();
    }

    /** Stops the frame loop, cancels and joins every simulation thread. Safe to call twice. */
    private synchronized void shutdown() {
        if (window != null) {
            window.detach();
        }
        if (vm != null) {
            vm.close();
        }
        if (debouncer != null) {
            debouncer.close();
        }
        if (background != null) {
            background.shutdown(); // an export in progress finishes its file (written atomically) on its daemon thread
        }
    }

    /** The recent-files list kept in the user's preferences (an empty list if they cannot be read). */
    private static RecentFiles preferencesRecentFiles() {
        String key = "recentFiles";
        Preferences prefs;
        try {
            prefs = Preferences.userNodeForPackage(AnilExplorerApp.class);
        } catch (RuntimeException e) {
            System.getLogger(AnilExplorerApp.class.getName()).log(System.Logger.Level.WARNING,
                    "no user preferences; recent files are kept for this session only", e);
            return RecentFiles.inMemory();
        }
        return new RecentFiles(() -> {
            String stored = prefs.get(key, "");
            return stored.isEmpty() ? List.of() : List.of(stored.split("\n"));
        }, list -> {
            try {
                prefs.put(key, String.join("\n", list));
                prefs.flush();
            } catch (BackingStoreException | RuntimeException e) {
                // the list is a convenience; losing it is not worth a message, but it is worth a log line
                System.getLogger(AnilExplorerApp.class.getName()).log(System.Logger.Level.WARNING,
                        "cannot store the recent-files list", e);
            }
        });
    }

    /** The installer's window icons (resources org/anilexplorer/app/icon-N.png), whichever sizes exist. */
    static List<Image> icons() {
        java.util.ArrayList<Image> out = new java.util.ArrayList<>();
        for (int size : new int[] {16, 24, 32, 48, 64, 128, 256}) {
            InputStream in = AnilExplorerApp.class.getResourceAsStream("icon-" + size + ".png");
            if (in != null) {
                try (in) {
                    out.add(new Image(in));
                } catch (java.io.IOException e) {
                    // an unreadable icon only costs the window its picture
                    System.getLogger(AnilExplorerApp.class.getName()).log(System.Logger.Level.WARNING,
                            "cannot read icon-" + size + ".png", e);
                }
            }
        }
        return out;
    }
}
