package org.anilexplorer.figure;

import org.anilexplorer.io.AtomicFiles;
import org.anilexplorer.io.PngText;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * PNG export: the figure drawn at {@link ImageSize#scale()} through {@code Graphics2D.scale}, with its title, caption,
 * program version and metadata as PNG text chunks (tEXt, or iTXt in UTF-8 when a value is not Latin-1, e.g. "Λ⋆"),
 * and the resolution in a pHYs chunk. Works headless. Files are written atomically.
 */
public final class PngWriter {

    private static final String PNG_FORMAT = PngText.FORMAT;

    private PngWriter() {
    }

    /** Draws the figure into a new opaque image of {@code size.pixelWidth() × size.pixelHeight()} pixels. */
    public static BufferedImage render(Figure figure, ImageSize size) {
        BufferedImage image = new BufferedImage(size.pixelWidth(), size.pixelHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setPaint(ChartStyle.BACKGROUND);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.scale(size.scale(), size.scale());
            FigureCharts.drawable(figure).draw(g, new Rectangle2D.Double(0, 0, size.width(), size.height()));
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Writes the figure at its default size ({@link ImageSize#defaultFor}). */
    public static void write(Figure figure, Path file) throws IOException {
        write(figure, file, ImageSize.defaultFor(figure));
    }

    public static void write(Figure figure, Path file, ImageSize size) throws IOException {
        BufferedImage image = render(figure, size);
        Map<String, String> text = textEntries(figure);
        AtomicFiles.writeBytes(file, out -> {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
            try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(ios);
                ImageWriteParam param = writer.getDefaultWriteParam();
                IIOMetadata metadata = writer.getDefaultImageMetadata(
                        ImageTypeSpecifier.createFromRenderedImage(image), param);
                metadata.mergeTree(PNG_FORMAT, chunks(text, size));
                writer.write(null, new IIOImage(image, null, metadata), param);
            } finally {
                writer.dispose();
            }
        });
    }

    /**
     * The text chunks written for this figure, in order: "Title", "Description" (the caption), "Software", then every
     * metadata entry (which may override the first three). Keys are made valid PNG keywords (Latin-1, 1–79 chars).
     */
    public static Map<String, String> textEntries(Figure figure) {
        Map<String, String> entries = new LinkedHashMap<>();
        if (!figure.title().isEmpty()) {
            entries.put("Title", figure.title());
        }
        if (!figure.caption().isEmpty()) {
            entries.put("Description", figure.caption());
        }
        entries.put("Software", ProgramVersion.SOFTWARE);
        figure.metadata().forEach((k, v) -> entries.put(keyword(k), v));
        return entries;
    }

    /** Reads the tEXt, iTXt and zTXt chunks of a PNG file, in file order. */
    public static Map<String, String> readText(Path file) throws IOException {
        return PngText.read(file);
    }

    private static IIOMetadataNode chunks(Map<String, String> text, ImageSize size) {
        IIOMetadataNode root = new IIOMetadataNode(PNG_FORMAT);
        IIOMetadataNode latin = new IIOMetadataNode("tEXt");
        IIOMetadataNode international = new IIOMetadataNode("iTXt");
        text.forEach((keyword, value) -> {
            if (StandardCharsets.ISO_8859_1.newEncoder().canEncode(value)) {
                IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
                entry.setAttribute("keyword", keyword);
                entry.setAttribute("value", value);
                latin.appendChild(entry);
            } else {
                IIOMetadataNode entry = new IIOMetadataNode("iTXtEntry");
                entry.setAttribute("keyword", keyword);
                entry.setAttribute("compressionFlag", "FALSE");
                entry.setAttribute("compressionMethod", "0");
                entry.setAttribute("languageTag", "");
                entry.setAttribute("translatedKeyword", "");
                entry.setAttribute("text", value);
                international.appendChild(entry);
            }
        });
        if (latin.hasChildNodes()) {
            root.appendChild(latin);
        }
        if (international.hasChildNodes()) {
            root.appendChild(international);
        }
        IIOMetadataNode physical = new IIOMetadataNode("pHYs");
        String perMetre = Long.toString(Math.round(size.dotsPerInch() / 0.0254));
        physical.setAttribute("pixelsPerUnitXAxis", perMetre);
        physical.setAttribute("pixelsPerUnitYAxis", perMetre);
        physical.setAttribute("unitSpecifier", "meter");
        root.appendChild(physical);
        return root;
    }

    /** A valid PNG keyword: printable Latin-1 without leading, trailing or double spaces, 1–79 characters. */
    static String keyword(String key) {
        StringBuilder sb = new StringBuilder();
        for (char c : key.trim().toCharArray()) {
            boolean printable = (c >= 32 && c <= 126) || (c >= 161 && c <= 255);
            char d = printable ? c : '_';
            if (d == ' ' && sb.length() > 0 && sb.charAt(sb.length() - 1) == ' ') {
                continue;
            }
            sb.append(d);
        }
        String k = sb.length() > 79 ? sb.substring(0, 79).trim() : sb.toString();
        return k.isEmpty() ? "Comment" : k;
    }
}
