package org.anilexplorer.app;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Rectangle2D;

/**
 * Where and how big the main window is (the stage's outer bounds) and whether it is maximised: remembered across
 * launches, and used for a first start at a size that suits the screen.
 */
record WindowPlacement(double x, double y, double width, double height, boolean maximized) {

    /** The preferred size of a first start on a large screen (content, in layout units). */
    static final double PREFERRED_WIDTH = 1440;
    static final double PREFERRED_HEIGHT = 900;
    /** Room left around a first-start window on a small screen for its frame and the desktop's panels. */
    static final double MARGIN_WIDTH = 40;
    static final double MARGIN_HEIGHT = 60;
    /** A remembered window must keep at least this much of itself on some screen to be reused. */
    private static final double VISIBLE_PART = 100;

    /** A first start: the preferred size, smaller on a small screen, centred on {@code screen} (visual bounds). */
    static WindowPlacement firstStart(Rectangle2D screen) {
        double w = Math.min(PREFERRED_WIDTH, screen.getWidth() - MARGIN_WIDTH);
        double h = Math.min(PREFERRED_HEIGHT, screen.getHeight() - MARGIN_HEIGHT);
        return new WindowPlacement(screen.getMinX() + (screen.getWidth() - w) / 2,
                screen.getMinY() + (screen.getHeight() - h) / 2, w, h, false);
    }

    /**
     * Whether this placement can be reused on these screens (visual bounds): a sane size no larger than the screen it
     * is on, with a good part of it on that screen (a monitor may have been unplugged since).
     */
    boolean fits(List<Rectangle2D> screens) {
        if (!(width >= 200 && height >= 150) || !Double.isFinite(x) || !Double.isFinite(y)) {
            return false;
        }
        for (Rectangle2D s : screens) {
            Rectangle2D overlap = intersection(s, new Rectangle2D(x, y, width, height));
            if (overlap != null && overlap.getWidth() >= VISIBLE_PART && overlap.getHeight() >= VISIBLE_PART
                    && width <= s.getWidth() + 1 && height <= s.getHeight() + 1) {
                return true;
            }
        }
        return false;
    }

    private static Rectangle2D intersection(Rectangle2D a, Rectangle2D b) {
        double x0 = Math.max(a.getMinX(), b.getMinX());
        double y0 = Math.max(a.getMinY(), b.getMinY());
        double x1 = Math.min(a.getMaxX(), b.getMaxX());
        double y1 = Math.min(a.getMaxY(), b.getMaxY());
        return x1 > x0 && y1 > y0 ? new Rectangle2D(x0, y0, x1 - x0, y1 - y0) : null;
    }

    /** "x y width height maximized", the stored form. */
    String encode() {
        return String.format(Locale.ROOT, "%.0f %.0f %.0f %.0f %b", x, y, width, height, maximized);
    }

    /** The stored form read back; empty when it is missing or malformed. */
    static Optional<WindowPlacement> decode(String stored) {
        if (stored == null) {
            return Optional.empty();
        }
        String[] f = stored.trim().split("\\s+");
        if (f.length != 5) {
            return Optional.empty();
        }
        try {
            return Optional.of(new WindowPlacement(Double.parseDouble(f[0]), Double.parseDouble(f[1]),
                    Double.parseDouble(f[2]), Double.parseDouble(f[3]), Boolean.parseBoolean(f[4])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
