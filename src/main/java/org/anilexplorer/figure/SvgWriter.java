package org.anilexplorer.figure;

import org.anilexplorer.io.AtomicFiles;
import org.anilexplorer.io.FigureConfiguration;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.Drawable;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;

/**
 * SVG export via JFreeSVG: text stays text, curves stay paths. The title goes into the SVG {@code <title>}, the caption
 * and metadata ("key: value" lines) into {@code <desc>}, except the configuration and view it was drawn with, which go
 * into {@code <metadata>} ({@link FigureConfiguration}). Files are written atomically, UTF-8.
 */
public final class SvgWriter {

    private SvgWriter() {
    }

    /** The complete SVG document (XML declaration included). */
    public static String toSvg(Figure figure, ImageSize size) {
        SVGGraphics2D g = new SVGGraphics2D(size.width(), size.height());
        g.setDefsKeyPrefix(definitionsPrefix(figure));
        // DejaVu Sans first, then close relatives, so that viewers without it keep similar text widths; unquoted
        // (valid CSS) because JFreeSVG writes the style attribute in single quotes
        g.setFontFunction(family -> family.equals("DejaVu Sans")
                ? "DejaVu Sans, Bitstream Vera Sans, Verdana, sans-serif"
                : family);
        drawWithTextRotation(g, FigureCharts.drawable(figure), size);
        return withDescription(g.getSVGDocument(), figure);
    }

    /**
     * The prefix of the ids of the document's definitions (clip paths, gradients). JFreeSVG's default is the clock
     * ({@code System.nanoTime()}), which would make two exports of the same figure differ; a hash of the figure's
     * title and metadata keeps exports reproducible byte for byte while two different figures inlined in one HTML page
     * still get different ids.
     */
    private static String definitionsPrefix(Figure figure) {
        return "_" + Integer.toHexString(java.util.Objects.hash(figure.title(), figure.metadata())) + "-";
    }

    /**
     * JFreeChart draws rotated text (the y-axis label) through a TextLayout by default, which JFreeSVG can only turn
     * into glyph outlines; with the workaround off it uses a rotated drawString, which stays an SVG text element. Both
     * paths draw the same picture, so a chart drawn elsewhere meanwhile is unaffected; the lock keeps concurrent SVG
     * exports from restoring each other's setting.
     */
    private static void drawWithTextRotation(SVGGraphics2D g, Drawable drawable, ImageSize size) {
        synchronized (SvgWriter.class) {
            boolean saved = TextUtils.isUseDrawRotatedStringWorkaround();
            TextUtils.setUseDrawRotatedStringWorkaround(false);
            try {
                drawable.draw(g, new Rectangle2D.Double(0, 0, size.width(), size.height()));
            } finally {
                TextUtils.setUseDrawRotatedStringWorkaround(saved);
            }
        }
    }

    /** Writes the figure at its default size ({@link ImageSize#defaultFor}). */
    public static void write(Figure figure, Path file) throws IOException {
        write(figure, file, ImageSize.defaultFor(figure));
    }

    public static void write(Figure figure, Path file, ImageSize size) throws IOException {
        byte[] bytes = toSvg(figure, size).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.writeBytes(file, out -> out.write(bytes));
    }

    private static String withDescription(String document, Figure figure) {
        int svg = document.indexOf("<svg");
        int end = svg < 0 ? -1 : document.indexOf('>', svg);
        if (end < 0) {
            return document;
        }
        StringBuilder desc = new StringBuilder();
        if (!figure.caption().isEmpty()) {
            desc.append(figure.caption()).append('\n');
        }
        desc.append("Software: ").append(ProgramVersion.SOFTWARE).append('\n');
        for (Map.Entry<String, String> e : figure.metadata().entrySet()) {
            if (FigureConfiguration.isMachineEntry(e.getKey())) {
                continue; // in <metadata> below
            }
            desc.append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        }
        String head = "<title>" + SVGUtils.escapeForXML(figure.title()) + "</title><desc>"
                + SVGUtils.escapeForXML(desc.toString().strip()) + "</desc>"
                + FigureConfiguration.svgMetadata(figure.metadata());
        return document.substring(0, end + 1) + head + document.substring(end + 1);
    }
}
