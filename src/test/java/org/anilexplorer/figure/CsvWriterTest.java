package org.anilexplorer.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvWriterTest {

    @TempDir
    Path dir;

    private static CSVParser parse(String csv) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true)
                .get();
        return CSVParser.parse(new StringReader(csv), format);
    }

    /** The value a cell must hold: the model's number, or an empty cell for "no point here". */
    private static void assertCell(double expected, String cell, String where) {
        if (Double.isNaN(expected)) {
            assertEquals("", cell, where);
        } else {
            assertEquals(expected, Double.parseDouble(cell), 0, where); // exact: the CSV loses no digits
        }
    }

    @Test
    void everyPointOfEveryCurveIsInTheCsvExactly() throws IOException {
        CompositeFigure figure = TestFigures.figure3();
        StringBuilder out = new StringBuilder();
        CsvWriter.write(figure, out);
        try (CSVParser csv = parse(out.toString())) {
            List<String> header = csv.getHeaderNames();
            assertEquals("iteration t", header.get(0));
            assertEquals(CsvWriter.headers(figure), header.subList(1, header.size()));
            List<CSVRecord> rows = csv.getRecords();

            TreeSet<Double> xs = new TreeSet<>();
            for (FigureModel p : figure.panels()) {
                p.series().forEach(s -> { for (double x : s.x()) { xs.add(x); } });
                p.theoryCurves().forEach(c -> { for (double x : c.x()) { xs.add(x); } });
            }
            assertEquals(xs.size(), rows.size());
            assertEquals(0, Double.parseDouble(rows.get(0).get(0)), "iteration 0 is kept (only the plot drops it)");

            for (FigureModel p : figure.panels()) {
                for (Series s : p.series()) {
                    String mean = p.title() + ": " + s.name() + " mean";
                    String std = p.title() + ": " + s.name() + " " + org.anilexplorer.core.stats.SeedStatistics.SD;
                    assertTrue(header.contains(mean) && header.contains(std), header.toString());
                    for (int i = 0; i < s.size(); i++) {
                        CSVRecord row = rows.get(xs.headSet(s.x(i)).size());
                        assertEquals(s.x(i), Double.parseDouble(row.get(0)));
                        assertCell(s.mean(i), row.get(mean), mean + " @ " + s.x(i));
                        assertCell(s.std(i), row.get(std), std + " @ " + s.x(i));
                    }
                }
            }
            TheoryCurve theory = figure.panels().get(1).theoryCurves().get(0);
            String column = "largest: " + theory.name();
            for (int i = 0; i < theory.size(); i++) {
                assertCell(theory.y(i), rows.get(xs.headSet(theory.x(i)).size()).get(column), column);
            }
            // the theory curve starts at t = 1, so its cell at t = 0 is empty
            assertEquals("", rows.get(0).get(column));
            // a cancelled seed leaves one seed beyond t = 60 in neither method: 2 seeds remain, so std continues
            assertTrue(!rows.get(rows.size() - 1).get("average: FO-ANIL " + org.anilexplorer.core.stats.SeedStatistics.SD).isEmpty());
            assertTrue(csv.getHeaderComment().contains("Parameters: d=50 k=5 α=0.1 β=0.1 σ²=4"),
                    csv.getHeaderComment());
        }
    }

    @Test
    void referenceLevelsAreConstantColumnsAndSingleSeedsHaveNoStdColumn() throws IOException {
        List<MethodRuns> one = List.of(MethodRuns.of("solo", 0, List.of(TestFigures.methods().get(0).seeds().get(0))));
        CompositeFigure figure = StandardFigures.figure2(one, new double[] {0.5, 3});
        Path file = dir.resolve("f.csv");
        CsvWriter.write(figure, file);
        try (CSVParser csv = parse(Files.readString(file, StandardCharsets.UTF_8))) {
            assertEquals(List.of("iteration t", "smallest: solo mean", "smallest: " + StandardFigures.LAMBDA_STAR,
                    "largest: solo mean", "largest: " + StandardFigures.LAMBDA_STAR), csv.getHeaderNames());
            for (CSVRecord row : csv.getRecords()) {
                assertEquals("0.5", row.get(2));
                assertEquals("3", row.get(4));
            }
        }
    }

    @Test
    void numbersAreWrittenForMachinesAndHumans() {
        assertEquals("100000", CsvWriter.number(1e5));
        assertEquals("0.1", CsvWriter.number(0.1));
        assertEquals("1.0E-20", CsvWriter.number(1e-20));
        assertEquals("", CsvWriter.number(Double.NaN));
        assertEquals(0.1 + 0.2, Double.parseDouble(CsvWriter.number(0.1 + 0.2)));
    }
}
