package org.anilexplorer.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngWriterTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void imageHasTheRequestedSizeAndShowsEveryMethodColour() {
        BufferedImage image = PngWriter.render(TestFigures.figure2(), new ImageSize(700, 320, 2));
        assertEquals(1400, image.getWidth());
        assertEquals(640, image.getHeight());
        int nonWhite = 0;
        int[] nearMethod = new int[2];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                if (rgb != 0xFFFFFF) {
                    nonWhite++;
                }
                for (int m = 0; m < 2; m++) {
                    if (distance(rgb, Palette.method(m)) < 40) {
                        nearMethod[m]++;
                    }
                }
            }
        }
        double area = image.getWidth() * (double) image.getHeight();
        assertTrue(nonWhite > 0.03 * area, "drawn pixels: " + nonWhite);
        assertTrue(nonWhite < 0.6 * area, "mostly white background: " + nonWhite);
        // thick lines in two panels plus legend: thousands of pixels of each method's colour
        assertTrue(nearMethod[0] > 2000 && nearMethod[1] > 2000, Arrays.toString(nearMethod));
    }

    @Test
    void scaleMultipliesPixelsNotTheDrawing() {
        ImageSize small = new ImageSize(400, 300, 1);
        BufferedImage one = PngWriter.render(TestFigures.figure2().panels().get(0), small);
        BufferedImage three = PngWriter.render(TestFigures.figure2().panels().get(0), small.withScale(3));
        assertEquals(400, one.getWidth());
        assertEquals(900, three.getHeight());
        // the same picture: the share of non-white pixels agrees within a few percent
        assertEquals(inkShare(one), inkShare(three), 0.35 * inkShare(one));
    }

    @Test
    void defaultSizeIsAtLeast1600PixelsWide() {
        assertTrue(ImageSize.defaultFor(TestFigures.figure2().panels().get(0)).pixelWidth() >= 1600);
        assertTrue(ImageSize.defaultFor(TestFigures.figure2()).pixelWidth() >= 1600);
    }

    @Test
    void textChunksCarryTitleSoftwareAndMetadataAndReadBack() throws IOException {
        CompositeFigure figure = TestFigures.figure3();
        Path file = Files.createDirectories(dir.resolve("sub")).resolve("figure3.png"); // callers create output folders
        PngWriter.write(figure, file, new ImageSize(500, 300, 1));

        BufferedImage back = ImageIO.read(file.toFile());
        assertEquals(500, back.getWidth());
        assertEquals(300, back.getHeight());

        Map<String, String> text = PngWriter.readText(file);
        assertEquals(figure.title(), text.get("Title"));
        assertEquals(figure.caption(), text.get("Description"));
        assertTrue(text.get("Software").startsWith("ANIL Explorer"), text.get("Software"));
        assertEquals("d=50 k=5 α=0.1 β=0.1 σ²=4", text.get("Parameters"));
        assertEquals("0-2", text.get("Seeds"));
        assertEquals("figure3", text.get("Figure"));

        // the raw chunks, read by hand: Latin-1 values in tEXt, the others in iTXt, resolution in pHYs
        Map<String, List<byte[]>> chunks = chunks(file);
        assertTrue(chunks.get("tEXt").stream().anyMatch(d -> latin1(d).equals("Seeds\0" + "0-2")));
        assertTrue(chunks.get("iTXt").stream().anyMatch(d -> new String(d, StandardCharsets.UTF_8)
                .startsWith("Parameters\0")));
        byte[] phys = chunks.get("pHYs").get(0);
        assertEquals(Math.round(72 / 0.0254), ((phys[0] & 0xFF) << 24) | ((phys[1] & 0xFF) << 16)
                | ((phys[2] & 0xFF) << 8) | (phys[3] & 0xFF));
    }

    @Test
    void writingReplacesTheFileAndLeavesNoTemporaryFiles() throws IOException {
        Path file = dir.resolve("f.png");
        Files.writeString(file, "old");
        PngWriter.write(TestFigures.figure2().panels().get(1), file, new ImageSize(300, 200, 1));
        assertEquals(300, ImageIO.read(file.toFile()).getWidth());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void keywordsAreMadeValid() {
        assertEquals("__ key", PngWriter.keyword("  Λ⋆  key "));
        assertEquals("Café", PngWriter.keyword("Café"));
        assertEquals(79, PngWriter.keyword("x".repeat(100)).length());
        assertEquals("Comment", PngWriter.keyword("   "));
    }

    private static double inkShare(BufferedImage image) {
        long ink = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    ink++;
                }
            }
        }
        return ink / (image.getWidth() * (double) image.getHeight());
    }

    private static double distance(int a, int b) {
        int dr = ((a >> 16) & 0xFF) - ((b >> 16) & 0xFF);
        int dg = ((a >> 8) & 0xFF) - ((b >> 8) & 0xFF);
        int db = (a & 0xFF) - (b & 0xFF);
        return Math.sqrt(dr * dr + dg * dg + db * db);
    }

    private static String latin1(byte[] data) {
        return new String(data, StandardCharsets.ISO_8859_1);
    }

    /** PNG chunks by type: 8-byte signature, then (length, type, data, CRC) records. */
    private static Map<String, List<byte[]>> chunks(Path file) throws IOException {
        Map<String, List<byte[]>> out = new java.util.HashMap<>();
        try (InputStream raw = Files.newInputStream(file); DataInputStream in = new DataInputStream(raw)) {
            in.readFully(new byte[8]);
            while (true) {
                int length = in.readInt();
                byte[] type = new byte[4];
                in.readFully(type);
                byte[] data = new byte[length];
                in.readFully(data);
                in.readInt();
                String t = new String(type, StandardCharsets.US_ASCII);
                out.computeIfAbsent(t, k -> new ArrayList<>()).add(data);
                if (t.equals("IEND")) {
                    return out;
                }
            }
        }
    }
}
