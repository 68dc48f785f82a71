package org.anilexplorer.figure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders every standard figure from synthetic runs to PNG, SVG and CSV under {@code target/figure-gallery/} (or the
 * directory given as the first argument), to be looked at by a person; not a test. Run it headless:
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Djava.awt.headless=true -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *      org.anilexplorer.figure.FigureGallery
 * rsvg-convert -o target/figure-gallery/figure2-svg.png target/figure-gallery/figure2.svg   # to check the SVG
 * </pre>
 */
public final class FigureGallery {

    private FigureGallery() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Path dir = Paths.get(args.length > 0 ? args[0] : "target/figure-gallery");
        Files.createDirectories(dir);
        List<MethodRuns> methods = SyntheticRuns.paperMethods(100_000, 10);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("Parameters", "d=50 k=5 k'=50 m_in=20 m_out=10 α=0.1 β=0.1 σ²=4 (synthetic curves)");
        meta.put("Seeds", "0–9");
        Map<String, Figure> figures = new LinkedHashMap<>();
        figures.put("figure2", StandardFigures.figure2(methods, SyntheticRuns.LAMBDA_STAR).withMetadata(meta));
        figures.put("figure3", StandardFigures.figure3(methods, SyntheticRuns::unlearningRate).withMetadata(meta));
        figures.put("spectrum", StandardFigures.spectrum(methods.subList(2, 3), SyntheticRuns.LAMBDA_STAR)
                .withMetadata(meta));
        figures.put("spectrum-all", StandardFigures.spectrum(methods, SyntheticRuns.LAMBDA_STAR).withMetadata(meta));
        figures.put("distance", StandardFigures.distance(methods).withMetadata(meta));
        figures.put("loss", StandardFigures.trainingLoss(methods).withMetadata(meta));
        figures.put("head-error", StandardFigures.headError(methods).withMetadata(meta));
        figures.put("figure2-single-seed", StandardFigures.figure2(
                SyntheticRuns.paperMethods(100_000, 1), SyntheticRuns.LAMBDA_STAR).withYScale(AxisScale.LOG));
        for (Map.Entry<String, Figure> e : figures.entrySet()) {
            long start = System.nanoTime();
            PngWriter.write(e.getValue(), dir.resolve(e.getKey() + ".png"));
            SvgWriter.write(e.getValue(), dir.resolve(e.getKey() + ".svg"));
            CsvWriter.write(e.getValue(), dir.resolve(e.getKey() + ".csv"));
            System.out.printf("%-22s %6.0f ms%n", e.getKey(), (System.nanoTime() - start) / 1e6);
        }
    }
}
