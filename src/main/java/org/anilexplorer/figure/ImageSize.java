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

    /** Drawing width of each panel of a multi-panel figure, in points (plus {@link #MARGIN_WIDTH} in all). */
    public static final double PANEL_WIDTH = 400;
    public static final double MARGIN_WIDTH = 40;
    /** Drawing width of a single-panel figure, in points. */
    public static final double SINGLE_WIDTH = 560;
    /** Drawing height of any figure without title and caption (plots, axes, panel titles, a two-row legend). */
    public static final double BASE_HEIGHT = 360;
    /** Extra height for a title, and for a caption. */
    public static final double TITLE_HEIGHT = 30;
    public static final double CAPTION_HEIGHT = 40;
    /** Smallest default PNG width, in pixels. */
    public static final int MIN_DEFAULT_PIXELS = 1600;

    public ImageSize {
        check("width", width, 50, 20_000);
        check("height", height, 50, 20_000);
        check("scale", scale, 0.25, 16);
        if (width * scale > 32_000 || height * scale > 32_000) {
            throw new IllegalArgumentException("image size: width × scale and height × scale must be ≤ 32000 pixels, got "
                    + Math.round(width * scale) + " × " + Math.round(height * scale));
        }
    }

    /**
     * The default size for this figure: 1.2–1.7 times the size it is printed at in a paper's text width, so that its
     * 12–14 pt labels come out at 8–10 pt there. Width 560 points for one panel, 40 + 400 per panel for several;
     * height 360 points plus 30 for a title and 40 for a caption. The scale is the smallest quarter step ≥ 2 giving at
     * least 1600 pixels of width (one panel: 1680 × 1290 px; two panels: 1680 × 860 px).
     */
    public static ImageSize defaultFor(Figure figure) {
        int n = figure.panels().size();
        double width = n == 1 ? SINGLE_WIDTH : MARGIN_WIDTH + PANEL_WIDTH * n;
        double height = BASE_HEIGHT + (figure.title().isEmpty() ? 0 : TITLE_HEIGHT)
                + (figure.caption().isEmpty() ? 0 : CAPTION_HEIGHT);
        double scale = Math.max(2, Math.ceil(MIN_DEFAULT_PIXELS / width * 4) / 4);
        return new ImageSize(width, height, scale);
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
