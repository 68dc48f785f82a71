package org.anilexplorer.figure;

/**
 * The size of an exported figure: a drawing size in points (the SVG's size; fonts are sized against it) and a scale
 * factor for PNG, which is drawn at scale through {@code Graphics2D.scale}, so a larger scale gives the same picture
 * at a higher resolution (scale 2 ≈ 144 dpi, 4 ≈ 288 dpi).
 *
 * @param width  drawing width in points
 * @param height drawing height in points
 * @param scale  pixels per point in PNG export
 */
public record ImageSize(double width, double height, double scale) {

    /** Drawing height of every standard figure, in points. */
    public static final double HEIGHT = 540;
    /** Drawing width of one panel, in points. */
    public static final double PANEL_WIDTH = 560;
    /** Default PNG scale: a single-panel figure comes out 1600 px wide, two panels 2320 px. */
    public static final double SCALE = 2;

    public ImageSize {
        check("width", width, 50, 20_000);
        check("height", height, 50, 20_000);
        check("scale", scale, 0.25, 16);
        if (width * scale > 32_000 || height * scale > 32_000) {
            throw new IllegalArgumentException("image size: width × scale and height × scale must be ≤ 32000 pixels, got "
                    + Math.round(width * scale) + " × " + Math.round(height * scale));
        }
    }

    /** The default size for this figure: 800 points wide for one panel, 560 more for each further panel. */
    public static ImageSize defaultFor(Figure figure) {
        int n = figure.panels().size();
        double width = n == 1 ? 800 : 40 + PANEL_WIDTH * n;
        return new ImageSize(width, HEIGHT, SCALE);
    }

    public ImageSize withScale(double newScale) {
        return new ImageSize(width, height, newScale);
    }

    public int pixelWidth() {
        return (int) Math.round(width * scale);
    }

    public int pixelHeight() {
        return (int) Math.round(height * scale);
    }

    /** Resolution recorded in the PNG (72 points per inch, times the scale). */
    public double dotsPerInch() {
        return 72 * scale;
    }

    private static void check(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException("image " + field + " must be between " + min + " and " + max + ", got "
                    + value);
        }
    }
}
