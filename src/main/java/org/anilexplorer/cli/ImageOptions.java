package org.anilexplorer.cli;

import picocli.CommandLine.Option;

/** The image size options of the figure commands ({@code figure}, {@code reproduce figures}). */
final class ImageOptions {

    @Option(names = "--scale", paramLabel = "S", description = "PNG pixels per point (default: about 2, at least "
            + "1600 pixels wide; 4 ≈ 288 dpi).")
    Double scale;

    @Option(names = "--width", paramLabel = "W", description = "Drawing width in points, also the SVG's width "
            + "(default: 560 for one panel, 840 for two); the PNG is W × S pixels wide.")
    Double width;

    /** The checked size; bad values are a usage error naming the option. */
    FigureSet.Size size() {
        if (scale != null && !(scale >= 0.25 && scale <= 16)) {
            throw new UsageException("--scale: must be a number between 0.25 and 16, got " + scale);
        }
        if (width != null && !(width >= 200 && width <= 10_000)) {
            throw new UsageException("--width: must be a number of points between 200 and 10000, got " + width);
        }
        double pixels = (width != null ? width : 840) * (scale != null ? scale : 2);
        if (pixels > 32_000) {
            throw new UsageException("--width × --scale: the PNG would be " + Math.round(pixels)
                    + " pixels wide; at most 32000");
        }
        return new FigureSet.Size(width, scale);
    }
}
