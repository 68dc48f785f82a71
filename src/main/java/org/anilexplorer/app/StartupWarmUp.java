package org.anilexplorer.app;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.anilexplorer.figure.AxisSpec;
import org.anilexplorer.figure.FigureCharts;
import org.anilexplorer.figure.FigureModel;
import org.anilexplorer.io.PresetReader;

/**
 * Work the window needs soon after it opens, done on a second core while JavaFX starts on the first: reading the
 * bundled presets (the Presets menu and the start preset: JSON parsing and parameter validation) and drawing one
 * empty chart (JFreeChart, Java2D and the fonts, which the first live chart would otherwise load on the render
 * thread). Everything here is class loading and caches; nothing is kept. A failure only costs the head start.
 */
final class StartupWarmUp {

    private static final System.Logger LOGGER = System.getLogger(StartupWarmUp.class.getName());

    private StartupWarmUp() {
    }

    /** Starts the warm-up on a daemon thread and returns at once. */
    static void start() {
        Thread t = new Thread(StartupWarmUp::run, "anil-warm-up");
        t.setDaemon(true);
        t.start();
    }

    private static void run() {
        try {
            for (String name : PresetReader.bundledNames()) {
                PresetReader.load(name);
            }
        } catch (RuntimeException e) {
            // the window reads the presets again and reports what is wrong with them
            LOGGER.log(System.Logger.Level.DEBUG, "start-up warm-up: presets not read ahead", e);
        }
        try {
            BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = image.createGraphics();
            try {
                FigureCharts.chart(FigureModel.of("warm-up", AxisSpec.linear("t"), AxisSpec.log("y")))
                        .draw(g, new Rectangle2D.Double(0, 0, 64, 48));
            } finally {
                g.dispose();
            }
        } catch (RuntimeException e) {
            LOGGER.log(System.Logger.Level.DEBUG, "start-up warm-up: chart classes not loaded ahead", e);
        }
    }
}
