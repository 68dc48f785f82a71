package org.anilexplorer.app;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.value.ChangeListener;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Keeps the window at the size it asked for while the window manager maps it.
 *
 * <p>Some window managers (openbox) map a new JavaFX 21 stage at 200×200 and JavaFX accepts that size about 300 ms
 * later, although the stage had asked for more; asking again after that configure takes effect. So for a short
 * while after showing, a shrink to such a placeholder size is answered by asking for the intended bounds again, and
 * a few checks on a timer catch a configure that arrives without a size change event. After that the guard is gone,
 * so it never fights a size the user chooses.
 */
final class StageSizeGuard {

    /** How long after showing the window a shrink counts as the window manager's, not the user's. */
    static final Duration WATCH = Duration.seconds(6);
    /** The bounds are checked again at these times after showing (a loaded machine maps windows late). */
    private static final double[] CHECKS_MILLIS = {350, 700, 1200, 2000, 3000, 4500};

    private final Stage stage;
    private final WindowPlacement intended;
    private final ChangeListener<Number> onResize;
    private final Timeline checks = new Timeline();
    private int corrections;

    private StageSizeGuard(Stage stage, WindowPlacement intended) {
        this.stage = stage;
        this.intended = intended;
        this.onResize = (obs, old, now) -> {
            if (now.doubleValue() < old.doubleValue()) {
                javafx.application.Platform.runLater(this::restore);
                // and once more after the window manager has answered the request (it may answer with its own size)
                Timeline again = new Timeline(new KeyFrame(Duration.millis(500), e -> restore()));
                again.play();
            }
        };
    }

    /** Starts guarding {@code stage}, just shown with {@code intended} bounds; returns the guard. */
    static StageSizeGuard watch(Stage stage, WindowPlacement intended) {
        StageSizeGuard guard = new StageSizeGuard(stage, intended);
        guard.start();
        return guard;
    }

    private void start() {
        stage.widthProperty().addListener(onResize);
        stage.heightProperty().addListener(onResize);
        for (double at : CHECKS_MILLIS) {
            checks.getKeyFrames().add(new KeyFrame(Duration.millis(at), e -> restore()));
        }
        checks.getKeyFrames().add(new KeyFrame(WATCH, e -> stop()));
        checks.play();
    }

    /** Stops watching (also when the user starts resizing on their own: see {@link #WATCH}). */
    void stop() {
        stage.widthProperty().removeListener(onResize);
        stage.heightProperty().removeListener(onResize);
        checks.stop();
    }

    /** How many times the intended bounds had to be asked for again (for the log and tests). */
    int corrections() {
        return corrections;
    }

    /**
     * Whether a size is the window manager's placeholder rather than a size anyone chose: less than half the
     * intended width or height (openbox's is 200×200). A user who drags the window smaller in the first seconds keeps
     * their size.
     */
    boolean isPlaceholder(double width, double height) {
        return width < intended.width() / 2 || height < intended.height() / 2;
    }

    private void restore() {
        if (!stage.isShowing() || stage.isIconified()) {
            return;
        }
        if (intended.maximized()) {
            if (!stage.isMaximized()) {
                corrections++;
                stage.setMaximized(true);
            }
            return;
        }
        if (stage.isMaximized() || stage.isFullScreen()) {
            return; // the user maximised it: theirs to decide
        }
        if (isPlaceholder(stage.getWidth(), stage.getHeight())) {
            corrections++;
            stage.setX(intended.x());
            stage.setY(intended.y());
            stage.setWidth(intended.width());
            stage.setHeight(intended.height());
        }
    }
}
