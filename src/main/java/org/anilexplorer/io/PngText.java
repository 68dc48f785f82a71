package org.anilexplorer.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.Node;

/** The text chunks of a PNG file (tEXt, iTXt, zTXt), read through ImageIO's PNG metadata without decoding pixels. */
public final class PngText {

    /** The name of ImageIO's native PNG metadata tree. */
    public static final String FORMAT = "javax_imageio_png_1.0";

    private PngText() {
    }

    /** Keyword → text of every text chunk, in file order. */
    public static Map<String, String> read(Path file) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file); ImageInputStream iis = ImageIO.createImageInputStream(in)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(iis);
            if (!readers.hasNext()) {
                throw new IOException(file + " is not an image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(iis, true, false);
                IIOMetadata metadata = reader.getImageMetadata(0);
                if (!java.util.Arrays.asList(metadata.getMetadataFormatNames()).contains(FORMAT)) {
                    throw new IOException(file + " is not a PNG image");
                }
                Node root = metadata.getAsTree(FORMAT);
                for (Node chunk = root.getFirstChild(); chunk != null; chunk = chunk.getNextSibling()) {
                    String valueAttribute = switch (chunk.getNodeName()) {
                        case "tEXt" -> "value";
                        case "iTXt", "zTXt" -> "text";
                        default -> null;
                    };
                    if (valueAttribute == null) {
                        continue;
                    }
                    for (Node e = chunk.getFirstChild(); e != null; e = e.getNextSibling()) {
                        IIOMetadataNode entry = (IIOMetadataNode) e;
                        out.put(entry.getAttribute("keyword"), entry.getAttribute(valueAttribute));
                    }
                }
            } finally {
                reader.dispose();
            }
        }
        return out;
    }
}
