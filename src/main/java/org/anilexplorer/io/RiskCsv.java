package org.anilexplorer.io;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.anilexplorer.core.run.RiskSeries;
import org.anilexplorer.core.run.RunView;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code risk.csv}: the test risk E‖θ̂ − θ⋆‖² each run recorded over its iterations ({@link RiskSeries}), one row per
 * point, m_test and run: {@code method, seed, iteration, m_test, one_step_gd, ridge}. A run's rows come m_test by
 * m_test (in the parameters' order), each a block over the same iterations. An estimator that does not apply to the
 * method (1-GD for Burer–Monteiro and average loss) is an empty cell.
 */
public final class RiskCsv {

    public static final List<String> HEADER = List.of("method", "seed", "iteration", "m_test", "one_step_gd", "ridge");

    private RiskCsv() {
    }

    public static void write(ExperimentRecord r, Writer out) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").setHeader(HEADER.toArray(String[]::new))
                .get();
        CSVPrinter csv = new CSVPrinter(out, format);
        for (RunView run : r.view().runs()) {
            RiskSeries s = run.risk();
            for (int j = 0; j < s.mTestCount(); j++) {
                int mTest = s.mTests()[j];
                for (int i = 0; i < s.size(); i++) {
                    csv.printRecord(run.label(), run.seed(), s.iteration(i), mTest, cell(s.oneStepGd(j, i)),
                            cell(s.ridge(j, i)));
                }
            }
        }
        csv.flush();
    }

    private static String cell(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }
}
